/**
 * The CodeMirror 6 editor, loaded only through a dynamic import() so none of it is in the first
 * load. YAML highlighting, a lint gutter and inline diagnostics pushed from outside (admission).
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { Diagnostic } from '../../k8s/admission-types';

export interface ManifestEditorHandle {
  setDoc(text: string): void;
  setDiagnostics(diagnostics: Diagnostic[]): void;
  focus(): void;
  destroy(): void;
}

const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--cm-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--cm-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--cm-number)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.keyword, tags.typeName, tags.labelName], color: 'var(--cm-meta)' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--cm-punct)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '0.8125rem', backgroundColor: 'var(--cm-bg)', color: 'var(--cm-fg)' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    lineHeight: '1.45',
  },
  '.cm-content': { caretColor: 'var(--cm-fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--cm-fg)' },
  '.cm-gutters': {
    backgroundColor: 'var(--cm-gutter-bg)',
    color: 'var(--cm-gutter-fg)',
    borderRight: '1px solid var(--cm-gutter-border)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-line)' },
  '&.cm-focused': { outline: '3px solid #0284c7', outlineOffset: '-3px' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--cm-selection)',
  },
  '.cm-placeholder': { color: 'var(--cm-comment)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--cm-bg)',
    color: 'var(--cm-fg)',
    border: '1px solid var(--cm-gutter-border)',
  },
});

function toCm(state: EditorState, d: Diagnostic): CmDiagnostic {
  const lineNo = Math.min(Math.max(1, d.line), state.doc.lines);
  const line = state.doc.line(lineNo);
  const from = Math.min(line.from + Math.max(0, d.col - 1), line.to);
  // Underline the rest of the word (or the line's end) from the located column.
  const rest = state.doc.sliceString(from, line.to);
  const word = /^[^\s:,{}[\]]+/.exec(rest)?.[0].length ?? 0;
  const to = word > 0 ? from + word : line.to > from ? line.to : from;
  return {
    from,
    to,
    severity: d.severity,
    message: d.path ? `${d.path}: ${d.message}` : d.message,
    source: d.file,
  };
}

export function createManifestEditor(
  parent: HTMLElement,
  options: { doc: string; onChange: (text: string) => void; label: string },
): ManifestEditorHandle {
  let applying = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        yaml(),
        syntaxHighlighting(highlight),
        lintGutter(),
        placeholder('Paste a Pod manifest here (YAML), or pick an example above'),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        theme,
        EditorState.tabSize.of(2),
        EditorView.contentAttributes.of({
          tabindex: '0',
          'aria-label': options.label,
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !applying) options.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setDoc(text) {
      if (text === view.state.doc.toString()) return;
      applying = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      applying = false;
    },
    setDiagnostics(diagnostics) {
      view.dispatch(
        setDiagnostics(
          view.state,
          diagnostics.map((d) => toCm(view.state, d)),
        ),
      );
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

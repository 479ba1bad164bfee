/**
 * The manifest editor pane. CodeMirror arrives through a dynamic import(); until it does, a plain
 * textarea stands in (so the page is usable at once). Located diagnostics show inline and below.
 */
import { useEffect, useRef, useState } from 'react';
import { formatDiagnostic } from '../../k8s';
import type { Diagnostic } from '../../k8s/admission-types';
import type { ManifestEditorHandle } from './codemirror';

export interface ManifestEditorProps {
  value: string;
  onChange: (text: string) => void;
  diagnostics: Diagnostic[];
}

export function ManifestEditor({ value, onChange, diagnostics }: ManifestEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<ManifestEditorHandle | null>(null);
  const onChangeRef = useRef(onChange);
  const valueRef = useRef(value);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    onChangeRef.current = onChange;
    valueRef.current = value;
  });

  useEffect(() => {
    let cancelled = false;
    import('./codemirror').then(
      (m) => {
        if (cancelled || !hostRef.current) return;
        handleRef.current = m.createManifestEditor(hostRef.current, {
          doc: valueRef.current,
          onChange: (text) => onChangeRef.current(text),
          label: 'Pod manifest (YAML)',
        });
        setLoaded(true);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      handleRef.current?.destroy();
      handleRef.current = null;
    };
  }, []);

  useEffect(() => {
    handleRef.current?.setDoc(value);
  }, [value, loaded]);

  useEffect(() => {
    handleRef.current?.setDiagnostics(diagnostics);
  }, [diagnostics, loaded]);

  const errors = diagnostics.filter((d) => d.severity === 'error');
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div ref={hostRef} className="min-h-0 flex-1 overflow-hidden" data-testid="editor-host">
        {!loaded && (
          <textarea
            className="h-full w-full resize-none bg-[var(--cm-bg)] p-2 font-mono text-[0.8125rem] text-[var(--cm-fg)] focus-visible:outline-3 focus-visible:-outline-offset-3 focus-visible:outline-sky-600"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            spellCheck={false}
            aria-label="Pod manifest (YAML)"
            placeholder={
              failed ? 'The editor could not load; plain text editing works.' : 'Paste a Pod manifest here'
            }
          />
        )}
      </div>
      {diagnostics.length > 0 && (
        <ul
          className={`max-h-32 overflow-auto border-t px-3 py-2 font-mono text-xs ${
            errors.length > 0
              ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
              : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100'
          }`}
          aria-label="Manifest problems"
          data-testid="diagnostics"
        >
          {diagnostics.map((d, i) => (
            <li key={i}>
              {d.severity === 'error' && <span className="font-semibold">error: </span>}
              {formatDiagnostic(d)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Scenario files: export as JSON or YAML; import a scenario file (JSON or YAML) or a bare
 * Kubernetes manifest (one or more documents with `kind:`), which becomes a default scenario.
 * Errors are located in the file: `scenario.yaml:4:3: actions[0].at: must be a number >= 0`.
 */
import { LineCounter, parseAllDocuments, stringify, type Document } from 'yaml';
import { isPlainObject } from './check';
import { defaultScenario } from './default';
import { parseScenario } from './parse';
import { locateIssue, locateYamlError } from './yaml-locate';
import type { ScenarioV1 } from './types';

export type ExportFormat = 'json' | 'yaml';

/** Every field, defaults included, in the order a person reads them. */
function readable(s: ScenarioV1): Record<string, unknown> {
  const ordered = {
    version: s.version,
    title: s.title,
    fileName: s.fileName,
    seed: s.seed,
    node: s.node,
    actions: s.actions,
    customImages: s.customImages,
    traffic: s.traffic,
    until: s.until,
    view: s.view,
    manifest: s.manifest,
  };
  return Object.fromEntries(Object.entries(ordered).filter(([, v]) => v !== undefined));
}

export function exportScenario(s: ScenarioV1, format: ExportFormat): string {
  if (format === 'json') return `${JSON.stringify(readable(s), null, 2)}\n`;
  return stringify(readable(s), { blockQuote: 'literal', lineWidth: 0 });
}

export type ImportResult =
  { ok: true; scenario: ScenarioV1; from: 'scenario' | 'manifest' } | { ok: false; errors: string[] };

function looksLikeManifest(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && typeof value.kind === 'string' && !('manifest' in value);
}

function fromManifest(text: string, fileName: string, first: Record<string, unknown>): ImportResult {
  const name =
    isPlainObject(first.metadata) && typeof first.metadata.name === 'string'
      ? first.metadata.name
      : undefined;
  const scenario = defaultScenario(text, name ?? fileName.replace(/\.[^.]*$/, ''));
  scenario.fileName = fileName;
  return { ok: true, scenario, from: 'manifest' };
}

function fromScenario(fileName: string, doc: Document, lineCounter: LineCounter): ImportResult {
  const parsed = parseScenario(doc.toJS());
  if (parsed.ok) return { ok: true, scenario: parsed.scenario, from: 'scenario' };
  if (parsed.kind === 'newer') {
    return {
      ok: false,
      errors: [
        `${locateIssue(fileName, doc, lineCounter, { path: ['version'], message: `this scenario is from a newer PodPlay (v${parsed.version}); open it in the latest PodPlay` })}`,
      ],
    };
  }
  return { ok: false, errors: parsed.issues.map((issue) => locateIssue(fileName, doc, lineCounter, issue)) };
}

function importText(text: string, fileName: string): ImportResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const syntax = docs.flatMap((d) => d.errors).map((e) => locateYamlError(fileName, lineCounter, e));
  if (syntax.length > 0) return { ok: false, errors: syntax };
  const values = docs.map((d) => d.toJS() as unknown).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return { ok: false, errors: [`${fileName}: the file is empty`] };
  if (looksLikeManifest(values[0])) return fromManifest(text, fileName, values[0]);
  if (docs.length > 1)
    return {
      ok: false,
      errors: [`${fileName}: a scenario file holds one document; this one has ${docs.length}`],
    };
  if (!isPlainObject(values[0]) || !('manifest' in values[0] || 'version' in values[0])) {
    return {
      ok: false,
      errors: [
        `${fileName}: not a PodPlay scenario (no "version" and "manifest") nor a Kubernetes manifest (no "kind")`,
      ],
    };
  }
  return fromScenario(fileName, docs[0], lineCounter);
}

/** Never throws: a file is untrusted input too. */
export function importScenarioFile(text: string, fileName: string): ImportResult {
  try {
    return importText(text, fileName);
  } catch (e) {
    return {
      ok: false,
      errors: [`${fileName}: could not be read (${e instanceof Error ? e.message : String(e)})`],
    };
  }
}

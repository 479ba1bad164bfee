/**
 * What the CLI accepts: a Kubernetes manifest (one or more YAML documents), or a PodPlay scenario
 * file (JSON or YAML with `version` and `manifest`), so a shared link's scenario runs the same here.
 */
import { parse } from 'yaml';
import { DEFAULT_NODE, type SimInput } from '../engine';
import { importScenarioFile } from '../scenario';

export type Loaded = { ok: true; input: SimInput } | { ok: false; errors: string[] };

function isScenarioShaped(text: string): boolean {
  try {
    const value: unknown = parse(text);
    return typeof value === 'object' && value !== null && 'manifest' in value && 'version' in value;
  } catch {
    return false;
  }
}

export function loadInput(text: string, fileName: string): Loaded {
  if (fileName.endsWith('.json') || isScenarioShaped(text)) {
    const imported = importScenarioFile(text, fileName);
    if (!imported.ok) return { ok: false, errors: imported.errors };
    // Everything the scenario says about the run (nodes, traffic, ...) but its version, title and view.
    const { version: _version, title: _title, view: _view, until: _until, ...input } = imported.scenario;
    return { ok: true, input: { ...input, fileName: input.fileName ?? fileName, actions: [...input.actions] } };
  }
  return { ok: true, input: { manifest: text, fileName, node: DEFAULT_NODE, actions: [], seed: 1 } };
}

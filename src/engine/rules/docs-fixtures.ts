/**
 * The kubernetes.io examples (src/k8s/fixtures/docs, from kubernetes/website content/en/examples/pods)
 * and what their pages add around them: readers for the rule tests that check them against the pages.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Trace } from '..';

export const DOCS = join(__dirname, '../../k8s/fixtures/docs');
export const fixture = (path: string) => readFileSync(join(DOCS, path), 'utf8');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
/** Every saved example, relative to DOCS, sorted. */
export const ALL_FIXTURES = walk(DOCS).map((p) => p.slice(DOCS.length + 1).split('\\').join('/')).sort();

/** Lines a container logged (every instance). */
export const logs = (trace: Trace, pod: string, container: string): string[] => (trace.logs[`${pod}/${container}`] ?? []).map((l) => l.text);

/**
 * The manifest with an exec readiness probe (`sh -c command`, every 2 s) on one container: how a
 * test reads what `kubectl exec` shows on the page (the container is Ready once the command succeeds).
 * Documents come back as JSON (valid YAML); the Pod's other fields are untouched.
 */
export function withProbe(manifest: string, container: string, command: string): string {
  return parseAllDocuments(manifest, { version: '1.1' })
    .map((doc) => {
      const value: unknown = doc.toJS();
      if (isRecord(value) && value.kind === 'Pod' && isRecord(value.spec)) {
        for (const key of ['containers', 'initContainers']) {
          const list = value.spec[key];
          if (!Array.isArray(list)) continue;
          for (const c of list) if (isRecord(c) && c.name === container) c.readinessProbe = { exec: { command: ['sh', '-c', command] }, periodSeconds: 2 };
        }
      }
      return JSON.stringify(value);
    })
    .join('\n---\n');
}
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** tasks/configure-pod-container/configure-pod-configmap.md: configmap/configmap-multikeys.yaml. */
export const SPECIAL_CONFIG_MULTIKEYS = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: special-config\n  namespace: default\ndata:\n  SPECIAL_LEVEL: very\n  SPECIAL_TYPE: charm\n';
/** Same page: configmap/configmaps.yaml (special-config with special.how, env-config with log_level). */
export const SPECIAL_AND_ENV_CONFIG =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: special-config\n  namespace: default\ndata:\n  special.how: very\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: env-config\n  namespace: default\ndata:\n  log_level: INFO\n';
/** Several YAML documents as one manifest. */
export const withDocs = (...docs: string[]) => docs.join('---\n');

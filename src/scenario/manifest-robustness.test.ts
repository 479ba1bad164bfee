/**
 * Whatever manifest a person brings, the simulation answers with a run or with located errors,
 * never an exception (an exception in the worker is a run that never comes: the page would show
 * the last good one, with no word about why). The cases are the kubernetes.io examples, PodPlay's
 * own and every lesson's, each with a few fields broken the ways people break them: a wrong type,
 * a negative or huge number, an empty string, a missing field, a list where a map belongs. The
 * table below keeps what this property once found, with the errors the API server gives.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { DEFAULT_NODE, simulate } from '../engine';
import { formatDiagnostic } from '../k8s';
import { LESSONS } from './lessons';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

const here = new URL('.', import.meta.url).pathname;
const FILES = [...yamlFiles(join(here, '../k8s/fixtures/docs')), ...yamlFiles(join(here, '../app/examples'))];
const TEXTS = [...FILES.map((file) => readFileSync(file, 'utf8')), ...LESSONS.map((l) => l.scenario.manifest)];
const DOCS = TEXTS.map((text) => parseAllDocuments(text).map((d) => d.toJS() as unknown));

type Json = unknown;

/** Every path to a value in the documents: [document, key, key, ...]. */
function paths(value: Json, prefix: Array<string | number>): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const ODD_VALUES: Json[] = [null, -1, 0, 1.5, 1e12, -1e12, '', 'abc', '-5', '10Qi', true, [], {}, ['x'], { a: 1 }, 'a'.repeat(300)];

type Mutation = { at: number; op: 'set'; value: Json } | { at: number; op: 'delete' };

function mutate(docs: Json[], mutations: Mutation[]): Json[] {
  const copy = structuredClone(docs);
  for (const m of mutations) {
    const all = copy.flatMap((d, i) => paths(d, [i])).filter((p) => p.length > 1);
    if (all.length === 0) break;
    const path = all[m.at % all.length];
    let parent: Json = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key];
    const last = path[path.length - 1];
    if (!parent || typeof parent !== 'object') continue;
    if (m.op === 'set') (parent as Record<string | number, Json>)[last] = structuredClone(m.value);
    else if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as Record<string, Json>)[last as string];
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), op: fc.constant('set' as const), value: fc.constantFrom(...ODD_VALUES) }),
  fc.record({ at: fc.nat(), op: fc.constant('delete' as const) }),
);

/** A run or located errors; anything thrown fails the property with the manifest that threw. */
function answers(manifest: string): void {
  const r = simulate({ manifest, node: DEFAULT_NODE, actions: [], seed: 1 }, { until: 20_000 });
  if (r.ok) {
    expect(r.trace.frames.length).toBeGreaterThan(0);
    return;
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const d of errors) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toBe('');
  }
}

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n${spec}`;
const container = (extra: string) => pod(`  containers:\n  - name: a\n    image: nginx\n${extra}`);

describe('broken fields the API server refuses: located errors, as it words them', () => {
  it.each([
    ['a Pod without containers (admission runs before validation)', pod('  hostname: p\n'), ['x.yaml:4:1: spec.containers: Required value']],
    ['a volume without a name', pod('  containers: [{ name: a, image: nginx }]\n  volumes: [{ emptyDir: {} }]\n'), ['x.yaml:6:13: spec.volumes[0].name: Required value']],
    [
      'env from resourceFieldRef without its resource (validateContainerResourceFieldSelector)',
      container('    env:\n    - name: X\n      valueFrom: { resourceFieldRef: { divisor: 1 } }\n'),
      ['x.yaml:10:20: spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Required value'],
    ],
    [
      'env valueFrom with no source, with a value, or an unknown fieldPath (validateEnvVarValueFrom)',
      container('    env:\n    - name: X\n      valueFrom: {}\n    - name: W\n      value: v\n      valueFrom: { fieldRef: { fieldPath: metadata.name } }\n    - name: Z\n      valueFrom: { fieldRef: { fieldPath: spec.bogus } }\n'),
      [
        'x.yaml:10:18: spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        'x.yaml:13:18: spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
        'x.yaml:15:43: spec.containers[0].env[2].valueFrom.fieldRef.fieldPath: Invalid value: "spec.bogus": error converting fieldPath: field label not supported: spec.bogus',
      ],
    ],
    [
      'env fieldRef paths as validateObjectFieldSelector reads them: converted first (spec.host is spec.nodeName), then the env fields, or a label by a qualified key',
      container(
        "    env:\n    - { name: A, valueFrom: { fieldRef: { fieldPath: spec.host } } }\n    - { name: B, valueFrom: { fieldRef: { fieldPath: status.phase } } }\n    - { name: C, valueFrom: { fieldRef: { fieldPath: 'metadata.labels[app]' } } }\n    - { name: D, valueFrom: { fieldRef: { fieldPath: \"metadata.labels['app']\" } } }\n",
      ),
      [
        'x.yaml:10:54: spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
        'x.yaml:11:54: spec.containers[0].env[2].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.labels[app]": error converting fieldPath: field label not supported: metadata.labels[app]',
      ],
    ],
    [
      'env names and key refs (IsRelaxedEnvVarName; validateConfigMapKeySelector: a DNS-subdomain name and an IsConfigMapKey key)',
      container("    env:\n    - { name: 'A=B', value: x }\n    - { name: K, valueFrom: { configMapKeyRef: { name: Cfg, key: 'a/b' } } }\n"),
      [
        'x.yaml:9:15: spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
        'x.yaml:10:56: spec.containers[0].env[1].valueFrom.configMapKeyRef.name: Invalid value: "Cfg": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
        'x.yaml:10:66: spec.containers[0].env[1].valueFrom.configMapKeyRef.key: Invalid value: "a/b": a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\' (e.g. \'key.name\',  or \'KEY_NAME\',  or \'key-name\', regex used for validation is \'[-._a-zA-Z0-9]+\')',
      ],
    ],
    [
      "an httpGet probe without a port: IntOrString's zero value, 0",
      container('    livenessProbe: { httpGet: { path: / } }\n'),
      ['x.yaml:8:22: spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    ],
    [
      'a Service port that is null decodes to a zero ServicePort, and its targetPort defaults to that port',
      'apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec:\n  ports: [null]\n',
      [
        'x.yaml:5:11: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'x.yaml:5:11: spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'metadata that is not a mapping, on any kind',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: "-5"\nspec: {}\n',
      ['x.yaml:3:11: metadata: json: cannot unmarshal string into Go struct field Deployment.metadata of type v1.ObjectMeta'],
    ],
  ])('%s', (_rule, manifest, expected) => {
    const r = simulate({ manifest, fileName: 'x.yaml', node: DEFAULT_NODE, actions: [], seed: 1 }, { until: 1000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual(expected);
  });
});

describe('any manifest gets a run or located errors, never an exception', () => {
  it(`the ${TEXTS.length} example and lesson manifests with fields broken`, () => {
    fc.assert(
      fc.property(fc.nat(DOCS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const docs = mutate(DOCS[which], mutations);
        answers(docs.map((d) => stringify(d)).join('---\n'));
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('text that is barely YAML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => answers(text)),
      { numRuns: 200, seed: 20261124 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Pod, VolumeProjection } from 'kubernetes-types/core/v1';
import { SIM_EPOCH_MS } from '../../k8s';
import { configStore, ROOT_CA_PEM } from '../cluster/config-objects';
import { makePayload, projectedPayload, TOKEN_ISSUER, type VolumeContext } from './volume-payload';

const pod: Pod = { metadata: { name: 'nginx', namespace: 'default' }, spec: { serviceAccountName: 'build-robot', containers: [{ name: 'nginx' }] } };
const store = configStore([
  { kind: 'Secret', apiVersion: 'v1', name: 's', namespace: 'default', docIndex: 0, object: { stringData: { user: 'admin' } } },
  { kind: 'ConfigMap', apiVersion: 'v1', name: 'c', namespace: 'default', docIndex: 1, object: { data: { level: 'debug' } } },
]);
const ctx: VolumeContext = { fields: { 'metadata.namespace': 'default' }, store, allocatable: { cpu: '2' }, now: 5_000, uid: 'uid-1' };

function claims(token: string): Record<string, unknown> {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(part)) as Record<string, unknown>;
}

describe('secret.MakePayload / configmap.MakePayload', () => {
  it.each([
    ['no items: every key', undefined, false, { ok: true, files: { user: 'admin', extra: 'x' } }],
    ['items: listed keys at their paths', [{ key: 'user', path: 'a/u' }], false, { ok: true, files: { 'a/u': 'admin' } }],
    ['a missing listed key fails', [{ key: 'nope', path: 'n' }], false, { ok: false, error: 'references non-existent secret key: nope' }],
    ['unless optional', [{ key: 'nope', path: 'n' }], true, { ok: true, files: {} }],
  ])('%s', (_, items, optional, expected) => {
    expect(makePayload('secret', { user: 'admin', extra: 'x' }, items, optional)).toEqual(expected);
  });
});

describe('projected collectData', () => {
  it.each<[string, VolumeProjection[], ReturnType<typeof projectedPayload>]>([
    [
      'secret, configMap and downwardAPI share one directory',
      [{ secret: { name: 's' } }, { configMap: { name: 'c', items: [{ key: 'level', path: 'conf/level' }] } }, { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }] } }],
      { ok: true, files: { user: 'admin', 'conf/level': 'debug', ns: 'default' } },
    ],
    ['one failure is reported as is', [{ secret: { name: 'gone' } }, { secret: { name: 's' } }], { ok: false, error: 'secret "gone" not found' }],
    [
      'several are aggregated in brackets, duplicates once',
      [{ secret: { name: 'gone' } }, { configMap: { name: 'lost' } }, { secret: { name: 'gone' } }],
      { ok: false, error: '[secret "gone" not found, configmap "lost" not found]' },
    ],
    ['an optional missing object is empty', [{ secret: { name: 'gone', optional: true } }], { ok: true, files: {} }],
    ['kube-root-ca.crt exists in every namespace', [{ configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }], { ok: true, files: { 'ca.crt': ROOT_CA_PEM } }],
  ])('%s', (_, sources, expected) => {
    expect(projectedPayload(sources, pod, ctx)).toEqual(expected);
  });

  it.each([
    ['audience vault, 2 hours (pod-projected-svc-token.yaml)', { path: 'vault-token', audience: 'vault', expirationSeconds: 7200 }, ['vault'], 7200],
    ['no audience: the API server\'s issuer; default 1 hour', { path: 'token' }, [TOKEN_ISSUER], 3600],
  ])('serviceAccountToken: a JWT bound to the Pod, %s', (_, source, aud, ttl) => {
    const result = projectedPayload([{ serviceAccountToken: source }], pod, ctx);
    if (!result.ok) throw new Error(result.error);
    const c = claims(result.files[source.path]);
    const iat = Math.floor((SIM_EPOCH_MS + 5_000) / 1000);
    expect(c).toMatchObject({ aud, iat, exp: iat + ttl, iss: TOKEN_ISSUER, sub: 'system:serviceaccount:default:build-robot' });
    expect(c['kubernetes.io']).toEqual({ namespace: 'default', pod: { name: 'nginx', uid: 'uid-1' }, serviceaccount: { name: 'build-robot' } });
  });
});

/** renameAdmittedPod: a controller's pods are its template admitted once, renamed (plugins.ts). */
import { describe, expect, it } from 'vitest';
import { admitManifests } from '../manifest';
import { renameAdmittedPod } from './plugins';

const pod = (name: string, volumes = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: web } }
spec:
  containers:
  - name: app
    image: nginx:1.28
${volumes}`;

const admitted = (text: string) => admitManifests(text, 'pod.yaml').pods[0].pod;

describe('renameAdmittedPod gives what admitting the Pod under the new name gives', () => {
  it.each([
    ['the generated kube-api-access-XXXXX token volume follows the name', '', true],
    ['a volume the manifest names itself is left alone', '  volumes:\n  - name: kube-api-access-mine\n    emptyDir: {}\n', false],
  ])('%s', (_rule, volumes, changes) => {
    const first = admitted(pod('web-aaaaa', volumes));
    const renamed = renameAdmittedPod(first, 'web-bbbbb', 'doc0');
    expect(renamed).toEqual(admitted(pod('web-bbbbb', volumes)));
    expect(renamed.metadata?.name).toBe('web-bbbbb');
    expect(renamed.spec?.volumes?.[0].name !== first.spec?.volumes?.[0].name).toBe(changes);
  });
});

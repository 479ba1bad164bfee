/**
 * The docs' init-container example fetches a page from the internet: PodPlay models the few public
 * hosts the docs reach (src/runtime/world.ts), so it runs as the page says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerAt, run, statusAt } from './builders';

const DOCS = join(__dirname, '../../k8s/fixtures/docs');
const fixture = (path: string) => readFileSync(join(DOCS, path), 'utf8');

describe('init-containers.yaml (tasks/configure-pod-container/configure-pod-initialization.md)', () => {
  it('"The output shows that the nginx container is running: init-demo 1/1 Running 0" (wget of http://info.cern.ch succeeds)', () => {
    const trace = run(fixture('init-containers.yaml'), { until: 60_000 });
    expect(statusAt(trace, 59_000)).toBe('Running');
    expect(containerAt(trace, 59_000, 'install').state?.terminated).toMatchObject({ exitCode: 0 });
  });
});


describe('the world outside the pod (src/runtime/world.ts)', () => {
  it('an address nobody models refuses, as an unreachable host would', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: ["wget", "-q", "-O-", "http://203.0.113.9/"]
`;
    const trace = run(manifest, { cachedImages: ['busybox:1.36'], until: 10_000 });
    expect(containerAt(trace, 9_000, 'c').state?.terminated?.exitCode).toBe(1);
    expect(trace.logs['w/c']?.map((l) => l.text).join('')).toContain("can't connect to remote host (203.0.113.9)");
  });
});

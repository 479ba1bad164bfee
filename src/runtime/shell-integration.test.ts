import { describe, expect, it } from 'vitest';
import { createMemoryFs } from './fs';
import { createRuntime } from './index';
import type { ContainerConfig, ImageInfo } from './sandbox-types';
import { FakeClock } from './testing/fake-clock';
import type { ExecResult, ExitStatus } from './types';

function busybox(command: string[]) {
  const clock = new FakeClock();
  const runtime = createRuntime();
  const sandbox = runtime.createSandbox(
    { podName: 'p', namespace: 'default', hostname: 'p', ip: '10.244.0.9', volumes: {}, hostFs: createMemoryFs(), shareProcessNamespace: false, customImages: [], dns: {} },
    clock,
  );
  const config: ContainerConfig = {
    name: 'app',
    image: runtime.catalogue.resolve('busybox') as ImageInfo,
    command,
    env: {},
    privileged: false,
    mounts: [],
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
  return { clock, container: sandbox.createContainer(config) };
}

describe('shell images run through the real shell', () => {
  it('busybox sh -c runs the script and exits with its status', () => {
    const { clock, container } = busybox(['sh', '-c', 'echo hello; sleep 2; exit 3']);
    const exits: ExitStatus[] = [];
    expect(container.start((e) => exits.push(e))).toEqual({ ok: true });
    clock.advance(5000);
    expect(container.logs().map((l) => l.text)).toContain('hello');
    expect(exits.map((e) => e.exitCode)).toEqual([3]);
  });

  it('an exec probe command sees the container file system', () => {
    const { clock, container } = busybox(['sh', '-c', 'touch /tmp/healthy; sleep 3600']);
    container.start(() => undefined);
    clock.advance(100);
    const results: ExecResult[] = [];
    container.exec(['cat', '/tmp/healthy'], 1000, (r) => results.push(r));
    clock.advance(1000);
    expect(results.map((r) => r.exitCode)).toEqual([0]);
  });
});

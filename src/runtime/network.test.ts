import { describe, expect, it } from 'vitest';
import { createPodNetwork } from './network';

describe('pod network', () => {
  it('refuses a second bind of a port with EADDRINUSE and frees ports of a dead process', () => {
    const net = createPodNetwork('10.244.0.5');
    expect(net.bind(80, { description: 'a' }, 'a')).toBe('ok');
    expect(net.bind(80, { description: 'b' }, 'b')).toBe('EADDRINUSE');
    net.unbind(80, 'b');
    expect(net.listener(80)?.description).toBe('a');
    net.bind(81, { description: 'a2' }, 'a');
    net.unbindAll('a');
    expect(net.bindings()).toEqual([]);
  });
});

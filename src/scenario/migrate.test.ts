import { describe, expect, it } from 'vitest';
import { migrate, parseScenario } from './index';

describe('migrate', () => {
  it('passes a current scenario through', () => {
    expect(migrate({ version: 1, manifest: '' })).toEqual({
      ok: true,
      value: { version: 1, manifest: '' },
      from: 1,
    });
  });

  it('runs the chain step by step up to the current version', () => {
    const steps = {
      1: (v1: Record<string, unknown>) => ({ ...v1, nodes: [v1.node] }),
      2: (v2: Record<string, unknown>) => ({ ...v2, renamed: v2.nodes }),
    };
    expect(migrate({ version: 1, node: 'n' }, steps, 3)).toEqual({
      ok: true,
      value: { version: 3, node: 'n', nodes: ['n'], renamed: ['n'] },
      from: 1,
    });
    expect(migrate({ version: 1 }, {}, 2)).toMatchObject({
      ok: false,
      kind: 'invalid',
      message: 'version: no migration from version 1',
    });
  });

  it("calls a higher version than known 'newer'", () => {
    expect(migrate({ version: 3 })).toMatchObject({ ok: false, kind: 'newer', version: 3 });
    expect(parseScenario({ version: 2, manifest: '' })).toMatchObject({
      ok: false,
      kind: 'newer',
      version: 2,
    });
  });

  it.each([
    [{ manifest: '' }, 'version: required (this PodPlay writes version 1)'],
    [{ version: '1' }, 'version: must be a whole number from 1 to 1, got "1"'],
    [{ version: 0 }, 'version: must be a whole number from 1 to 1, got 0'],
    [[1], '(scenario): must be a mapping, got a list'],
    [null, '(scenario): must be a mapping, got null'],
  ])('rejects %j', (obj, message) => {
    expect(migrate(obj)).toMatchObject({ ok: false, kind: 'invalid', message });
  });
});

/**
 * The pod the views follow across a Deployment's rollout: a person's choice sticks; without one,
 * a pod that exists at the cursor (the rollout deletes the run's first pods).
 */
import { describe, expect, it } from 'vitest';
import { choosePod, podsAt } from './chosen-pod';
import { deploymentYaml, runOf, SET_IMAGE_AT_30S } from './fixtures/runs';
import { podNames, seekFrame } from './trace-utils';

describe('choosePod over a rollout (set image at 30 s)', () => {
  const trace = runOf(deploymentYaml(2), [SET_IMAGE_AT_30S]);
  const names = podNames(trace);
  const [first] = names;
  const end = seekFrame(trace, trace.until);

  it.each([
    ['no choice, before the rollout: the run’s first pod', '', 0, () => first],
    [
      'no choice, after the rollout: the first pod that exists at the cursor',
      '',
      trace.until,
      () => podsAt(end)[0],
    ],
    ['a chosen pod that exists stays chosen', names[1], 0, () => names[1]],
    ['a chosen pod stays chosen where it is gone (the views say so)', first, trace.until, () => first],
    ['a name the run does not have is no choice', 'other', trace.until, () => podsAt(end)[0]],
  ])('%s', (_rule, chosen, t, expected) => {
    expect(choosePod(names, chosen, seekFrame(trace, t))).toBe(expected());
  });

  it('the rollout replaced every first pod: the default is not the first of the run at the end', () => {
    expect(podsAt(end)).not.toContain(first);
    expect(podsAt(end)).toHaveLength(2);
  });

  it('no pods at all: nothing to choose', () => {
    expect(choosePod([], '', undefined)).toBe('');
  });
});

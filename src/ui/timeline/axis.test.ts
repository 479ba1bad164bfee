import { describe, expect, it } from 'vitest';
import { axisTicks } from './axis';

describe('axisTicks', () => {
  it('labels seconds under a minute and minutes above', () => {
    expect(axisTicks(60000, 800).map((t) => t.label)).toEqual(['0', '10s', '20s', '30s', '40s', '50s', '1m']);
    expect(axisTicks(300000, 400).map((t) => t.label)).toEqual(['0', '1m', '2m', '3m', '4m', '5m']);
  });
  it('mixes minutes and seconds when the step is under a minute', () => {
    expect(axisTicks(120000, 600).map((t) => t.label)).toEqual(['0', '30s', '1m', '1m30s', '2m']);
  });
});

describe('axisTicks over a window', () => {
  it('starts at the first tick inside the window', () => {
    expect(axisTicks(70000, 400, 40000).map((t) => t.label)).toEqual(['40s', '50s', '1m', '1m10s']);
  });
});

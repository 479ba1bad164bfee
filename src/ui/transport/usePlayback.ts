/**
 * Playback on the virtual clock: requestAnimationFrame advances the cursor by wall time × speed.
 * `max` jumps from event to event, one per animation frame. Stops at the end of the trace.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { nextInstant } from '../trace-utils';
import { markSeekStart } from './seek-marks';

export const SPEEDS = [0.25, 1, 4, 10, 100, 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

export const speedLabel = (s: Speed): string => (s === 'max' ? 'max' : `${s}×`);

export interface Playback {
  t: number;
  playing: boolean;
  speed: Speed;
  setT: (t: number) => void;
  setSpeed: (s: Speed) => void;
  play: () => void;
  pause: () => void;
  toggle: () => void;
}

export function usePlayback(endMs: number, instants: number[]): Playback {
  const [t, setTState] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(4);
  const tRef = useRef(0);

  const setT = useCallback(
    (next: number) => {
      const clamped = Math.max(0, Math.min(endMs, next));
      if (clamped !== tRef.current) markSeekStart();
      tRef.current = clamped;
      setTState(clamped);
    },
    [endMs],
  );

  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last: number | undefined;
    const tick = (now: number) => {
      const dt = last === undefined ? 0 : Math.min(now - last, 250);
      last = now;
      const cur = tRef.current;
      let next = speed === 'max' ? (nextInstant(instants, cur) ?? endMs) : cur + dt * speed;
      if (next >= endMs) next = endMs;
      tRef.current = next;
      setTState(next);
      if (next >= endMs) {
        setPlaying(false);
        return;
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, speed, endMs, instants]);

  const play = useCallback(() => {
    if (tRef.current >= endMs) setT(0);
    setPlaying(true);
  }, [endMs, setT]);
  const pause = useCallback(() => setPlaying(false), []);
  const toggle = useCallback(() => {
    if (playing) pause();
    else play();
  }, [playing, play, pause]);

  return { t: Math.min(t, endMs), playing, speed, setT, setSpeed, play, pause, toggle };
}

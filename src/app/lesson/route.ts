/**
 * Classroom addresses. `#lessons` is the library, `#lesson=<id>&step=<n>` a lesson at its nth shown
 * step (1-based). The share links own `#s=`; `?embed=1` (a query parameter, so it works with either
 * fragment) asks for the chrome-less embed layout. Small on purpose: it is in the first load.
 */
import { useEffect, useState } from 'react';

export type LessonRoute = { kind: 'library' } | { kind: 'lesson'; id: string; step: number };

export function parseLessonHash(hash: string): LessonRoute | undefined {
  const h = hash.replace(/^#/, '');
  if (h === 'lessons') return { kind: 'library' };
  if (!h.startsWith('lesson=')) return undefined;
  const params = new URLSearchParams(h);
  const id = params.get('lesson') ?? '';
  if (!/^[a-z0-9-]{1,80}$/.test(id)) return { kind: 'library' };
  const n = Number(params.get('step') ?? '1');
  return { kind: 'lesson', id, step: Number.isInteger(n) && n >= 1 ? n : 1 };
}

export function lessonHash(route: LessonRoute): string {
  return route.kind === 'library' ? '#lessons' : `#lesson=${route.id}&step=${route.step}`;
}

/** The route in the address bar, following back/forward and links. */
export function useLessonRoute(): LessonRoute | undefined {
  const [route, setRoute] = useState(() => parseLessonHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseLessonHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/**
 * Move to a lesson address. `replace` for step changes (so Back leaves the lesson rather than
 * undoing each step); a push for opening a lesson or the library.
 */
export function goToLessonRoute(route: LessonRoute | undefined, replace = false): void {
  const url = new URL(window.location.href);
  url.hash = route ? lessonHash(route) : '';
  const href = route ? url.href : url.href.replace(/#$/, '');
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function isEmbed(search: string = window.location.search): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

/** The same address without `embed=1`: what "Open in PodPlay" opens. */
export function withoutEmbed(href: string = window.location.href): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return url.href;
}

/**
 * Chooses between the playground and the classroom by the address: `#lessons` and `#lesson=...`
 * load the lesson player (its own chunk, fetched on first use); anything else is the playground.
 */
import { lazy, Suspense } from 'react';
import { App } from '../App';
import { useLessonRoute } from './route';

const LessonApp = lazy(() => import('./LessonApp'));

export function Root() {
  const route = useLessonRoute();
  if (!route) return <App />;
  return (
    <Suspense fallback={<p className="p-4">Loading the lesson…</p>}>
      <LessonApp key={route.kind === 'lesson' ? route.id : 'library'} route={route} />
    </Suspense>
  );
}

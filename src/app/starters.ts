/**
 * Starter manifests: the Kubernetes docs' examples (src/k8s/fixtures/docs), PodPlay's own cluster
 * examples (src/app/examples, listed as `cluster/...`), fetched lazily as raw text so they cost
 * nothing on first load, and PodPlay's own scenarios (with traffic and actions).
 */
import type { SimAction, TrafficSource } from '../engine/input';
import { SERVICE_TRAFFIC } from './starter-traffic';

const PREFIX = '../k8s/fixtures/docs/';
const docs = import.meta.glob<string>('../k8s/fixtures/docs/**/*.yaml', { query: '?raw', import: 'default' });
const examples = import.meta.glob<string>('./examples/*.yaml', { query: '?raw', import: 'default' });
const loaders: Record<string, () => Promise<string>> = {
  ...docs,
  ...Object.fromEntries(Object.entries(examples).map(([path, load]) => [path.replace('./examples/', `${PREFIX}cluster/`), load])),
};

export interface Starter {
  id: string;
  label: string;
  fileName: string;
  load: () => Promise<string>;
  /** A scenario's clients and timed actions, for starters that are more than a manifest. */
  traffic?: TrafficSource[];
  actions?: SimAction[];
}

/** The ones worth a first click, in the order a lesson would take them. */
const FEATURED = [
  SERVICE_TRAFFIC.id,
  'probe/exec-liveness',
  'probe/http-liveness',
  'init-containers',
  'resource/memory-request-limit',
  'simple-pod',
];

export const STARTERS: Starter[] = [
  ...Object.entries(loaders).map(([path, load]) => {
    const id = path.slice(PREFIX.length).replace(/\.yaml$/, '');
    return { id, label: id.replace(/\//g, ' / '), fileName: id.split('/').pop() + '.yaml', load };
  }),
  SERVICE_TRAFFIC,
]
  .sort((a, b) => {
    const fa = FEATURED.indexOf(a.id);
    const fb = FEATURED.indexOf(b.id);
    if (fa !== fb) return (fa < 0 ? 99 : fa) - (fb < 0 ? 99 : fb);
    return a.id.localeCompare(b.id);
  });

export const FEATURED_STARTERS = STARTERS.filter((s) => FEATURED.includes(s.id));

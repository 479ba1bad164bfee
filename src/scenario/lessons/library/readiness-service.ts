import type { SimAction } from '../../../engine';
import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const IMAGE = 'example.com/shop:1.0';

/** A Pod of the shop app; only `checkout` Pods have a readiness probe (on /ready). */
const pod = (name: string, app: string, probe: string) => `---
apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: ${app} } }
spec:
  containers:
  - name: app
    image: ${IMAGE}
    ports: [{ containerPort: 8080 }]
${probe}`;

const PROBE = `    readinessProbe:
      httpGet: { path: /ready, port: 8080 }
      periodSeconds: 5
`;

const service = (name: string) => `---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  selector: { app: ${name} }
  ports: [{ port: 80, targetPort: 8080 }]
`;

const manifest = (
  pod('checkout-1', 'checkout', PROBE) +
  pod('checkout-2', 'checkout', PROBE) +
  pod('legacy-1', 'legacy', '') +
  pod('legacy-2', 'legacy', '') +
  service('checkout') +
  service('legacy')
).replace(/^---\n/, '');

/** The second Pod of each Service loses its database: /ready says so at 40 s, / fails from 60 s. */
const fault = (path: string, at: number): SimAction[] =>
  ['checkout-2', 'legacy-2'].map((p) => ({ at, kind: 'setEndpoint', pod: p, container: 'app', port: 8080, path, status: 503 }));

export const readinessService: Lesson = {
  id: 'readiness-service',
  title: 'Readiness removes a Pod from the Service',
  topic: 'Probes',
  goal: 'Explain how a failing readiness probe takes a Pod out of its Service, and what users see without one.',
  scenario: {
    ...lessonScenario('Readiness removes a Pod from the Service', manifest, [...fault('/ready', 40), ...fault('/', 60)]),
    customImages: [
      {
        image: IMAGE,
        sizeBytes: 8_000_000,
        onTerm: { exitCode: 0 },
        listen: [{ port: 8080, paths: { '/': [{ fromSeconds: 0, status: 200 }], '/ready': [{ fromSeconds: 0, status: 200 }] } }],
      },
    ],
    traffic: [
      // From 10 s, once every Pod is up: the lesson is about a Pod that breaks, not one that starts.
      { name: 'checkout-users', service: 'checkout', ratePerSecond: 5, from: 10 },
      { name: 'legacy-users', service: 'legacy', ratePerSecond: 5, from: 10 },
    ],
  },
  untilMs: seconds(120),
  panes: ['traffic', 'timeline', 'kubectl'],
  misconception: {
    belief: 'A Service sends requests to every Pod whose containers are running.',
    reality: 'A Service sends requests only to ready Pods (its EndpointSlice marks the others ready: false). Without a readiness probe a running container counts as ready, broken or not.',
  },
  steps: [
    {
      id: 'spread',
      at: { t: seconds(30) },
      narration:
        'Two Services, `checkout` and `legacy`, with two Pods each, and from 10 s a client sending 5 requests a second to each. Only the checkout Pods have a readiness probe (GET /ready every 5 s). Every request so far got a 200.',
      focus: { pane: 'traffic' },
      question: {
        prompt: 'checkout-1 and checkout-2 are both ready. Which one answers the next request to checkout?',
        kind: 'choice',
        choices: ['checkout-1', 'checkout-2', 'Either: kube-proxy picks one at random'],
        answer: 'Either: kube-proxy picks one at random',
        explain: 'kube-proxy (iptables mode) picks a ready endpoint at random for each new connection: each Pod answers about half, as the two strips show.',
      },
    },
    {
      id: 'not-ready',
      at: onEvent('Unhealthy', { message: 'Readiness', nth: 3 }),
      narration:
        'At 40 s the second Pod of each Service starts losing its database connection, and its /ready answers 503. This is checkout-2\'s third failed readiness probe in a row (failureThreshold 3, one every 5 s): it is no longer Ready, and the EndpointSlice marks it ready: false.',
      focus: { pane: 'traffic' },
      question: {
        prompt: 'checkout-2 still answers / with 200 until 60 s. How many checkout requests will it answer from now on?',
        kind: 'choice',
        choices: ['None', 'About half', 'All of them'],
        answer: 'None',
        explain: 'kube-proxy only sends requests to ready endpoints: checkout-1 answers every one. Look at checkout-2\'s strip: nothing after this moment.',
      },
    },
    {
      id: 'broken',
      at: { t: seconds(60), offsetMs: seconds(10) },
      narration:
        'At 60 s the connection is gone and / answers 503 on checkout-2 and legacy-2. checkout\'s users see nothing of it: checkout-2 left the Service seconds before. legacy-2 has no readiness probe, so it is still Ready and still gets about half of legacy\'s requests, every one a 503.',
      focus: { pane: 'traffic' },
      question: {
        prompt: 'How many checkout requests have failed so far?',
        kind: 'choice',
        choices: ['0', 'About 25', 'About half of them'],
        answer: '0',
        explain: '/ready went bad before / did, and the readiness probe acted on it in time (at most failureThreshold × periodSeconds = 15 s). Compare legacy\'s failed column.',
      },
    },
    {
      id: 'no-probe',
      at: { t: seconds(110) },
      narration:
        'Without a readiness probe nothing tells the Service that legacy-2 cannot serve: READY 1/1, requests keep coming, users keep getting errors. A liveness probe would restart it, but a restart brings no database back; readiness keeps users away until it recovers.',
      focus: { pane: 'traffic' },
    },
  ],
  tryThis: [
    {
      label: '/ and /ready fail together at 40 s',
      apply: { removeActionKinds: ['setEndpoint'], addActions: [...fault('/ready', 40), ...fault('/', 40)] },
    },
    {
      label: 'Readiness failureThreshold 1',
      apply: { manifestReplace: [['      periodSeconds: 5\n', '      periodSeconds: 5\n      failureThreshold: 1\n']] },
    },
  ],
};

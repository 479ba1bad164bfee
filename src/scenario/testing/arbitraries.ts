/** fast-check arbitraries for valid scenarios in the form parseScenario returns (every action kind). */
import fc from 'fast-check';
import type { NodeSettings, SimAction, TrafficSource } from '../../engine/input';
import type { CustomImageBehaviour } from '../../runtime/sandbox-types';
import type { ScenarioV1 } from '../types';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const name = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/);
const seconds = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const int = (min: number, max: number) => fc.integer({ min, max });
const pod = { pod: name };

const quantity = fc.oneof(
  fc.constantFrom('2', '4Gi', '110', '500m', '1.5', '2e3', '.5', '128Mi', '1k'),
  fc
    .tuple(fc.nat(99999), fc.constantFrom('', 'Ki', 'Mi', 'Gi', 'm', 'k', 'M', 'G', 'E'))
    .map(([n, s]) => `${n}${s}`),
);
const labelKey = fc.oneof(
  name,
  fc.tuple(fc.constantFrom('kubernetes.io', 'example.com'), name).map(([p, n]) => `${p}/${n}`),
);

export const arbNode: fc.Arbitrary<NodeSettings> = fc.record({
  name,
  capacity: fc.record({ cpu: quantity, memory: quantity, pods: quantity }),
  labels: fc.dictionary(labelKey, fc.oneof(fc.constant(''), name), { maxKeys: 4 }),
  cachedImages: fc.array(text, { maxLength: 3 }),
  pullBytesPerSecond: fc.double({ min: 1, max: 1e12, noNaN: true, noDefaultInfinity: true }),
});

const action = <T extends SimAction>(required: fc.Arbitrary<Omit<T, 'at'>>): fc.Arbitrary<T> =>
  fc.tuple(seconds, required).map(([at, rest]) => ({ at, ...rest }) as T);

export const arbAction: fc.Arbitrary<SimAction> = fc.oneof(
  action(
    fc.record(
      { kind: fc.constant('deletePod' as const), ...pod, gracePeriodSeconds: fc.nat(600) },
      { requiredKeys: ['kind'] },
    ),
  ),
  action(
    fc.record(
      {
        kind: fc.constant('killContainer' as const),
        ...pod,
        container: name,
        how: fc.constantFrom('crash' as const, 'oom' as const),
        exitCode: int(0, 255),
      },
      { requiredKeys: ['kind', 'container', 'how'] },
    ),
  ),
  action(
    fc.oneof(
      fc.record(
        {
          kind: fc.constant('setEndpoint' as const),
          ...pod,
          container: name,
          port: int(1, 65535),
          path: text,
          status: int(100, 599),
          timeout: fc.boolean(),
        },
        { requiredKeys: ['kind', 'container', 'port', 'status'] },
      ),
      fc.record(
        {
          kind: fc.constant('setEndpoint' as const),
          ...pod,
          container: name,
          port: int(1, 65535),
          path: text,
          timeout: fc.constant(true),
        },
        { requiredKeys: ['kind', 'container', 'port', 'timeout'] },
      ),
    ),
  ),
  action(
    fc.record(
      { kind: fc.constant('writeFile' as const), ...pod, container: name, path: text, content: text },
      { requiredKeys: ['kind', 'container', 'path'] },
    ),
  ),
  action(
    fc.record(
      { kind: fc.constant('removeFile' as const), ...pod, container: name, path: text },
      { requiredKeys: ['kind', 'container', 'path'] },
    ),
  ),
  action(
    fc.record(
      {
        kind: fc.constant('setPodCondition' as const),
        ...pod,
        type: text,
        status: fc.constantFrom('True' as const, 'False' as const, 'Unknown' as const),
      },
      { requiredKeys: ['kind', 'type', 'status'] },
    ),
  ),
  action(
    fc.record({
      kind: fc.constant('setNodeState' as const),
      state: fc.constantFrom('Ready' as const, 'NotReady' as const, 'Unreachable' as const),
    }),
  ),
  action(
    fc.record({
      kind: fc.constant('nodePressure' as const),
      resource: fc.constantFrom('memory' as const, 'ephemeral-storage' as const, 'pid' as const),
    }),
  ),
  action(
    fc.record({
      kind: fc.constant('scale' as const),
      replicaSet: fc.string({ minLength: 1, maxLength: 12 }),
      replicas: fc.integer({ min: 0, max: 1000 }),
    }),
  ),
  action(fc.record({ kind: fc.constant('cordon' as const) })),
  action(fc.record({ kind: fc.constant('drain' as const) })),
);

export const arbCustomImage: fc.Arbitrary<CustomImageBehaviour> = fc.record(
  {
    image: text,
    sizeBytes: fc.nat(),
    exitAfterSeconds: seconds,
    exitCode: int(0, 255),
    memoryMiB: seconds,
    onTerm: fc.oneof(
      fc.constant('ignore' as const),
      fc.record({ exitCode: int(0, 255), delaySeconds: seconds }, { requiredKeys: [] }),
    ),
    listen: fc.array(
      fc.record(
        {
          port: int(1, 65535),
          protocol: fc.constantFrom('http' as const, 'tcp' as const, 'grpc' as const),
          paths: fc.dictionary(
            text,
            fc.array(
              fc.record(
                { fromSeconds: seconds, status: int(100, 599), delaySeconds: seconds },
                { requiredKeys: ['fromSeconds', 'status'] },
              ),
              { maxLength: 2 },
            ),
            { maxKeys: 2 },
          ),
          grpc: fc.array(
            fc.record({
              fromSeconds: seconds,
              status: fc.constantFrom(
                'SERVING' as const,
                'NOT_SERVING' as const,
                'SERVICE_UNKNOWN' as const,
                'UNKNOWN' as const,
              ),
            }),
            { maxLength: 2 },
          ),
          afterSeconds: seconds,
        },
        { requiredKeys: ['port'] },
      ),
      { maxLength: 2 },
    ),
    logs: fc.array(text, { maxLength: 2 }),
  },
  { requiredKeys: ['image'] },
);

/** A traffic source as validate-traffic accepts it: rate in (0, 100], until after from. */
export const arbTrafficSource: fc.Arbitrary<TrafficSource> = fc
  .record(
    {
      name: text,
      service: name,
      port: fc.oneof(int(1, 65535), name),
      path: text,
      ratePerSecond: fc.double({ min: 0.001, max: 100, noNaN: true }),
      from: seconds,
      until: seconds,
      timeoutSeconds: fc.double({ min: 0.001, max: 600, noNaN: true }),
    },
    { requiredKeys: ['service', 'ratePerSecond'] },
  )
  .map((t) => (t.until !== undefined && t.until <= (t.from ?? 0) ? { ...t, until: (t.from ?? 0) + 1 } : t));

export const arbScenario: fc.Arbitrary<ScenarioV1> = fc.record(
  {
    version: fc.constant(1 as const),
    title: text,
    manifest: fc.oneof(text, fc.constant('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n')),
    fileName: text,
    node: arbNode,
    actions: fc.array(arbAction, { maxLength: 4 }),
    seed: fc.integer({ min: 0, max: 0xffff_ffff }),
    customImages: fc.array(arbCustomImage, { minLength: 1, maxLength: 2 }),
    traffic: fc.array(arbTrafficSource, { minLength: 1, maxLength: 2 }),
    until: fc.integer({ min: 1, max: 21_600 }).filter((s) => s !== 300),
    view: fc.record({ t: seconds, pane: text, container: name }, { requiredKeys: [] }),
  },
  { requiredKeys: ['version', 'manifest', 'node', 'actions', 'seed', 'view'] },
);

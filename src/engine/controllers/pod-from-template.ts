/**
 * A workload's Pod from its template (pkg/controller/controller_utils.go GetPodFromTemplate): the
 * template's metadata, metadata.generateName `<owner>-`, the owner's controllerRef
 * (controller: true, blockOwnerDeletion: true) and the template's spec; each controller then adds
 * what is its own (a StatefulSet's identity, a DaemonSet's node affinity). The Pod goes through the
 * same admission as any Pod (defaults, service account, tolerations, the Priority plugin resolving
 * priorityClassName against the scenario's PriorityClasses).
 */
import { stringify } from 'yaml';
import type { Pod, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { admitManifests } from '../../k8s';
import type { Cluster } from '../cluster/cluster';
import type { IdSource } from '../ids';
import { generatedName } from './names';

/** The workload a Pod is created for (its controllerRef). */
export interface PodOwner {
  kind: 'ReplicaSet' | 'StatefulSet' | 'DaemonSet';
  name: string;
  namespace: string;
  uid: string;
}

/** What the controller sets on top of the template. */
export interface PodOverrides {
  /** Labels added to the template's (controller-revision-hash, pod-template-generation, ...). */
  labels?: Record<string, string>;
  /** The Pod's spec, when the controller changes the template's (identity, affinity, volumes); admission checks it. */
  spec?: Partial<PodSpec>;
}

/** A free generateName `<owner>-xxxxx` (the API server retries a taken one). */
export function generatedPodName(owner: Pick<PodOwner, 'name'>, ids: IdSource, cluster: Cluster): string {
  return generatedName(`${owner.name}-`, ids, (n) => cluster.runners.some((r) => r.name === n));
}

/** GetPodFromTemplate, admitted: undefined when admission refuses it. `priorityClasses`: the scenario's PriorityClass objects. */
export function podFromTemplate(
  template: PodTemplateSpec,
  owner: PodOwner,
  name: string,
  overrides: PodOverrides = {},
  priorityClasses: readonly unknown[] = [],
): Pod | undefined {
  const manifest = stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...template.metadata,
      name,
      generateName: `${owner.name}-`,
      namespace: owner.namespace,
      ...(overrides.labels ? { labels: { ...template.metadata?.labels, ...overrides.labels } } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: overrides.spec ?? template.spec,
  });
  // The classes ride along as documents of their own: admission reads them from the same file.
  const classes = template.spec?.priorityClassName ? priorityClasses.map((c) => `---\n${stringify(c)}`).join('') : '';
  return admitManifests(manifest + classes, `${owner.name}.template.yaml`).pods[0]?.pod;
}

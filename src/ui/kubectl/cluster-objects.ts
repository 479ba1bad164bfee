/**
 * The frame's cluster as `kubectl get` sees it: the Node objects behind Frame.nodes (the engine
 * records a node's Ready condition, cordon, taints and capacity, not the whole object) and every
 * kind's list at the cursor.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { Frame, NodeFrame } from '../../engine/trace-types';
import { kubeTime, type ClusterObjects } from '../../k8s';

/** The kubelet version nodes report: PodPlay follows Kubernetes 1.36. */
const KUBELET_VERSION = 'v1.36.0';

/** A Node object for printNode: created with the run (or when it joined), its Ready condition, cordon and taints. */
function nodeObject(n: NodeFrame): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels: n.labels, creationTimestamp: kubeTime(n.createdAt ?? 0) },
    spec: {
      ...(n.unschedulable ? { unschedulable: true } : {}),
      ...(n.taints.length > 0 ? { taints: n.taints.map(parseTaint) } : {}),
    },
    status: {
      conditions: [{ type: 'Ready', status: n.ready }],
      capacity: n.capacity,
      nodeInfo: {
        kubeletVersion: KUBELET_VERSION,
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.0',
        kernelVersion: '',
        kubeProxyVersion: '',
        machineID: '',
        operatingSystem: 'linux',
        osImage: '',
        systemUUID: '',
      },
    },
  };
}

/** `key=value:Effect` or `key:Effect` (how taints are written on the command line) → a Taint. */
function parseTaint(text: string): { key: string; value?: string; effect: string } {
  const colon = text.lastIndexOf(':');
  const kv = colon >= 0 ? text.slice(0, colon) : text;
  const effect = colon >= 0 ? text.slice(colon + 1) : '';
  const eq = kv.indexOf('=');
  return eq >= 0 ? { key: kv.slice(0, eq), value: kv.slice(eq + 1), effect } : { key: kv, effect };
}

export function clusterObjects(frame: Frame): ClusterObjects {
  return {
    deployments: frame.deployments,
    replicaSets: frame.replicaSets,
    statefulSets: frame.statefulSets,
    daemonSets: frame.daemonSets,
    pods: frame.pods,
    services: frame.services,
    endpointSlices: frame.endpointSlices,
    nodes: frame.nodes.map(nodeObject),
  };
}

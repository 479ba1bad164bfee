/**
 * ConfigMaps and Secrets the scenario defines, as the kubelet's configmap/secret managers read
 * them: Secret `data` is base64 (decoded here), `stringData` is plain and wins on a shared key.
 * Also the PersistentVolumeClaims StatefulSets make (`<template>-<set>-<ordinal>`).
 */
import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { createMemoryFs } from '../../runtime/fs';
import type { FileSystem } from '../../runtime/types';
import type { ManifestObject } from '../../k8s';

export interface ConfigStore {
  configMap(namespace: string, name: string): Record<string, string> | undefined;
  secret(namespace: string, name: string): Record<string, string> | undefined;
  /**
   * The storage behind a claim a StatefulSet's volumeClaimTemplates make (undefined for any other
   * name): one file system per claim for the whole run, so it outlives its Pod and follows it to
   * whichever node runs it, as network-attached storage does.
   */
  claim?(namespace: string, name: string): FileSystem | undefined;
}

function decodeBase64(value: string): string {
  try {
    const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return value;
  }
}

export function configStore(objects: ManifestObject[]): ConfigStore {
  const maps = new Map<string, Record<string, string>>();
  const secrets = new Map<string, Record<string, string>>();
  const claims: Array<{ namespace: string; prefix: string }> = [];
  const volumes = new Map<string, FileSystem>();
  for (const o of objects) {
    if (o.apiVersion !== 'v1') continue;
    const key = `${o.namespace}/${o.name}`;
    if (o.kind === 'ConfigMap') {
      const cm = o.object as ConfigMap;
      maps.set(key, { ...(cm.data ?? {}) });
    } else if (o.kind === 'Secret') {
      const s = o.object as Secret;
      const data: Record<string, string> = {};
      for (const [k, v] of Object.entries(s.data ?? {})) data[k] = decodeBase64(v);
      Object.assign(data, (s as Secret & { stringData?: Record<string, string> }).stringData ?? {});
      secrets.set(key, data);
    }
  }
  for (const o of objects) {
    if (o.kind !== 'StatefulSet' || o.apiVersion !== 'apps/v1') continue;
    for (const t of (o.object as StatefulSet).spec?.volumeClaimTemplates ?? []) {
      claims.push({ namespace: o.namespace, prefix: `${t.metadata?.name ?? ''}-${o.name}-` });
    }
  }
  return {
    configMap: (namespace, name) => maps.get(`${namespace}/${name}`) ?? published(name),
    secret: (namespace, name) => secrets.get(`${namespace}/${name}`),
    claim: (namespace, name) => {
      if (!claims.some((c) => c.namespace === namespace && name.startsWith(c.prefix) && /^\d+$/.test(name.slice(c.prefix.length)))) return undefined;
      const key = `${namespace}/${name}`;
      if (!volumes.has(key)) volumes.set(key, createMemoryFs());
      return volumes.get(key);
    },
  };
}

/** The cluster's root CA, as the kube-root-ca.crt ConfigMap holds it (not a real certificate). */
export const ROOT_CA_PEM = '-----BEGIN CERTIFICATE-----\nTUlJQ1BvZFBsYXkgc2ltdWxhdGVkIGNsdXN0ZXIgcm9vdCBDQQ==\n-----END CERTIFICATE-----\n';

/**
 * ConfigMaps the control plane keeps in every namespace: kube-root-ca.crt (the root CA publisher
 * controller), which every Pod's kube-api-access projected volume reads.
 */
function published(name: string): Record<string, string> | undefined {
  return name === 'kube-root-ca.crt' ? { 'ca.crt': ROOT_CA_PEM } : undefined;
}

export const EMPTY_STORE: ConfigStore = { configMap: (_namespace, name) => published(name), secret: () => undefined };

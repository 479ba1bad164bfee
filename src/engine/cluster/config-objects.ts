/**
 * ConfigMaps and Secrets the scenario defines, as the kubelet's configmap/secret managers read
 * them: Secret `data` is base64 (decoded here), `stringData` is plain and wins on a shared key.
 */
import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import type { ManifestObject } from '../../k8s';

export interface ConfigStore {
  configMap(namespace: string, name: string): Record<string, string> | undefined;
  secret(namespace: string, name: string): Record<string, string> | undefined;
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
  return {
    configMap: (namespace, name) => maps.get(`${namespace}/${name}`) ?? published(name),
    secret: (namespace, name) => secrets.get(`${namespace}/${name}`),
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

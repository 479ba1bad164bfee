/**
 * The Volumes section of `kubectl describe pod`: describeVolumes and the print*VolumeSource helpers
 * of k8s.io/kubectl/pkg/describe for the volume types a single node can offer. Other sources print
 * `<unknown>`, as kubectl does for a type it does not know.
 */
import type { Volume } from 'kubernetes-types/core/v1';
import { canonicalQuantity, quantitySign } from './quantity';

const L2 = '    ';
const L3 = '      ';

function source(v: Volume): string {
  if (v.hostPath) {
    return `${L2}Type:\tHostPath (bare host directory volume)\n${L2}Path:\t${v.hostPath.path}\n${L2}HostPathType:\t${v.hostPath.type || '<none>'}\n`;
  }
  if (v.emptyDir) {
    const limit =
      v.emptyDir.sizeLimit !== undefined && quantitySign(v.emptyDir.sizeLimit) > 0
        ? canonicalQuantity(v.emptyDir.sizeLimit)
        : '<unset>';
    return `${L2}Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n${L2}Medium:\t${v.emptyDir.medium ?? ''}\n${L2}SizeLimit:\t${limit}\n`;
  }
  if (v.secret) {
    return `${L2}Type:\tSecret (a volume populated by a Secret)\n${L2}SecretName:\t${v.secret.secretName ?? ''}\n${L2}Optional:\t${v.secret.optional === true}\n`;
  }
  if (v.configMap) {
    return `${L2}Type:\tConfigMap (a volume populated by a ConfigMap)\n${L2}Name:\t${v.configMap.name ?? ''}\n${L2}Optional:\t${v.configMap.optional === true}\n`;
  }
  if (v.persistentVolumeClaim) {
    const c = v.persistentVolumeClaim;
    return `${L2}Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n${L2}ClaimName:\t${c.claimName}\n${L2}ReadOnly:\t${c.readOnly === true}\n`;
  }
  if (v.downwardAPI) {
    let s = `${L2}Type:\tDownwardAPI (a volume populated by information about the pod)\n${L2}Items:\n`;
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) s += `${L3}${item.fieldRef.fieldPath} -> ${item.path}\n`;
      if (item.resourceFieldRef) s += `${L3}${item.resourceFieldRef.resource} -> ${item.path}\n`;
    }
    return s;
  }
  if (v.projected) {
    let s = `${L2}Type:\tProjected (a volume that contains injected data from multiple sources)\n`;
    for (const src of v.projected.sources ?? []) {
      if (src.secret)
        s += `${L2}SecretName:\t${src.secret.name ?? ''}\n${L2}Optional:\t${src.secret.optional === true}\n`;
      else if (src.downwardAPI) s += `${L2}DownwardAPI:\ttrue\n`;
      else if (src.configMap)
        s += `${L2}ConfigMapName:\t${src.configMap.name ?? ''}\n${L2}Optional:\t${src.configMap.optional === true}\n`;
      else if (src.serviceAccountToken)
        s += `${L2}TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 3607}\n`;
    }
    return s;
  }
  return `${L2}<unknown>\n`;
}

export function describeVolumes(volumes: Volume[] | undefined): string {
  if (!volumes || volumes.length === 0) return 'Volumes:\t<none>\n';
  return 'Volumes:\n' + volumes.map((v) => `  ${v.name}:\n${source(v)}`).join('');
}

/**
 * `env[].valueFrom.fileKeyRef` (EnvFiles, beta and on by default since 1.35): when it makes the
 * container's environment, the kubelet reads a key from an env file in one of the Pod's volumes
 * (kubelet_pods.go makeEnvironmentVariables; the file format of pkg/kubelet/util/env ParseEnv).
 */
import type { EnvVarSource, Pod } from 'kubernetes-types/core/v1';
import { ContainerConfigError } from './config-error';

/** core/v1 FileKeySelector (newer than the kubernetes-types package). */
export interface FileKeySelector {
  volumeName: string;
  path: string;
  key: string;
  optional?: boolean;
}

/** An env source's fileKeyRef, when it has one. */
export function fileKeyRefOf(from: EnvVarSource): FileKeySelector | undefined {
  return (from as EnvVarSource & { fileKeyRef?: FileKeySelector }).fileKeyRef;
}

/** What the kubelet sees of the Pod's volumes on the node. */
export interface PodVolumeFiles {
  /** The volume's directory on the node, or undefined when the Pod has no such mounted volume. */
  hostPath(volume: string): string | undefined;
  /** A file's text inside the volume, or undefined when there is none. */
  read(volume: string, path: string): string | undefined;
}

/** Where the kubelet keeps a volume of the Pod (volumeutil.GetPath of its plugin's mounter). */
export function volumeHostPath(pod: Pod, uid: string, volume: string): string | undefined {
  const v = (pod.spec?.volumes ?? []).find((x) => x.name === volume);
  if (!v) return undefined;
  if (v.hostPath) return v.hostPath.path;
  const plugin = v.emptyDir
    ? 'empty-dir'
    : v.configMap
      ? 'configmap'
      : v.secret
        ? 'secret'
        : v.downwardAPI
          ? 'downward-api'
          : v.projected
            ? 'projected'
            : 'empty-dir';
  return `/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~${plugin}/${volume}`;
}

export class EnvFileError extends Error {}

/**
 * ParseEnv: `KEY='value'` lines (single quotes required, the content literal, multi-line allowed),
 * `#` comments and blank lines skipped, leading blanks ignored, none before `=`. `KEY= 'x'` (a
 * blank after `=`) assigns the empty string, as sh does. Returns the value, '' when the key is absent.
 */
export function parseEnvFile(text: string, key: string): string {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const lineNum = i + 1;
    const line = lines[i].replace(/\r$/, '').replace(/^[ \t]+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new EnvFileError(`invalid environment variable format at line ${lineNum}: missing '='`);
    const namePart = line.slice(0, eq);
    const name = namePart.replace(/[ \t]+$/, '');
    if (name === '') throw new EnvFileError(`invalid environment variable format at line ${lineNum}: empty variable name`);
    if (name !== namePart) throw new EnvFileError(`invalid environment variable format at line ${lineNum}: whitespace before '=' is not allowed`);
    const valuePart = line.slice(eq + 1);
    const value = valuePart.replace(/^[ \t]+/, '');
    if (value !== valuePart) {
      if (name === key) return '';
      continue;
    }
    if (!value.startsWith("'")) throw new EnvFileError(`invalid environment variable format at line ${lineNum}: value must be enclosed in single quotes`);
    let rest = value.slice(1);
    let collected = '';
    const start = lineNum;
    for (;;) {
      const close = rest.indexOf("'");
      if (close >= 0) {
        collected += rest.slice(0, close);
        const after = rest.slice(close + 1).replace(/^[ \t]+/, '');
        if (after !== '' && !after.startsWith('#')) throw new EnvFileError(`invalid environment variable format at line ${i + 1}: unexpected content after closing quote`);
        if (name === key) return collected;
        break;
      }
      collected += `${rest}\n`;
      if (++i >= lines.length) throw new EnvFileError(`invalid environment variable format starting at line ${start}: unclosed single quote`);
      rest = lines[i];
    }
  }
  return '';
}

/**
 * The value of a fileKeyRef, undefined when it is optional and missing; otherwise a missing volume,
 * an unreadable or malformed file, or a missing (or empty) key fail the container's start
 * (CreateContainerConfigError) with the kubelet's words.
 */
export function fileKeyValue(ref: FileKeySelector, volumes: PodVolumeFiles): string | undefined {
  const hostPath = volumes.hostPath(ref.volumeName);
  if (hostPath === undefined) throw new ContainerConfigError(`cannot find the volume "${ref.volumeName}" referenced by FileKeyRef`);
  const text = volumes.read(ref.volumeName, ref.path);
  let value: string;
  try {
    // os.Open fails on a missing file: ParseEnv's error, which the kubelet only logs.
    if (text === undefined) throw new EnvFileError(`failed to open environment variable file`);
    value = parseEnvFile(text, ref.key);
  } catch (err) {
    if (err instanceof EnvFileError) throw new ContainerConfigError("couldn't parse env file");
    throw err;
  }
  // The kubelet cannot tell an absent key from an empty value: both count as not found.
  if (value === '') {
    if (ref.optional) return undefined;
    throw new ContainerConfigError(`environment variable key "${ref.key}" not found in file "${hostPath}/${ref.path.replace(/^\/+/, '')}"`);
  }
  return value;
}

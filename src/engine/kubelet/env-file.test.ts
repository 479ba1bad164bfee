import { describe, expect, it } from 'vitest';
import { ContainerConfigError } from './config-error';
import { EnvFileError, fileKeyValue, parseEnvFile, type PodVolumeFiles } from './env-file';

describe('env file format (pkg/kubelet/util/env ParseEnv)', () => {
  it.each([
    ['the docs file: single-quoted values', "DB_ADDRESS='address'\nREST_ENDPOINT='endpoint'\n", 'REST_ENDPOINT', 'endpoint'],
    ['comments, blank lines and leading blanks are skipped', "# db\n\n   DB='x' # trailing comment\n", 'DB', 'x'],
    ['a quoted value may span lines', "MULTI='line1\nline2'\n", 'MULTI', 'line1\nline2'],
    ['# inside quotes is content', "A='a#b'\n", 'A', 'a#b'],
    ['a blank after = assigns the empty string', "A= 'x'\n", 'A', ''],
    ['an absent key is the empty string', "A='x'\n", 'B', ''],
  ])('%s', (_, text, key, value) => {
    expect(parseEnvFile(text, key)).toBe(value);
  });

  it.each([
    ['an unquoted value', 'A=value\n', "invalid environment variable format at line 1: value must be enclosed in single quotes"],
    ['a double-quoted value', 'A="value"\n', "invalid environment variable format at line 1: value must be enclosed in single quotes"],
    ['no =', "A='x'\nB\n", "invalid environment variable format at line 2: missing '='"],
    ['a blank before =', "A ='x'\n", "invalid environment variable format at line 1: whitespace before '=' is not allowed"],
    ['adjacent quoted strings', "A='a''b'\n", 'invalid environment variable format at line 1: unexpected content after closing quote'],
    ['an unclosed quote', "A='a\nb\n", 'invalid environment variable format starting at line 1: unclosed single quote'],
  ])('%s is refused', (_, text, message) => {
    // A key after the bad line: ParseEnv stops at the first match, so it reads the whole file.
    expect(() => parseEnvFile(text, 'Z')).toThrow(new EnvFileError(message));
  });
});

describe('fileKeyRef as the kubelet resolves it (makeEnvironmentVariables)', () => {
  const files: Record<string, string> = { 'config.env': "DB_ADDRESS='address'\nEMPTY=''\n", 'bad.env': "DB_ADDRESS='address'\nBAD=x\n" };
  const volumes: PodVolumeFiles = {
    hostPath: (v) => (v === 'config' ? '/var/lib/kubelet/pods/u1/volumes/kubernetes.io~empty-dir/config' : undefined),
    read: (v, p) => (v === 'config' ? files[p] : undefined),
  };
  const ref = (key: string, optional = false, path = 'config.env', volumeName = 'config') => ({ volumeName, path, key, optional });
  it.each([
    ['the key\'s value', ref('DB_ADDRESS'), 'address'],
    ['an optional missing key: no variable', ref('NOPE', true), undefined],
    ['ParseEnv stops at the key: a bad line after it is never read', ref('DB_ADDRESS', false, 'bad.env'), 'address'],
  ])('%s', (_, r, value) => expect(fileKeyValue(r, volumes)).toBe(value));

  it.each([
    ['a missing key', ref('NOPE'), 'environment variable key "NOPE" not found in file "/var/lib/kubelet/pods/u1/volumes/kubernetes.io~empty-dir/config/config.env"'],
    ['an empty value counts as missing', ref('EMPTY'), 'environment variable key "EMPTY" not found in file "/var/lib/kubelet/pods/u1/volumes/kubernetes.io~empty-dir/config/config.env"'],
    ['a malformed file', ref('NOPE', true, 'bad.env'), "couldn't parse env file"],
    ['a missing file (even when optional)', ref('DB_ADDRESS', true, 'nope.env'), "couldn't parse env file"],
    ['an unknown volume', ref('DB_ADDRESS', false, 'config.env', 'other'), 'cannot find the volume "other" referenced by FileKeyRef'],
  ])('%s: CreateContainerConfigError', (_, r, message) => {
    expect(() => fileKeyValue(r, volumes)).toThrow(new ContainerConfigError(message));
  });
});

import { describe, expect, it } from 'vitest';
import { admitManifests, formatDiagnostic } from '../manifest';

const pod = (command: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n      command: ['sh', '-c', ${command}]${extra}\n`;

describe('double-quoted escapes as go-yaml (kubectl) reads them', () => {
  it.each([
    ["\\' is a single quote (envars-file-container.yaml)", `"echo \\"DB_ADDRESS=\\'address\\'\\nREST_ENDPOINT=\\'endpoint\\'\\" > /data/config.env"`, `echo "DB_ADDRESS='address'\nREST_ENDPOINT='endpoint'" > /data/config.env`],
    ["\\\\' stays a backslash then a quote", `"a\\\\'b"`, "a\\'b"],
    ['single-quoted text is untouched (a backslash is literal there)', `'it''s \\'`, "it's \\"],
  ])('%s', (_, scalar, expected) => {
    const admitted = admitManifests(pod(scalar));
    expect(admitted.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(admitted.pods[0].pod.spec?.containers[0].command?.[2]).toBe(expected);
  });

  it('other unknown escapes are still errors, at the column of the file as written', () => {
    const admitted = admitManifests(pod(`"x\\'y\\qz"`), 'p.yaml');
    expect(admitted.ok).toBe(false);
    expect(admitted.diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^p\.yaml:9:34: Invalid escape sequence \\q/)]);
  });

  it('a later diagnostic on the line of a rewritten escape keeps its column', () => {
    const admitted = admitManifests(pod(`"x\\'y"`, `\n      imagePullPolicy: Sometimes`), 'p.yaml');
    expect(admitted.diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringMatching(/^p\.yaml:10:24: spec\.containers\[0\]\.imagePullPolicy: Unsupported value: "Sometimes"/));
  });
});

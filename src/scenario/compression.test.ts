/**
 * Why links use raw DEFLATE (fflate) + base64url: measured on the starter manifests against
 * lz-string's URI-safe output, on the very JSON a link carries. Prints the table; every starter's
 * link must stay under the 2,000 characters that chat apps and forms let through.
 */
import { strToU8 } from 'fflate';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { canonicalScenario, defaultScenario, encodeScenarioToFragment, LINK_LIMITS } from './index';
import { starterManifests } from './testing/fixtures';
import { toBase64url } from './base64url';
import { deflateRaw } from './inflate';

describe('share-link compression', () => {
  const starters = starterManifests();

  it('keeps every starter link under the shareable length, and deflate beats lz-string', () => {
    const rows = starters.map(({ name, yaml }) => {
      const scenario = { ...defaultScenario(yaml, name.replace(/\.yaml$/, '')), view: { t: 45.2 } };
      const json = canonicalScenario({ ...scenario, view: {} });
      const fragment = encodeScenarioToFragment(scenario);
      return {
        starter: name,
        yaml: yaml.length,
        json: json.length,
        percentEncoded: encodeURIComponent(json).length,
        lzString: compressToEncodedURIComponent(json).length,
        deflateB64: toBase64url(deflateRaw(strToU8(json))).length,
        link: fragment.length,
      };
    });
    console.table(rows);
    console.log(
      `totals: lz-string ${rows.reduce((a, r) => a + r.lzString, 0)}, deflate ${rows.reduce((a, r) => a + r.deflateB64, 0)}`,
    );
    for (const row of rows) {
      expect(row.link, row.starter).toBeLessThanOrEqual(LINK_LIMITS.shareableChars);
      expect(row.deflateB64, row.starter).toBeLessThan(row.lzString);
    }
  });

  it('keeps three starters in one scenario under the shareable length', () => {
    const yaml = starters
      .slice(0, 3)
      .map((s) => s.yaml)
      .join('---\n');
    const fragment = encodeScenarioToFragment(defaultScenario(yaml));
    const lz = compressToEncodedURIComponent(canonicalScenario(defaultScenario(yaml))).length;
    console.log(
      `three starters: ${yaml.length} chars of YAML, fflate link ${fragment.length}, lz-string ${lz}`,
    );
    expect(fragment.length).toBeLessThanOrEqual(LINK_LIMITS.shareableChars);
  });
});

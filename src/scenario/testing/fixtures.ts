/**
 * The starter manifests (docs example pods) that share links are measured on: the k8s layer's copies
 * when that folder exists, else the few saved here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIRS = [join(import.meta.dirname, '../../k8s/fixtures/docs'), join(import.meta.dirname, '../fixtures')];

export function starterManifests(): Array<{ name: string; yaml: string }> {
  for (const dir of DIRS) {
    let files: string[];
    try {
      files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    } catch {
      continue;
    }
    if (files.length > 0)
      return files.sort().map((f) => ({ name: f, yaml: readFileSync(join(dir, f), 'utf8') }));
  }
  throw new Error('no starter manifests found');
}

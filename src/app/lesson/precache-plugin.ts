/**
 * Build-time half of offline support: after Vite has written its bundle, list every file it
 * produced (hashed chunks, the worker, CSS, index.html) and the public files, and emit
 * `sw-precache.js`, which the hand-written `public/sw.js` imports. The list's hash names the cache,
 * so each build gets a fresh cache and the worker drops the old one on activation.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

const OWN = new Set(['sw.js', 'sw-precache.js']);

function publicFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

export function precacheManifest(): Plugin {
  let publicDir = '';
  return {
    name: 'podplay-precache-manifest',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir ? resolve(config.root, config.publicDir) : '';
    },
    generateBundle(_options, bundle) {
      const files = [...Object.keys(bundle), ...(publicDir ? publicFiles(publicDir) : [])].filter(
        (f) => !OWN.has(f) && !f.endsWith('.map'),
      );
      const urls = ['./', ...[...new Set(files)].sort().map((f) => `./${f}`)];
      const version = createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw-precache.js',
        source: `self.PODPLAY_PRECACHE = ${JSON.stringify({ version, urls })};\n`,
      });
    },
  };
}

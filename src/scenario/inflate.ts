/**
 * Raw DEFLATE both ways (fflate, synchronous), with a hard cap on the inflated size: the input is
 * pushed in small chunks and inflation stops as soon as the output passes the cap, so a small link
 * cannot expand into megabytes (a "zip bomb").
 */
import { Inflate, deflateSync } from 'fflate';

export function deflateRaw(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 9, mem: 8 });
}

export type InflateResult =
  { ok: true; bytes: Uint8Array } | { ok: false; problem: 'cut-short' | 'corrupt' | 'too-large' };

/** Each chunk of input can inflate to ~1032 times its size; small chunks keep the overshoot small. */
const CHUNK = 256;

class TooLarge extends Error {}

function flateCode(e: unknown): unknown {
  return typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
}

export function inflateRawBounded(data: Uint8Array, maxBytes: number): InflateResult {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw new TooLarge();
    parts.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK)
      inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    if (data.length === 0) inflater.push(data, true);
  } catch (e) {
    if (e instanceof TooLarge) return { ok: false, problem: 'too-large' };
    return { ok: false, problem: flateCode(e) === 0 ? 'cut-short' : 'corrupt' };
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, bytes: out };
}

/** Base64url (RFC 4648 §5) without padding: the alphabet that survives URLs, chat apps and forms. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** `canonical` is false when the last character carries set padding bits: no encoder writes that. */
export type Base64Result =
  { ok: true; bytes: Uint8Array; canonical: boolean } | { ok: false; problem: 'bad-char' | 'bad-length' };

/** Decodes, or says why not: a character outside the alphabet, or a length no encoder produces (cut short). */
export function fromBase64url(text: string): Base64Result {
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const ch of text) {
    const v = INDEX.get(ch);
    if (v === undefined) return { ok: false, problem: 'bad-char' };
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
  }
  if (text.length % 4 === 1) return { ok: false, problem: 'bad-length' };
  return { ok: true, bytes, canonical: (acc & ((1 << bits) - 1)) === 0 };
}

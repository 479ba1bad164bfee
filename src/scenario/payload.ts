/**
 * The `s=` payload of a link: one format character, then base64url of
 * [CRC-32 of the JSON, 4 bytes big-endian] + [raw DEFLATE of the canonical JSON].
 * Format '1' is this layout; a later layout takes the next character ('2'..'9', 'a'..'z'), and this
 * build reports those as "from a newer PodPlay". The CRC turns a changed character into an error
 * instead of a silently different scenario.
 */
import { strFromU8, strToU8 } from 'fflate';
import { fromBase64url, toBase64url } from './base64url';
import { crc32 } from './checksum';
import { deflateRaw, inflateRawBounded } from './inflate';
import { LINK_LIMITS, linkErrors, type LinkError } from './link-error';

export const PAYLOAD_FORMAT = '1';

export function packPayload(json: string): string {
  const body = deflateRaw(strToU8(json));
  const bytes = new Uint8Array(4 + body.length);
  new DataView(bytes.buffer).setUint32(0, crc32(strToU8(json)));
  bytes.set(body, 4);
  return PAYLOAD_FORMAT + toBase64url(bytes);
}

export type UnpackResult = { ok: true; json: string } | { ok: false; error: LinkError };

export function unpackPayload(payload: string): UnpackResult {
  const fail = (error: LinkError): UnpackResult => ({ ok: false, error });
  if (payload === '') return fail(linkErrors.truncated());
  const format = payload[0];
  if (format !== PAYLOAD_FORMAT) {
    const n = /^[0-9a-z]$/.test(format) ? parseInt(format, 36) : NaN;
    return fail(n > parseInt(PAYLOAD_FORMAT, 36) ? linkErrors.newerFormat(n) : linkErrors.corrupt());
  }
  const decoded = fromBase64url(payload.slice(1));
  if (!decoded.ok)
    return fail(decoded.problem === 'bad-length' ? linkErrors.truncated() : linkErrors.corrupt());
  const bytes = decoded.bytes;
  if (bytes.length <= 4) return fail(linkErrors.truncated());
  const inflated = inflateRawBounded(bytes.subarray(4), LINK_LIMITS.maxScenarioBytes);
  if (!inflated.ok) {
    const byProblem = {
      'cut-short': linkErrors.truncated,
      corrupt: linkErrors.corrupt,
      'too-large': linkErrors.tooLargeScenario,
    };
    return fail(byProblem[inflated.problem]());
  }
  const expected = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  if (crc32(inflated.bytes) !== expected || !decoded.canonical) return fail(linkErrors.corrupt());
  return { ok: true, json: strFromU8(inflated.bytes) };
}

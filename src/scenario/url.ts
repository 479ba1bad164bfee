/**
 * Scenario ⇄ URL fragment: `s=<payload>&t=45.2` (no leading '#'). The cursor `t` stays outside the
 * compressed payload, so a link to another moment of the same run is readable and editable by hand.
 * decodeFragment takes untrusted text: it never throws and never evaluates anything.
 */
import { canonicalScenario } from './canonical';
import { LINK_LIMITS, linkErrors, type LinkError } from './link-error';
import { parseScenario } from './parse';
import { packPayload, unpackPayload } from './payload';
import { SCENARIO_VERSION, type ScenarioV1 } from './types';

export type DecodeResult =
  { ok: true; scenario: ScenarioV1; t?: number; warnings?: string[] } | { ok: false; error: LinkError };

export function encodeScenarioToFragment(s: ScenarioV1): string {
  const payload = packPayload(canonicalScenario({ ...s, view: { ...s.view, t: undefined } }));
  return s.view.t === undefined ? `s=${payload}` : `s=${payload}&t=${s.view.t}`;
}

const SECONDS = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function params(fragment: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of fragment.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!out.has(key)) out.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  return out;
}

/** Some apps percent-encode characters that needed no encoding; undo that when it is harmless. */
function unescape(text: string): string {
  try {
    return text.includes('%') ? decodeURIComponent(text) : text;
  } catch {
    return text;
  }
}

function decode(fragment: string): DecodeResult {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length > LINK_LIMITS.maxFragmentChars)
    return { ok: false, error: linkErrors.tooLargeLink(text.length) };
  const p = params(text);
  const payload = p.get('s');
  if (payload === undefined) return { ok: false, error: linkErrors.noScenario() };
  const unpacked = unpackPayload(unescape(payload));
  if (!unpacked.ok) return unpacked;
  let json: unknown;
  try {
    json = JSON.parse(unpacked.json);
  } catch {
    return { ok: false, error: linkErrors.corrupt() };
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    return {
      ok: false,
      error:
        parsed.kind === 'newer'
          ? linkErrors.newerScenario(parsed.version, SCENARIO_VERSION)
          : linkErrors.invalid(parsed.errors),
    };
  }
  const scenario = parsed.scenario;
  const tText = p.get('t');
  if (tText === undefined)
    return { ok: true, scenario, ...(scenario.view.t !== undefined && { t: scenario.view.t }) };
  const t = Number(unescape(tText));
  if (!SECONDS.test(unescape(tText)) || !Number.isFinite(t)) {
    return {
      ok: true,
      scenario,
      warnings: [`The link's time "t=${tText.slice(0, 20)}" is not a number of seconds, so it was ignored.`],
    };
  }
  return { ok: true, scenario: { ...scenario, view: { ...scenario.view, t } }, t };
}

export function decodeFragment(fragment: string): DecodeResult {
  try {
    return decode(fragment);
  } catch {
    // Nothing above should throw; a link must never take the page down if something does.
    return { ok: false, error: linkErrors.corrupt() };
  }
}

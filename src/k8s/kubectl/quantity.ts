/**
 * Just enough of k8s.io/apimachinery/pkg/api/resource.Quantity for describe and QoS: parse a
 * quantity string into an exact value (BigInt nano-units), compare, and print the canonical form
 * Quantity.String() gives (`500m`, `128Mi`, `1Gi`, `2k`, `1500`).
 */

type Format = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface ParsedQuantity {
  /** The value in nano-units (10^-9), rounded up as the API server rounds. */
  nano: bigint;
  format: Format;
}

const NANO = 1_000_000_000n;
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX_BY_EXP = new Map(Object.entries(DECIMAL).map(([s, e]) => [e, s]));

const pow10 = (e: number): bigint => 10n ** BigInt(e);

export function parseQuantity(input: string | number): ParsedQuantity | undefined {
  const s = String(input).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, intPart, fracPart = '', suffix = '', exponent] = m;
  const digits = BigInt((intPart || '0') + fracPart);
  // value = digits * 10^(-frac) * base; in nano units multiply by 10^9.
  let numerator = digits;
  let denominatorExp = fracPart.length;
  let format: Format = 'DecimalSI';
  if (suffix in BINARY) {
    numerator *= 1n << BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else if (exponent !== undefined) {
    const e = Number(exponent);
    if (e >= 0) numerator *= pow10(e);
    else denominatorExp += -e;
    format = 'DecimalExponent';
  } else {
    const e = DECIMAL[suffix];
    if (e >= 0) numerator *= pow10(e);
    else denominatorExp += -e;
  }
  numerator *= NANO;
  const den = pow10(denominatorExp);
  let nano = numerator / den;
  if (numerator % den !== 0n) nano += 1n; // round up to the nano scale
  return { nano: sign === '-' ? -nano : nano, format };
}

export function quantitySign(q: string | number): number {
  const p = parseQuantity(q);
  if (!p || p.nano === 0n) return 0;
  return p.nano > 0n ? 1 : -1;
}

/** Quantity.String(): the canonical form for the quantity's format. */
export function canonicalQuantity(input: string | number): string {
  const p = parseQuantity(input);
  if (!p) return String(input);
  const neg = p.nano < 0n;
  const abs = neg ? -p.nano : p.nano;
  const sign = neg ? '-' : '';
  if (abs === 0n) return '0';
  if (p.format === 'BinarySI' && abs >= 1024n * NANO && abs % NANO === 0n) {
    let value = abs / NANO;
    let shift = 0;
    while (shift < 60 && value % 1024n === 0n) {
      value /= 1024n;
      shift += 10;
    }
    const suffix = Object.keys(BINARY).find((k) => BINARY[k] === shift) ?? '';
    return `${sign}${value}${suffix}`;
  }
  // Decimal: the largest exponent (a multiple of 3) that leaves an integer mantissa.
  let exp = -9;
  let mantissa = abs;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (p.format === 'DecimalExponent') return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`;
  return `${sign}${mantissa}${DECIMAL_SUFFIX_BY_EXP.get(exp) ?? ''}`;
}

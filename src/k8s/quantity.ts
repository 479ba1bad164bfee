/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource/quantity.go), reduced to
 * plain numbers in base units: cores for cpu, bytes for memory. Float precision is enough for a
 * simulator: every suffix up to Ei is a power of two or ten that a double holds exactly.
 */

/** The message the API server's decoder gives for a malformed quantity (quantity.go, ErrFormatWrong). */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** quantity.go, ErrSuffix. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

// The coarse shape the decoder accepts before it looks at the suffix (same regexp as the message).
const SHAPE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/** Thrown by parseQuantity; `message` is worded as the API server words it. */
export class QuantityError extends Error {
  override name = 'QuantityError';
}

function scale(suffix: string): number {
  if (suffix in BINARY) return BINARY[suffix];
  if (suffix in DECIMAL) return 10 ** DECIMAL[suffix];
  // Exponent form, `1e3`, `5E-2` (quantity.go, DecimalExponent).
  const exp = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
  if (exp) return 10 ** Number(exp[1]);
  throw new QuantityError(QUANTITY_SUFFIX_ERROR);
}

/**
 * '500m' -> 0.5, '128Mi' -> 134217728, '1G' -> 1e9, '2' -> 2, '1e3' -> 1000; a number passes
 * through. Throws QuantityError on anything the API server would reject (never returns NaN), so
 * a caller cannot silently compute with garbage; use tryParseQuantity for a soft check.
 */
export function parseQuantity(q: string | number): number {
  if (typeof q === 'number') {
    if (!Number.isFinite(q)) throw new QuantityError(QUANTITY_FORMAT_ERROR);
    return q;
  }
  // No trimming: the decoder rejects ' 1' too.
  const text = q;
  const shape = SHAPE.exec(text);
  if (!shape) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  // The regexp lets '+-' signs slip into the suffix group ('1-'): split off the numeric part ourselves.
  const m = /^([+-]?[0-9.]+)(.*)$/.exec(text);
  if (!m || !NUMBER.test(m[1])) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  return Number(m[1]) * scale(m[2]);
}

/** parseQuantity without the throw: undefined when the API server would reject the value. */
export function tryParseQuantity(q: unknown): number | undefined {
  if (typeof q !== 'string' && typeof q !== 'number') return undefined;
  try {
    return parseQuantity(q);
  } catch {
    return undefined;
  }
}

/**
 * A byte count the way kubectl shows memory: the largest binary suffix that divides it exactly
 * (134217728 -> '128Mi'), else the largest decimal one (1e9 -> '1G'), else the plain integer.
 */
export function formatQuantityBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  if (bytes !== 0 && Number.isInteger(bytes)) {
    for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      if (bytes % BINARY[suffix] === 0) return `${bytes / BINARY[suffix]}${suffix}`;
    }
    for (const suffix of ['E', 'P', 'T', 'G', 'M', 'k']) {
      const unit = 10 ** DECIMAL[suffix];
      if (bytes % unit === 0) return `${bytes / unit}${suffix}`;
    }
  }
  return String(bytes);
}

/** CPU cores the way kubectl shows them: whole cores plain, fractions in millicores ('500m'). */
export function formatQuantityCpu(cores: number): string {
  if (Number.isInteger(cores)) return String(cores);
  // The API server rounds quantities up to milli scale (defaults.go, SetDefaults_ResourceList).
  return `${Math.ceil(Math.round(cores * 1e6) / 1e3)}m`;
}

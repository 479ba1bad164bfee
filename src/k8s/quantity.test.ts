import { describe, expect, it } from 'vitest';
import {
  QUANTITY_FORMAT_ERROR,
  formatQuantityBytes,
  formatQuantityCpu,
  parseQuantity,
  tryParseQuantity,
} from './quantity';

// k8s.io/apimachinery/pkg/api/resource/quantity.go: ParseQuantity and its suffixer (suffix.go).
describe('parseQuantity (apimachinery resource.ParseQuantity)', () => {
  it.each([
    ['plain integer', '2', 2],
    ['plain decimal', '0.5', 0.5],
    ['leading dot', '.5', 0.5],
    ['explicit sign', '+1', 1],
    ['negative (validation rejects it, parsing does not)', '-1', -1],
    ['nano', '5n', 5e-9],
    ['micro', '5u', 5e-6],
    ['milli (cpu)', '500m', 0.5],
    ['kilo', '1k', 1e3],
    ['mega', '1M', 1e6],
    ['giga', '1G', 1e9],
    ['tera', '1T', 1e12],
    ['peta', '1P', 1e15],
    ['exa', '1E', 1e18],
    ['kibi', '1Ki', 1024],
    ['mebi', '128Mi', 134217728],
    ['gibi', '1Gi', 2 ** 30],
    ['tebi', '1Ti', 2 ** 40],
    ['pebi', '1Pi', 2 ** 50],
    ['exbi', '1Ei', 2 ** 60],
    ['fractional binary', '1.5Gi', 1.5 * 2 ** 30],
    ['decimal exponent', '1e3', 1000],
    ['upper-case exponent', '1E3', 1000],
    ['negative exponent', '5e-2', 0.05],
    ['number input passes through', 0.25, 0.25],
  ])('%s: %s', (_rule, input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['empty', ''],
    ['no digits', 'Mi'],
    ['unknown suffix letter', '1x'],
    ['lower-case kibi is not a suffix', '1ki'],
    ['upper-case K alone is not a suffix', '1K'],
    ['space inside', '1 Gi'],
    ['leading space', ' 1'],
    ['two dots', '1.2.3'],
    ['lone dot', '.'],
  ])('rejects %s (%j) by throwing', (_rule, input) => {
    expect(() => parseQuantity(input)).toThrow();
    expect(tryParseQuantity(input)).toBeUndefined();
  });

  it('words the shape error as the API server decoder does', () => {
    expect(() => parseQuantity('lots')).toThrow(QUANTITY_FORMAT_ERROR);
    expect(() => parseQuantity('1K')).toThrow("unable to parse quantity's suffix");
  });
});

describe('formatting quantities for display', () => {
  it.each([
    [134217728, '128Mi'],
    [2 ** 30, '1Gi'],
    [1e9, '1G'],
    [1500, '1500'],
    [0, '0'],
  ])('bytes %d -> %s', (bytes, text) => expect(formatQuantityBytes(bytes)).toBe(text));

  it.each([
    [2, '2'],
    [0.5, '500m'],
    // defaults.go SetDefaults_ResourceList rounds up to milli scale.
    [0.0001, '1m'],
  ])('cpu %d -> %s', (cores, text) => expect(formatQuantityCpu(cores)).toBe(text));
});

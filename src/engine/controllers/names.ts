/**
 * Names the API server generates for a controller's pods (metadata.generateName `<owner>-`): five
 * characters from k8s.io/apimachinery/pkg/util/rand's alphabet, drawn from the seeded IdSource so
 * runs replay identically.
 */
import type { IdSource } from '../ids';

/** The random suffix alphabet of generateName (k8s.io/apimachinery/pkg/util/rand, no vowels). */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export function generatedName(prefix: string, ids: IdSource, taken: (name: string) => boolean): string {
  for (;;) {
    const name = `${prefix}${Array.from({ length: 5 }, () => ALPHANUMS[ids.int(ALPHANUMS.length)]).join('')}`;
    if (!taken(name)) return name;
  }
}

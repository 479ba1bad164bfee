/** window.localStorage when the browser lets the page have it, else null (reading it can throw). */
import type { StorageLike } from '../../scenario';

export function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

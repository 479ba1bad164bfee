/**
 * The same object while its key stays the same. A workload's snapshot is asked for at every frame;
 * returning the previous object when nothing changed lets frames share it (long runs stay small).
 */
export class Keyed<T> {
  private last?: { key: string; value: T };

  get(key: string, build: () => T): T {
    if (this.last?.key === key) return this.last.value;
    const value = build();
    this.last = { key, value };
    return value;
  }
}

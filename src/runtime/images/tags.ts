/** Which tags a repository really has, loosely: enough to tell `nginx:1.27` from `nginx:1.99`. */

export type TagCheck = (tag: string) => boolean;

export interface TagRules {
  /** Tags by name (`latest`, `alpine`, `bookworm`). */
  names?: string[];
  /** Versions `major[.minor[.patch]]`: for each major, the range of minors that exist. */
  versions?: Record<number, [number, number]>;
  /** Suffixes any version or name may carry (`-alpine`, `-slim`). */
  suffixes?: string[];
}

export function tags(rules: TagRules): TagCheck {
  const names = new Set(rules.names ?? []);
  const suffixes = ['', ...(rules.suffixes ?? [])];
  const isVersion = (base: string): boolean => {
    const m = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?$/.exec(base);
    const range = m ? rules.versions?.[Number(m[1])] : undefined;
    if (!m || !range) return false;
    if (m[2] === undefined) return true;
    return Number(m[2]) >= range[0] && Number(m[2]) <= range[1];
  };
  return (tag) =>
    suffixes.some((suffix) => {
      if (suffix && !tag.endsWith(suffix)) return false;
      const base = tag.slice(0, tag.length - suffix.length);
      return names.has(base) || isVersion(base);
    });
}

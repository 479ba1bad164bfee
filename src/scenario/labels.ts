/**
 * Label keys and values as Kubernetes validates them (apimachinery validation.IsQualifiedName,
 * IsValidLabelValue): `[prefix/]name`, name <= 63 chars of [A-Za-z0-9-_.] starting and ending
 * alphanumeric, prefix a DNS subdomain <= 253 chars; a value is empty or a valid name.
 */
const NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a label key, or undefined when it is one. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return `not a label key: prefix ${JSON.stringify(prefix)} must be a DNS subdomain`;
  }
  if (!NAME.test(name)) {
    return `not a label key: ${JSON.stringify(name)} must be 1-63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  }
  return undefined;
}

export function isLabelValue(value: string): boolean {
  return value === '' || NAME.test(value);
}

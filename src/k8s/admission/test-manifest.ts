// Shared by the admission tests.

/**
 * A Pod whose line numbers are fixed: line 7 is `  - name: c`, line 8 `    image: busybox`,
 * container extras start on line 9, spec extras go before `containers:` (line 6 moves down).
 */
export const pod = (container = '', spec = '', meta = '  name: p\n'): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n${meta}spec:\n${spec}  containers:\n  - name: c\n    image: busybox\n${container}`;

/** From any JSON value to a current, validated scenario: migrate, then validate. */
import { formatIssue, type Issue } from './check';
import { migrate } from './migrate';
import { validateScenario } from './validate';
import type { ScenarioV1 } from './types';

export type ParseResult =
  | { ok: true; scenario: ScenarioV1 }
  | { ok: false; errors: string[]; kind: 'invalid'; issues: Issue[] }
  | { ok: false; errors: string[]; kind: 'newer'; version: number };

export function parseScenario(json: unknown): ParseResult {
  const migrated = migrate(json);
  if (!migrated.ok) {
    if (migrated.kind === 'newer')
      return { ok: false, errors: [migrated.message], kind: 'newer', version: migrated.version };
    return { ok: false, errors: [migrated.message], kind: 'invalid', issues: [migrated.issue] };
  }
  const result = validateScenario(migrated.value);
  if (!result.ok)
    return { ok: false, errors: result.issues.map(formatIssue), kind: 'invalid', issues: result.issues };
  return result;
}

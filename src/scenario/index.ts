/** The scenario layer's public face: the format, its validation, links, files and drafts. */
export type { ScenarioV1, Scenario, ScenarioView } from './types';
export { SCENARIO_VERSION, DEFAULT_SEED } from './types';
export type { Issue, PathSegment } from './check';
export { formatIssue, formatPath } from './check';
export { parseScenario, type ParseResult } from './parse';
export { migrate, type MigrateResult } from './migrate';
export { validateScenario, type ValidationResult } from './validate';
export { ACTION_KINDS } from './validate-actions';
export { defaultNode } from './validate-node';
export { defaultScenario } from './default';
export { canonicalScenario, sameScenario, wireScenario } from './canonical';
export { encodeScenarioToFragment, decodeFragment, type DecodeResult } from './url';
export { LINK_LIMITS, type LinkError, type LinkErrorKind } from './link-error';
export { exportScenario, importScenarioFile, type ExportFormat, type ImportResult } from './file';
export type { StorageLike, StorageProblem, StorageProblemKind, StorageWrite } from './storage';
export {
  DRAFT_KEYS,
  loadDraft,
  saveDraft,
  discardDraft,
  compareDraftWithLink,
  stashDraftBeforeLink,
  loadStashedDraft,
  restoreStashedDraft,
  discardStashedDraft,
  type DraftLoad,
  type LinkVsDraft,
} from './draft-store';
export * from './lessons';

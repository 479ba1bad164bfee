/**
 * The part of src/scenario the first load needs: links, drafts, the format. Taken from its modules
 * rather than its index on purpose: the index also re-exports the lessons, which import the engine,
 * and a bundler must keep the engine's module-level code, so a value import of the index would put
 * the whole engine (~70 KB gzipped) into the first load. Types still come from the index.
 * The file format (YAML) is loaded on demand: see file-codec.ts.
 */
export { canonicalScenario, sameScenario } from '../../scenario/canonical';
export { defaultScenario } from '../../scenario/default';
export {
  compareDraftWithLink,
  discardDraft,
  discardStashedDraft,
  loadDraft,
  loadStashedDraft,
  restoreStashedDraft,
  saveDraft,
  stashDraftBeforeLink,
} from '../../scenario/draft-store';
export { LINK_LIMITS } from '../../scenario/link-error';
export { DEFAULT_SEED, SCENARIO_VERSION } from '../../scenario/types';
export { decodeFragment, encodeScenarioToFragment } from '../../scenario/url';

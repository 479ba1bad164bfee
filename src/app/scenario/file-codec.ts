/**
 * The scenario file format (it needs the YAML library): loaded only when a person exports or imports.
 * From its module, not the index, for the reason given in scenario-core.ts.
 */
export { exportScenario, importScenarioFile } from '../../scenario/file';

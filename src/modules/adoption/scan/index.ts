/** The repository scanner: which capabilities each git repository uses, with evidence, and since when. */
export { findRepositories, type FoundRepositories } from './find-repositories.js';
export {
  scanRepositories,
  scanRepository,
  sharedMatcher,
  type CapabilityMatch,
  type FailedRepository,
  type RepositoryScan,
  type ScanRepositoriesOptions,
  type ScanRepositoryOptions,
  type ScanResult,
  type UnchangedRepository,
} from './scan-repository.js';
export type { CapabilityRules } from './compile-rules.js';
export type { Evidence } from './match-rules.js';
export type { FirstAdoption } from './first-adoption.js';
export { PatternMatcher } from './pattern-matcher.js';

export type {
  ComplianceControl,
  Finding,
  Fix,
  LintSettings,
  LiveDatabase,
  ReportDescriptor,
  RuleContext,
  RuleListener,
  RuleMeta,
  SessionState,
  Severity,
  StatementVisit,
} from "./types.js";
export { defineRule, isRule, SEVERITIES } from "./define-rule.js";
export type { Rule, RuleDefinition } from "./define-rule.js";
export {
  assertEngineCompatible,
  defineLibrary,
  isLibrary,
  isLibraryLike,
  isRecommended,
  isRemovedIn,
  toLibrary,
} from "./define-library.js";
export type { Library, LibraryDefinition } from "./define-library.js";
export { ENGINE_VERSION } from "./engine-version.js";
export { ruleReadmes } from "./rule-readmes.js";
export { general } from "./library/index.js";
export { formatMessage } from "./messages.js";
export { lintingEvents } from "./events.js";
export type { LintingEvents, LintingOperation, LintingTimingEvent } from "./events.js";
export {
  conflictResolutionSchema,
  lintConfigSchema,
  lintOverrideSchema,
  lintSettingsSchema,
  ruleLevelSchema,
  ruleSettingSchema,
  ruleSettingsSchema,
} from "./config.js";
export type { ConflictResolution, LintConfig, LintConfigInput, LintOverride, RuleLevel, RuleSetting } from "./config.js";
export { composeLibraries, DEFAULT_CONFLICT_RESOLUTIONS } from "./composition/composer.js";
export type { ComposeOptions } from "./composition/composer.js";
export type {
  ComposedRule,
  Composition,
  CompositionAudit,
  ConflictKind,
  ConflictRecord,
  ConflictResolutions,
  RuleReference,
} from "./composition/types.js";
export { DEFAULT_LINT_SETTINGS, lint, parseLintConfig } from "./engine/lint.js";
export { applyFileFixes, isApplicable } from "./fixes/apply-fixes.js";
export type { FileFixes, FixSelection } from "./fixes/apply-fixes.js";
export { lintAndFix } from "./fixes/fix-files.js";
export type { FixOutcome } from "./fixes/fix-files.js";
export { ignoreMatcher } from "./engine/ignore.js";
export { orderFiles } from "./engine/file-order.js";
export { inputFinding } from "./inputs/input-finding.js";
export type { InputProblem, InputProblemKind } from "./inputs/input-finding.js";
export { readSqlFile } from "./inputs/read-sql-file.js";
export type { SqlFileRead } from "./inputs/read-sql-file.js";
export { followLinkWithin, walkSqlDirectory } from "./inputs/walk-sql-directory.js";
export type { DirectoryWalk } from "./inputs/walk-sql-directory.js";
export { describeMigrations, readFileDirectives, RUNNERS } from "./layouts/index.js";
export type { FileDirectives, FileSection, MigrationInfo, MigrationRole, RunnerName, TransactionMode } from "./layouts/index.js";
export type { ReplayStep, SourceFile } from "./engine/file-order.js";
export type { LintedFile, LintedStatement, LintOptions, LintResult, LintSummary } from "./engine/types.js";
export {
  CompositionConflictError,
  EngineIncompatibleError,
  LibraryDefinitionError,
  LintConfigError,
  LintingError,
  RemovedRuleError,
  RuleDefinitionError,
  RuleOptionsError,
  UnknownRuleError,
} from "./errors.js";
export type { LintingErrorCode } from "./errors.js";
export type { RuleCatalogEntry } from "./engine/types.js";
export { formatFindings } from "./reporters/index.js";
export { REPORT_FORMATS } from "./reporters/options.js";
export type { ReporterOptions, ReportFormat } from "./reporters/options.js";

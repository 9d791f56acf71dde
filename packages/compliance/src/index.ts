export { SENSITIVE_CATEGORIES, defaultPatterns } from "./categories.js";
export type { NamePatterns, SensitiveCategory } from "./categories.js";
export { classificationConfigSchema, patternsFor, resolveClassificationConfig } from "./config.js";
export type { ClassificationConfig, ClassificationConfigInput } from "./config.js";
export { classifyColumn, classifyTable } from "./classify.js";
export type { ClassificationReason, ColumnClassification, TableClassification } from "./classify.js";
export { identifierTokens, matchesNamePattern } from "./names.js";
export { parseTags, tagsOf } from "./tags.js";
export type { Tags } from "./tags.js";
export { classificationOf } from "./settings.js";
export {
  collectRangeVars,
  dataChange,
  grantInfo,
  literalPassword,
  relationName,
  securityDefiner,
  tableCopy,
  triggerRemovals,
} from "./ast.js";
export type { DataChange, GrantInfo, TriggerRemoval } from "./ast.js";
export {
  auditTriggers,
  blockingForeignKeys,
  displayName,
  hasAuditTrail,
  hasColumn,
  hasRowLevelSecurity,
  isAppendOnly,
  isAuditTrigger,
  lookupTable,
  protectionTriggers,
  resolveTable,
  sensitiveTables,
  tableNamed,
} from "./schema-checks.js";
export type { SensitiveTable } from "./schema-checks.js";
export {
  installedExtensions,
  loginRoles,
  loginRolesWithoutPassword,
  preloadedLibraries,
  readSettings,
  weakHbaRules,
} from "./live.js";
export {
  appendOnlyRule,
  auditTriggerRemovalRule,
  broadGrantRule,
  databaseLocation,
  forbiddenColumnRule,
  literalPasswordRule,
  loginRolesHavePasswordsRule,
  networkAccessRule,
  pgauditRule,
  reportAt,
  retentionMarkerRule,
  securityDefinerSearchPathRule,
  sensitiveColumnPlaintextRule,
  sensitiveCopyRule,
  sensitiveTableAuditTrailRule,
  sensitiveTableRowLevelSecurityRule,
  serverSettingsRule,
  superuserAllowListRule,
} from "./rule-factories/index.js";
export type { RuleIdentity, SensitiveDataRule, SettingRequirement } from "./rule-factories/index.js";
export { fileComments } from "./comments.js";
export type { FileComment } from "./comments.js";

export {
  forbiddenColumnRule,
  reportAt,
  retentionMarkerRule,
  sensitiveColumnPlaintextRule,
  sensitiveTableAuditTrailRule,
  sensitiveTableRowLevelSecurityRule,
} from "./schema-rules.js";
export {
  appendOnlyRule,
  auditTriggerRemovalRule,
  broadGrantRule,
  literalPasswordRule,
  securityDefinerSearchPathRule,
  sensitiveCopyRule,
} from "./statement-rules.js";
export {
  loginRolesHavePasswordsRule,
  networkAccessRule,
  pgauditRule,
  serverSettingsRule,
  superuserAllowListRule,
} from "./live-rules.js";
export type { SettingRequirement } from "./live-rules.js";
export { databaseLocation } from "./types.js";
export type { RuleIdentity, SensitiveDataRule } from "./types.js";

import { rule as changeReferenceRequired } from "./change-reference-required/index.js";
import { rule as financialAuditColumns } from "./financial-audit-columns/index.js";
import { rule as financialAuditTrigger } from "./financial-audit-trigger/index.js";
import { rule as ledgerAppendOnly } from "./ledger-append-only/index.js";
import { rule as liveDataChecksums } from "./live-data-checksums/index.js";
import { rule as liveDdlLogging } from "./live-ddl-logging/index.js";
import { rule as livePgaudit } from "./live-pgaudit/index.js";
import { rule as liveSuperuserAllowList } from "./live-superuser-allow-list/index.js";
import { rule as moneyPrecision } from "./money-precision/index.js";
import { rule as noBroadGrantsOnFinancial } from "./no-broad-grants-on-financial/index.js";
import { rule as noDataFixesInSchemaMigrations } from "./no-data-fixes-in-schema-migrations/index.js";
import { rule as noDisablingAuditTriggers } from "./no-disabling-audit-triggers/index.js";
import { rule as noDropFinancialData } from "./no-drop-financial-data/index.js";

/** Every rule of the pack, alphabetically by id. */
export const rules = {
  "change-reference-required": changeReferenceRequired,
  "financial-audit-columns": financialAuditColumns,
  "financial-audit-trigger": financialAuditTrigger,
  "ledger-append-only": ledgerAppendOnly,
  "live-data-checksums": liveDataChecksums,
  "live-ddl-logging": liveDdlLogging,
  "live-pgaudit": livePgaudit,
  "live-superuser-allow-list": liveSuperuserAllowList,
  "money-precision": moneyPrecision,
  "no-broad-grants-on-financial": noBroadGrantsOnFinancial,
  "no-data-fixes-in-schema-migrations": noDataFixesInSchemaMigrations,
  "no-disabling-audit-triggers": noDisablingAuditTriggers,
  "no-drop-financial-data": noDropFinancialData,
};

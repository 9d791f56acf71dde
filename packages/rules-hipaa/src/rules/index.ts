import { rule as auditLogAppendOnly } from "./audit-log-append-only/index.js";
import { rule as liveBackupArchiving } from "./live-backup-archiving/index.js";
import { rule as liveConnectionLogging } from "./live-connection-logging/index.js";
import { rule as liveLoginRolesHavePasswords } from "./live-login-roles-have-passwords/index.js";
import { rule as livePasswordEncryption } from "./live-password-encryption/index.js";
import { rule as livePgaudit } from "./live-pgaudit/index.js";
import { rule as liveSessionTimeout } from "./live-session-timeout/index.js";
import { rule as liveSsl } from "./live-ssl/index.js";
import { rule as liveSuperuserAllowList } from "./live-superuser-allow-list/index.js";
import { rule as noCredentialsInMigrations } from "./no-credentials-in-migrations/index.js";
import { rule as noDisablingAuditTriggers } from "./no-disabling-audit-triggers/index.js";
import { rule as noPhiCopy } from "./no-phi-copy/index.js";
import { rule as noPublicGrantOnPhi } from "./no-public-grant-on-phi/index.js";
import { rule as phiColumnPlaintext } from "./phi-column-plaintext/index.js";
import { rule as phiNoCascadingDelete } from "./phi-no-cascading-delete/index.js";
import { rule as phiTableRequiresAuditTrigger } from "./phi-table-requires-audit-trigger/index.js";
import { rule as phiTableRequiresRls } from "./phi-table-requires-rls/index.js";
import { rule as securityDefinerSearchPath } from "./security-definer-search-path/index.js";

/** Every rule of the pack, alphabetically by id. */
export const rules = {
  "audit-log-append-only": auditLogAppendOnly,
  "live-backup-archiving": liveBackupArchiving,
  "live-connection-logging": liveConnectionLogging,
  "live-login-roles-have-passwords": liveLoginRolesHavePasswords,
  "live-password-encryption": livePasswordEncryption,
  "live-pgaudit": livePgaudit,
  "live-session-timeout": liveSessionTimeout,
  "live-ssl": liveSsl,
  "live-superuser-allow-list": liveSuperuserAllowList,
  "no-credentials-in-migrations": noCredentialsInMigrations,
  "no-disabling-audit-triggers": noDisablingAuditTriggers,
  "no-phi-copy": noPhiCopy,
  "no-public-grant-on-phi": noPublicGrantOnPhi,
  "phi-column-plaintext": phiColumnPlaintext,
  "phi-no-cascading-delete": phiNoCascadingDelete,
  "phi-table-requires-audit-trigger": phiTableRequiresAuditTrigger,
  "phi-table-requires-rls": phiTableRequiresRls,
  "security-definer-search-path": securityDefinerSearchPath,
};

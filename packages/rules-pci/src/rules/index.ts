import { rule as auditLogAppendOnly } from "./audit-log-append-only/index.js";
import { rule as cardholderAuditTrigger } from "./cardholder-audit-trigger/index.js";
import { rule as cardholderDataRequiresRls } from "./cardholder-data-requires-rls/index.js";
import { rule as cardholderRetentionMarker } from "./cardholder-retention-marker/index.js";
import { rule as keyMaterialPlaintext } from "./key-material-plaintext/index.js";
import { rule as liveLoginRolesHavePasswords } from "./live-login-roles-have-passwords/index.js";
import { rule as liveNetworkAccess } from "./live-network-access/index.js";
import { rule as livePasswordEncryption } from "./live-password-encryption/index.js";
import { rule as liveSsl } from "./live-ssl/index.js";
import { rule as noCardholderDataCopy } from "./no-cardholder-data-copy/index.js";
import { rule as noDefaultCredentials } from "./no-default-credentials/index.js";
import { rule as noPublicGrantOnCardholderData } from "./no-public-grant-on-cardholder-data/index.js";
import { rule as noSensitiveAuthenticationData } from "./no-sensitive-authentication-data/index.js";
import { rule as panPlaintext } from "./pan-plaintext/index.js";

/** Every rule of the pack, alphabetically by id. */
export const rules = {
  "audit-log-append-only": auditLogAppendOnly,
  "cardholder-audit-trigger": cardholderAuditTrigger,
  "cardholder-data-requires-rls": cardholderDataRequiresRls,
  "cardholder-retention-marker": cardholderRetentionMarker,
  "key-material-plaintext": keyMaterialPlaintext,
  "live-login-roles-have-passwords": liveLoginRolesHavePasswords,
  "live-network-access": liveNetworkAccess,
  "live-password-encryption": livePasswordEncryption,
  "live-ssl": liveSsl,
  "no-cardholder-data-copy": noCardholderDataCopy,
  "no-default-credentials": noDefaultCredentials,
  "no-public-grant-on-cardholder-data": noPublicGrantOnCardholderData,
  "no-sensitive-authentication-data": noSensitiveAuthenticationData,
  "pan-plaintext": panPlaintext,
};

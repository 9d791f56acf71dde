import { rule as accessRequestTracking } from "./access-request-tracking/index.js";
import { rule as auditLogAppendOnly } from "./audit-log-append-only/index.js";
import { rule as childrenConsent } from "./children-consent/index.js";
import { rule as consentRecords } from "./consent-records/index.js";
import { rule as erasurePath } from "./erasure-path/index.js";
import { rule as liveConnectionLogging } from "./live-connection-logging/index.js";
import { rule as livePasswordEncryption } from "./live-password-encryption/index.js";
import { rule as liveSsl } from "./live-ssl/index.js";
import { rule as noCredentialsInMigrations } from "./no-credentials-in-migrations/index.js";
import { rule as noForeignServersForPersonalData } from "./no-foreign-servers-for-personal-data/index.js";
import { rule as noPersonalDataCopy } from "./no-personal-data-copy/index.js";
import { rule as noPersonalDataPublication } from "./no-personal-data-publication/index.js";
import { rule as noPublicGrantOnPersonalData } from "./no-public-grant-on-personal-data/index.js";
import { rule as noSelectStarViewsOnPersonalData } from "./no-select-star-views-on-personal-data/index.js";
import { rule as personalDataAuditTrigger } from "./personal-data-audit-trigger/index.js";
import { rule as personalDataPlaintext } from "./personal-data-plaintext/index.js";
import { rule as personalDataRequiresRls } from "./personal-data-requires-rls/index.js";
import { rule as personalDataRetentionMarker } from "./personal-data-retention-marker/index.js";
import { rule as specialCategoryData } from "./special-category-data/index.js";

/** Every rule of the pack, alphabetically by id. */
export const rules = {
  "access-request-tracking": accessRequestTracking,
  "audit-log-append-only": auditLogAppendOnly,
  "children-consent": childrenConsent,
  "consent-records": consentRecords,
  "erasure-path": erasurePath,
  "live-connection-logging": liveConnectionLogging,
  "live-password-encryption": livePasswordEncryption,
  "live-ssl": liveSsl,
  "no-credentials-in-migrations": noCredentialsInMigrations,
  "no-foreign-servers-for-personal-data": noForeignServersForPersonalData,
  "no-personal-data-copy": noPersonalDataCopy,
  "no-personal-data-publication": noPersonalDataPublication,
  "no-public-grant-on-personal-data": noPublicGrantOnPersonalData,
  "no-select-star-views-on-personal-data": noSelectStarViewsOnPersonalData,
  "personal-data-audit-trigger": personalDataAuditTrigger,
  "personal-data-plaintext": personalDataPlaintext,
  "personal-data-requires-rls": personalDataRequiresRls,
  "personal-data-retention-marker": personalDataRetentionMarker,
  "special-category-data": specialCategoryData,
};

import type { Rule } from "../define-rule.js";
import { addingExclusionConstraint } from "./adding-exclusion-constraint/index.js";
import { addingFieldWithDefault } from "./adding-field-with-default/index.js";
import { addingForeignKeyConstraint } from "./adding-foreign-key-constraint/index.js";
import { addingNotNullableField } from "./adding-not-nullable-field/index.js";
import { addingPrimaryKeyConstraint } from "./adding-primary-key-constraint/index.js";
import { addingRequiredField } from "./adding-required-field/index.js";
import { addingSerialPrimaryKeyField } from "./adding-serial-primary-key-field/index.js";
import { banAlterDomainWithAddConstraint } from "./ban-alter-domain-with-add-constraint/index.js";
import { banCharField } from "./ban-char-field/index.js";
import { banConcurrentIndexCreationInTransaction } from "./ban-concurrent-index-creation-in-transaction/index.js";
import { banCreateDomainWithConstraint } from "./ban-create-domain-with-constraint/index.js";
import { banDropColumn } from "./ban-drop-column/index.js";
import { banDropDatabase } from "./ban-drop-database/index.js";
import { banDropNotNull } from "./ban-drop-not-null/index.js";
import { banDropTable } from "./ban-drop-table/index.js";
import { banDuplicateColumnAssignments } from "./ban-duplicate-column-assignments/index.js";
import { banEnumValueInTransaction } from "./ban-enum-value-in-transaction/index.js";
import { banNonTransactionalStatementInTransaction } from "./ban-non-transactional-statement-in-transaction/index.js";
import { banTruncateCascade } from "./ban-truncate-cascade/index.js";
import { banUncommittedTransaction } from "./ban-uncommitted-transaction/index.js";
import { changingColumnType } from "./changing-column-type/index.js";
import { columnNamingConvention } from "./column-naming-convention/index.js";
import { constraintMissingNotValid } from "./constraint-missing-not-valid/index.js";
import { constraintNamingConvention } from "./constraint-naming-convention/index.js";
import { dataTypePrecision } from "./data-type-precision/index.js";
import { disallowedUniqueConstraint } from "./disallowed-unique-constraint/index.js";
import { explicitColumnTypes } from "./explicit-column-types/index.js";
import { foreignKeyNamingConvention } from "./foreign-key-naming-convention/index.js";
import { identifierTooLong } from "./identifier-too-long/index.js";
import { indexNamingConvention } from "./index-naming-convention/index.js";
import { lockTimeoutTooLong } from "./lock-timeout-too-long/index.js";
import { migrationReversibility } from "./migration-reversibility/index.js";
import { noDataLossWithoutWarning } from "./no-data-loss-without-warning/index.js";
import { noDuplicateIndexes } from "./no-duplicate-indexes/index.js";
import { noImplicitCasts } from "./no-implicit-casts/index.js";
import { noLargeTransactions } from "./no-large-transactions/index.js";
import { noLockUpgrade } from "./no-lock-upgrade/index.js";
import { noMultipleAlterTable } from "./no-multiple-alter-table/index.js";
import { noReservedKeywords } from "./no-reserved-keywords/index.js";
import { noRewriteWhileHoldingLock } from "./no-rewrite-while-holding-lock/index.js";
import { noStatementsAfterAccessExclusiveLock } from "./no-statements-after-access-exclusive-lock/index.js";
import { noTableRewrite } from "./no-table-rewrite/index.js";
import { noTextInIndexes } from "./no-text-in-indexes/index.js";
import { preferBigintOverInt } from "./prefer-bigint-over-int/index.js";
import { preferBigintOverSmallint } from "./prefer-bigint-over-smallint/index.js";
import { preferIdentity } from "./prefer-identity/index.js";
import { preferJsonb } from "./prefer-jsonb/index.js";
import { preferRepack } from "./prefer-repack/index.js";
import { preferRobustStmts } from "./prefer-robust-stmts/index.js";
import { preferTextField } from "./prefer-text-field/index.js";
import { preferTimestampTz } from "./prefer-timestamp-tz/index.js";
import { renamingColumn } from "./renaming-column/index.js";
import { renamingTable } from "./renaming-table/index.js";
import { requireConcurrentIndexCreation } from "./require-concurrent-index-creation/index.js";
import { requireConcurrentIndexDeletion } from "./require-concurrent-index-deletion/index.js";
import { requireConcurrentPartitionDetach } from "./require-concurrent-partition-detach/index.js";
import { requireConcurrentRefresh } from "./require-concurrent-refresh/index.js";
import { requireConcurrentReindex } from "./require-concurrent-reindex/index.js";
import { requireConstraintValidation } from "./require-constraint-validation/index.js";
import { requireDatabaseEncoding } from "./require-database-encoding/index.js";
import { requireDownMigration } from "./require-down-migration/index.js";
import { requireEnumValueOrdering } from "./require-enum-value-ordering/index.js";
import { requireForeignKeyIndex } from "./require-foreign-key-index/index.js";
import { requireLockTimeout } from "./require-lock-timeout/index.js";
import { requirePrimaryKey } from "./require-primary-key/index.js";
import { requireStatementTimeout } from "./require-statement-timeout/index.js";
import { requireTableSchema } from "./require-table-schema/index.js";
import { tableNamingConvention } from "./table-naming-convention/index.js";
import { transactionNesting } from "./transaction-nesting/index.js";

/** Every rule of the general library, by id, in alphabetical order. */
export const rules: Readonly<Record<string, Rule>> = {
  "adding-exclusion-constraint": addingExclusionConstraint,
  "adding-field-with-default": addingFieldWithDefault,
  "adding-foreign-key-constraint": addingForeignKeyConstraint,
  "adding-not-nullable-field": addingNotNullableField,
  "adding-primary-key-constraint": addingPrimaryKeyConstraint,
  "adding-required-field": addingRequiredField,
  "adding-serial-primary-key-field": addingSerialPrimaryKeyField,
  "ban-alter-domain-with-add-constraint": banAlterDomainWithAddConstraint,
  "ban-char-field": banCharField,
  "ban-concurrent-index-creation-in-transaction": banConcurrentIndexCreationInTransaction,
  "ban-create-domain-with-constraint": banCreateDomainWithConstraint,
  "ban-drop-column": banDropColumn,
  "ban-drop-database": banDropDatabase,
  "ban-drop-not-null": banDropNotNull,
  "ban-drop-table": banDropTable,
  "ban-duplicate-column-assignments": banDuplicateColumnAssignments,
  "ban-enum-value-in-transaction": banEnumValueInTransaction,
  "ban-non-transactional-statement-in-transaction": banNonTransactionalStatementInTransaction,
  "ban-truncate-cascade": banTruncateCascade,
  "ban-uncommitted-transaction": banUncommittedTransaction,
  "changing-column-type": changingColumnType,
  "column-naming-convention": columnNamingConvention,
  "constraint-missing-not-valid": constraintMissingNotValid,
  "constraint-naming-convention": constraintNamingConvention,
  "data-type-precision": dataTypePrecision,
  "disallowed-unique-constraint": disallowedUniqueConstraint,
  "explicit-column-types": explicitColumnTypes,
  "foreign-key-naming-convention": foreignKeyNamingConvention,
  "identifier-too-long": identifierTooLong,
  "index-naming-convention": indexNamingConvention,
  "lock-timeout-too-long": lockTimeoutTooLong,
  "migration-reversibility": migrationReversibility,
  "no-data-loss-without-warning": noDataLossWithoutWarning,
  "no-duplicate-indexes": noDuplicateIndexes,
  "no-implicit-casts": noImplicitCasts,
  "no-large-transactions": noLargeTransactions,
  "no-lock-upgrade": noLockUpgrade,
  "no-multiple-alter-table": noMultipleAlterTable,
  "no-reserved-keywords": noReservedKeywords,
  "no-rewrite-while-holding-lock": noRewriteWhileHoldingLock,
  "no-statements-after-access-exclusive-lock": noStatementsAfterAccessExclusiveLock,
  "no-table-rewrite": noTableRewrite,
  "no-text-in-indexes": noTextInIndexes,
  "prefer-bigint-over-int": preferBigintOverInt,
  "prefer-bigint-over-smallint": preferBigintOverSmallint,
  "prefer-identity": preferIdentity,
  "prefer-jsonb": preferJsonb,
  "prefer-repack": preferRepack,
  "prefer-robust-stmts": preferRobustStmts,
  "prefer-text-field": preferTextField,
  "prefer-timestamp-tz": preferTimestampTz,
  "renaming-column": renamingColumn,
  "renaming-table": renamingTable,
  "require-concurrent-index-creation": requireConcurrentIndexCreation,
  "require-concurrent-index-deletion": requireConcurrentIndexDeletion,
  "require-concurrent-partition-detach": requireConcurrentPartitionDetach,
  "require-concurrent-refresh": requireConcurrentRefresh,
  "require-concurrent-reindex": requireConcurrentReindex,
  "require-constraint-validation": requireConstraintValidation,
  "require-database-encoding": requireDatabaseEncoding,
  "require-down-migration": requireDownMigration,
  "require-enum-value-ordering": requireEnumValueOrdering,
  "require-foreign-key-index": requireForeignKeyIndex,
  "require-lock-timeout": requireLockTimeout,
  "require-primary-key": requirePrimaryKey,
  "require-statement-timeout": requireStatementTimeout,
  "require-table-schema": requireTableSchema,
  "table-naming-convention": tableNamingConvention,
  "transaction-nesting": transactionNesting,
};

import type { ColumnModel, TableModel } from "@confiture/sql";
import { SENSITIVE_CATEGORIES, type SensitiveCategory } from "./categories.js";
import { type ClassificationConfig, patternsFor } from "./config.js";
import { matchesNamePattern } from "./names.js";
import { type Tags, tagsOf } from "./tags.js";

/** Why something was classified: a name pattern, a tag, or a label. */
export interface ClassificationReason {
  category: SensitiveCategory;
  source: "name" | "tag";
  detail: string;
}

export interface ColumnClassification {
  categories: Set<SensitiveCategory>;
  reasons: ClassificationReason[];
  tags: Tags;
  /** Stored protected: `@encrypted`/`@tokenized`/`@hashed` tag, an encrypted-sounding name on `bytea`, or a token column. */
  protected: boolean;
}

const tableKey = (table: Pick<TableModel, "schema" | "name">) =>
  table.schema === "public" ? table.name : `${table.schema}.${table.name}`;

function isDeclassified(config: ClassificationConfig, table: Pick<TableModel, "schema" | "name">, column?: string): boolean {
  const names = new Set([tableKey(table), `${table.schema}.${table.name}`]);
  return config.notSensitive.some((entry) => {
    const lowered = entry.toLowerCase();
    if (column === undefined) return names.has(lowered);
    return [...names].some((name) => lowered === `${name}.${column}`) || names.has(lowered);
  });
}

/** Words in a column name that say the value is stored protected. */
const protectedNameTokens = [
  "encrypted",
  "enc",
  "ciphertext",
  "cipher",
  "hash",
  "hashed",
  "digest",
  "token",
  "tokenized",
  "masked",
  "last4",
  "last_four",
  "fingerprint",
];

function looksProtected(column: ColumnModel, tags: Tags): boolean {
  if (tags.protection.size > 0) return true;
  const byName = protectedNameTokens.some((token) => matchesNamePattern(column.name, token));
  // A name alone is not enough for a text column (`ssn_encrypted text` may hold plaintext by mistake),
  // but it is for bytea, the type pgcrypto's pgp_sym_encrypt returns, and for tokens and last-4 digits.
  if (column.type === "bytea") return byName || tags.protection.size > 0;
  return ["token", "tokenized", "last4", "last_four", "hash", "hashed", "digest", "fingerprint", "masked"].some((token) =>
    matchesNamePattern(column.name, token),
  );
}

/** Classifies one column of a table: name patterns, its own tags and labels; declassification wins. */
export function classifyColumn(
  table: Pick<TableModel, "schema" | "name">,
  column: ColumnModel,
  config: ClassificationConfig,
): ColumnClassification {
  const tags = tagsOf(column);
  const reasons: ClassificationReason[] = [];
  const categories = new Set<SensitiveCategory>();
  const declassified = tags.notSensitive || isDeclassified(config, table, column.name);
  if (!declassified) {
    for (const category of tags.categories) {
      categories.add(category);
      reasons.push({ category, source: "tag", detail: `tagged @${category}` });
    }
    for (const category of SENSITIVE_CATEGORIES) {
      const pattern = patternsFor(category, config).columns.find((candidate) => matchesNamePattern(column.name, candidate));
      if (pattern !== undefined && !categories.has(category)) {
        categories.add(category);
        reasons.push({ category, source: "name", detail: `column name matches "${pattern}"` });
      }
    }
  }
  return { categories, reasons, tags, protected: looksProtected(column, tags) };
}

export interface TableClassification {
  categories: Set<SensitiveCategory>;
  reasons: ClassificationReason[];
  tags: Tags;
  /** Sensitive columns and what they hold. */
  columns: Map<string, ColumnClassification>;
  /**
   * An audit log: tagged `@audit`, or named like one (`audit`, `audit_log`, `access_log`; a ledger's
   * name alone makes financial records, not an audit log). Its columns copy the data it audits, but
   * it is a record of changes: it needs append-only protection, not an audit trail, row level
   * security or `updated_*` columns of its own.
   */
  auditLog: boolean;
}

/** Whether a table is an audit log, by its tags or by an audit name pattern that is not also a financial one (ledgers). */
function isAuditLog(table: TableModel, tags: Tags, config: ClassificationConfig): boolean {
  if (tags.categories.has("audit")) return true;
  const financial = new Set(patternsFor("financial", config).tables);
  return patternsFor("audit", config)
    .tables.filter((pattern) => !financial.has(pattern))
    .some((pattern) => matchesNamePattern(table.name, pattern));
}

/** Classifies a table from its name, its tags, and its columns (a table holding PHI columns holds PHI). */
export function classifyTable(table: TableModel, config: ClassificationConfig): TableClassification {
  const tags = tagsOf(table);
  const categories = new Set<SensitiveCategory>();
  const reasons: ClassificationReason[] = [];
  const columns = new Map<string, ColumnClassification>();
  if (tags.notSensitive || isDeclassified(config, table)) return { categories, reasons, tags, columns, auditLog: false };
  for (const category of tags.categories) {
    categories.add(category);
    reasons.push({ category, source: "tag", detail: `table tagged @${category}` });
  }
  for (const category of SENSITIVE_CATEGORIES) {
    const pattern = patternsFor(category, config).tables.find((candidate) => matchesNamePattern(table.name, candidate));
    if (pattern !== undefined && !categories.has(category)) {
      categories.add(category);
      reasons.push({ category, source: "name", detail: `table name matches "${pattern}"` });
    }
  }
  for (const column of table.columns.values()) {
    const classification = classifyColumn(table, column, config);
    if (classification.categories.size === 0) continue;
    columns.set(column.name, classification);
    for (const category of classification.categories) {
      if (!categories.has(category)) {
        categories.add(category);
        reasons.push({
          category,
          source: classification.reasons[0]?.source ?? "name",
          detail: `column ${column.name}: ${classification.reasons.find((reason) => reason.category === category)?.detail}`,
        });
      }
    }
  }
  return { categories, reasons, tags, columns, auditLog: isAuditLog(table, tags, config) };
}

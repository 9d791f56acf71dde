import { z } from "zod";
import { SENSITIVE_CATEGORIES, type SensitiveCategory, defaultPatterns, type NamePatterns } from "./categories.js";

const patternsSchema = z.strictObject({ columns: z.array(z.string()).optional(), tables: z.array(z.string()).optional() });

/**
 * The `classification` entry of the lint settings (`lint.settings.classification` in the config),
 * shared by every pack so data is classified in one place.
 */
export const classificationConfigSchema = z.strictObject({
  /** Extra name patterns per category (added to the defaults). */
  patterns: z.partialRecord(z.enum(SENSITIVE_CATEGORIES), patternsSchema).default({}),
  /** Replace the default patterns instead of extending them. */
  replaceDefaults: z.boolean().default(false),
  /** `table` or `table.column` (schema-qualified allowed) that are not sensitive whatever their names say. */
  notSensitive: z.array(z.string()).default([]),
  /** Roles allowed to be superusers (live checks). */
  superuserAllowList: z.array(z.string()).default(["postgres"]),
});
export type ClassificationConfig = z.infer<typeof classificationConfigSchema>;
export type ClassificationConfigInput = z.input<typeof classificationConfigSchema>;

/** Parses the classification settings, defaulting everything. Accepts undefined. */
export function resolveClassificationConfig(input: unknown): ClassificationConfig {
  return classificationConfigSchema.parse(input ?? {});
}

/** The patterns in force for a category under a config. */
export function patternsFor(category: SensitiveCategory, config: ClassificationConfig): NamePatterns {
  const extra = config.patterns[category] ?? {};
  const base = config.replaceDefaults ? { columns: [], tables: [] } : defaultPatterns[category];
  return { columns: [...base.columns, ...(extra.columns ?? [])], tables: [...base.tables, ...(extra.tables ?? [])] };
}

import { classificationConfigSchema } from "@confiture/compliance";
import type { hooksConfigSchema } from "@confiture/hooks/config";
import { lintConfigSchema, lintSettingsSchema } from "@confiture/linting";
import type { migrationsConfigSchema } from "@confiture/migrate/config";
import type { sloConfigSchema } from "@confiture/monitoring/config";
import type { profileConfigSchema } from "@confiture/performance/config";
import type { riskConfigSchema } from "@confiture/risk/config";
import { z } from "zod";

/**
 * A package's section, kept as written: `loadConfig` checks it with its package's schema (see
 * `checkSections`, which loads that schema only when the section is there), and each command
 * parses its own section, so defaults are filled exactly once.
 */
function section<Schema extends z.ZodType>(): z.ZodType<z.input<Schema>> {
  return z.unknown() as unknown as z.ZodType<z.input<Schema>>;
}

const databaseSchema = z.strictObject({ url: z.string().min(1).optional() });

/**
 * The lint section, with the compliance packs' shared classification (`settings.shared.classification`,
 * also in overrides) checked when the file loads: a misspelt key there is a configuration error with
 * its path, not a crash of every rule that reads it.
 */
const lintSchema = lintConfigSchema.superRefine((lint, context) => {
  const places = [
    { settings: lint.settings, path: ["settings"] },
    ...lint.overrides.map((override, index) => ({ settings: override.settings, path: ["overrides", index, "settings"] })),
  ];
  for (const { settings, path } of places) {
    const classification = settings?.shared?.classification;
    if (classification === undefined) continue;
    const result = classificationConfigSchema.safeParse(classification);
    if (!result.success)
      for (const issue of result.error.issues)
        context.addIssue({ ...issue, path: [...path, "shared", "classification", ...issue.path] });
  }
});

/** Settings as the suggestion walk sees them: the shared classification has known keys. */
const settingsForSuggestions = z.strictObject({
  ...lintSettingsSchema.shape,
  shared: z.strictObject({ classification: classificationConfigSchema }),
});

/** The configuration file: one section per package, each typed and checked by that package's schema. */
export const confitureConfigSchema = z.strictObject({
  lint: lintSchema.optional(),
  migrations: section<typeof migrationsConfigSchema>().optional(),
  hooks: section<typeof hooksConfigSchema>().optional(),
  risk: section<typeof riskConfigSchema>().optional(),
  profile: section<typeof profileConfigSchema>().optional(),
  slo: section<typeof sloConfigSchema>().optional(),
  database: databaseSchema.optional(),
});

/**
 * The lint section with the compliance packs' classification keys known, for walking to the keys it
 * knows; the package sections' schemas come from `loadedSectionSchema`.
 */
export const lintSchemaForSuggestions: z.ZodType = lintConfigSchema.extend({
  settings: settingsForSuggestions,
  overrides: z.array(
    z.strictObject({ ...lintConfigSchema.shape.overrides.unwrap().element.shape, settings: settingsForSuggestions }),
  ),
});

/** The configuration as a user writes it (what `defineConfig` accepts). */
export type ConfitureConfigInput = z.input<typeof confitureConfigSchema>;

/** The configuration after validation, defaults filled. */
export type ConfitureConfig = z.output<typeof confitureConfigSchema>;

/** Typed helper for `confiture.config.ts`: returns its argument, checked by TypeScript. */
export function defineConfig(config: ConfitureConfigInput): ConfitureConfigInput {
  return config;
}

import { classificationConfigSchema } from "@confiture/compliance";
import { hooksConfigSchema } from "@confiture/hooks";
import { lintConfigSchema, lintSettingsSchema } from "@confiture/linting";
import { migrationsConfigSchema } from "@confiture/migrate";
import { sloConfigSchema } from "@confiture/monitoring";
import { profileConfigSchema } from "@confiture/performance";
import { riskConfigSchema } from "@confiture/risk";
import { z } from "zod";

/**
 * A section validated by its package's schema when the file loads (errors name the key path), but
 * kept as written: each command parses its own section, so defaults are filled exactly once.
 */
function section<Schema extends z.ZodType>(schema: Schema): z.ZodType<z.input<Schema>> {
  return z.unknown().superRefine((value, context) => {
    const result = schema.safeParse(value);
    // The issue is passed on whole (code, unknown keys), so the CLI can suggest the key a user meant.
    if (!result.success) for (const issue of result.error.issues) context.addIssue({ ...issue });
  }) as unknown as z.ZodType<z.input<Schema>>;
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
  migrations: section(migrationsConfigSchema).optional(),
  hooks: section(hooksConfigSchema).optional(),
  risk: section(riskConfigSchema).optional(),
  profile: section(profileConfigSchema).optional(),
  slo: section(sloConfigSchema).optional(),
  database: databaseSchema.optional(),
});

/** The same file with every section's own schema in place, for walking to the keys a section knows. */
export const configSchemaForSuggestions: z.ZodType = z.strictObject({
  lint: lintConfigSchema.extend({
    settings: settingsForSuggestions,
    overrides: z.array(
      z.strictObject({ ...lintConfigSchema.shape.overrides.unwrap().element.shape, settings: settingsForSuggestions }),
    ),
  }),
  migrations: migrationsConfigSchema,
  hooks: hooksConfigSchema,
  risk: riskConfigSchema,
  profile: profileConfigSchema,
  slo: sloConfigSchema,
  database: databaseSchema,
});

/** The configuration as a user writes it (what `defineConfig` accepts). */
export type ConfitureConfigInput = z.input<typeof confitureConfigSchema>;

/** The configuration after validation, defaults filled. */
export type ConfitureConfig = z.output<typeof confitureConfigSchema>;

/** Typed helper for `confiture.config.ts`: returns its argument, checked by TypeScript. */
export function defineConfig(config: ConfitureConfigInput): ConfitureConfigInput {
  return config;
}

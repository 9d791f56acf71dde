import { RUNNERS } from "./layouts/types.js";
import { z } from "zod";
import { isLibraryLike, type Library } from "./define-library.js";

/** How a rule is set in config: a level, or `[level, options]`. `warn` is short for `warning`. */
export const ruleLevelSchema = z.enum(["off", "info", "warn", "warning", "error", "critical"]);

/** A rule's setting: `"error"` or `["error", { ...options }]`. */
export const ruleSettingSchema = z.union([ruleLevelSchema, z.tuple([ruleLevelSchema, z.unknown()])]);

/** Rule settings keyed by rule id (or `library/id` to pick one of two rules with the same id). */
export const ruleSettingsSchema = z.record(z.string().min(1), ruleSettingSchema);

/** What the composer does with a conflict. */
export const conflictResolutionSchema = z.enum(["error", "warn", "prefer-first", "prefer-last"]);

/** Runner settings that remove the known false positives. Each defaults to the safe value. */
export const lintSettingsSchema = z.strictObject({
  runnerWrapsInTransaction: z.boolean().default(true),
  runnerSetsLockTimeout: z.boolean().default(false),
  runnerSetsStatementTimeout: z.boolean().default(false),
  runnerDetectsNonTransactional: z.boolean().default(false),
  /**
   * Settings shared by every rule, keyed by the library or topic that reads them (ESLint's `settings`):
   * e.g. `shared.classification` for the compliance packs' sensitive-data classification.
   */
  shared: z.record(z.string(), z.unknown()).optional(),
});

/** Settings as written in a config or an override: no defaults, so an override changes only what it names. */
const partialSettingsSchema = z
  .strictObject({
    runnerWrapsInTransaction: z.boolean(),
    runnerSetsLockTimeout: z.boolean(),
    runnerSetsStatementTimeout: z.boolean(),
    runnerDetectsNonTransactional: z.boolean(),
    shared: z.record(z.string(), z.unknown()),
  })
  .partial();

const libraryEntrySchema = z.union([
  z.string().min(1),
  z.custom<Library>(isLibraryLike, { message: "expected a library made with defineLibrary() or an npm package name" }),
]);

/** Flat-config style override: settings for files matching globs (relative to the config's directory). */
export const lintOverrideSchema = z.strictObject({
  files: z.array(z.string().min(1)).min(1),
  rules: ruleSettingsSchema.optional(),
  settings: partialSettingsSchema.optional(),
});

/** The `lint` section of the configuration. */
export const lintConfigSchema = z.strictObject({
  /** Libraries in composition order; `general` is added first unless `useGeneral` is false. */
  libraries: z.array(libraryEntrySchema).default([]),
  /** Whether the built-in `general` library is composed first (default true). */
  useGeneral: z.boolean().default(true),
  rules: ruleSettingsSchema.default({}),
  pgVersion: z.number().int().min(11).max(18).optional(),
  settings: partialSettingsSchema.default({}),
  conflictResolution: z
    .union([
      conflictResolutionSchema,
      z.strictObject({
        duplicate: conflictResolutionSchema.optional(),
        incompatible: conflictResolutionSchema.optional(),
        overlap: conflictResolutionSchema.optional(),
      }),
    ])
    .optional(),
  overrides: z.array(lintOverrideSchema).default([]),
  reportUnusedSuppressions: z.boolean().default(false),
  /**
   * The runner that applies the migrations, when their layout does not say (the `.up.sql`/`.down.sql`
   * naming is shared by several runners): it decides roles, order and transaction handling.
   */
  runner: z.enum(RUNNERS).optional(),
  /** `recommended` (default) or `all`: every rule, the opt-in ones too (see ComposeOptions.preset). */
  preset: z.enum(["recommended", "all"]).default("recommended"),
  /**
   * Globs of files never linted (relative to the config's directory), as ESLint's `ignores`: vendored
   * or generated migrations. A file named on the command line is skipped too, as the editor's is.
   */
  ignore: z.array(z.string().min(1)).default([]),
});

/** A rule's level as written in config. */
export type RuleLevel = z.infer<typeof ruleLevelSchema>;
/** A rule's setting as written in config. */
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
/** A conflict resolution. */
export type ConflictResolution = z.infer<typeof conflictResolutionSchema>;
/** The lint section after parsing (defaults filled). */
export type LintConfig = z.output<typeof lintConfigSchema>;
/** The lint section as a user writes it. */
export type LintConfigInput = z.input<typeof lintConfigSchema>;
/** One per-glob override. */
export type LintOverride = z.output<typeof lintOverrideSchema>;

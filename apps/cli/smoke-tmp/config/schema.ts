import { lintConfigSchema } from "@confiture/linting";
import { z } from "zod";

/**
 * The configuration file. Sections other than `lint` are open objects for now: their owners
 * (migrate, hooks, risk, performance, monitoring) tighten them.
 */
export const confitureConfigSchema = z.strictObject({
  lint: lintConfigSchema.optional(),
  migrations: z.looseObject({ directory: z.string().min(1).optional() }).optional(),
  hooks: z.looseObject({}).optional(),
  risk: z.looseObject({}).optional(),
  profile: z.looseObject({}).optional(),
  slo: z.looseObject({}).optional(),
  database: z.looseObject({ url: z.string().min(1).optional() }).optional(),
});

/** The configuration as a user writes it (what `defineConfig` accepts). */
export type ConfitureConfigInput = z.input<typeof confitureConfigSchema>;

/** The configuration after validation, defaults filled. */
export type ConfitureConfig = z.output<typeof confitureConfigSchema>;

/** Typed helper for `confiture.config.ts`: returns its argument, checked by TypeScript. */
export function defineConfig(config: ConfitureConfigInput): ConfitureConfigInput {
  return config;
}

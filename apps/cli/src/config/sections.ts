import type { z } from "zod";
import { missingPackageOf } from "../optional-package.js";

/** The sections of `confiture.config.*` that belong to an optional package. */
export const PACKAGE_SECTIONS = ["migrations", "hooks", "risk", "profile", "slo"] as const;
export type PackageSection = (typeof PACKAGE_SECTIONS)[number];

/**
 * Each section's schema, from its package's `./config` subpath (the schema alone, without the
 * package's drivers), imported only when a config has the section: `confiture lint` with a full
 * config loads no database driver.
 */
const loaders: Record<PackageSection, () => Promise<z.ZodType>> = {
  migrations: async () => (await import("@confiture/migrate/config")).migrationsConfigSchema,
  hooks: async () => (await import("@confiture/hooks/config")).hooksConfigSchema,
  risk: async () => (await import("@confiture/risk/config")).riskConfigSchema,
  profile: async () => (await import("@confiture/performance/config")).profileConfigSchema,
  slo: async () => (await import("@confiture/monitoring/config")).sloConfigSchema,
};

const loaded = new Map<PackageSection, z.ZodType>();

/** A section's schema once a config has loaded it (for suggesting the key a user meant). */
export function loadedSectionSchema(section: string): z.ZodType | undefined {
  return loaded.get(section as PackageSection);
}

/**
 * Checks every package section present in `raw` with its package's schema; issues carry the full key
 * path. A section whose package is not installed is left unchecked: the commands that read it need
 * the package, and say so.
 */
export async function checkSections(raw: Record<string, unknown>): Promise<z.core.$ZodIssue[]> {
  const present = PACKAGE_SECTIONS.filter((section) => raw[section] !== undefined);
  const issues: z.core.$ZodIssue[] = [];
  for (const section of present) {
    let schema = loaded.get(section);
    if (schema === undefined) {
      try {
        schema = await loaders[section]();
      } catch (error) {
        if (missingPackageOf(error) !== undefined) continue;
        throw error;
      }
      loaded.set(section, schema);
    }
    const result = schema.safeParse(raw[section]);
    if (!result.success) for (const issue of result.error.issues) issues.push({ ...issue, path: [section, ...issue.path] });
  }
  return issues;
}

// @ts-check
import { defineConfig } from "vitest/config";

/**
 * Vitest preset for every package: resolve `@confiture/*` imports to their TypeScript source (the
 * `@confiture/source` export condition), so tests never need a build first.
 * Database tests (`*.db.test.ts`) get a longer timeout: they start PGlite or talk to a server.
 * @param {import('vitest/config').ViteUserConfig} [overrides]
 */
export function defineConfigPreset(overrides = {}) {
  const conditions = ["@confiture/source", "module", "node", "import", "default"];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    ...overrides,
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...(overrides.test ?? {}),
    },
  });
}

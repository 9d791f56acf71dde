// @ts-check
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Vitest preset for every package: resolve `@confiture/*` imports to their TypeScript source (the
 * `@confiture/source` export condition), so tests never need a build first.
 * Database tests (`*.db.test.ts`) get a longer timeout: they start PGlite or talk to a server.
 * @param {import('vitest/config').ViteUserConfig} [overrides]
 */
export function defineConfigPreset(overrides = {}) {
  // Only for modules vite itself resolves (our workspace packages); dependencies in node_modules are
  // loaded by Node with its own conditions, so a CommonJS `require` never meets an ESM-only export.
  const conditions = ["@confiture/source", "module", "node", "development|production"];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    ...overrides,
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      // The embedded database's snapshot cache goes to a temporary directory, not the user's home.
      env: { CONFITURE_CACHE_DIR: join(tmpdir(), "confiture-test-cache"), ...(overrides.test?.env ?? {}) },
      // Generous: database tests start PGlite (WASM) and CI machines have two cores.
      testTimeout: 60_000,
      hookTimeout: 120_000,
      ...(overrides.test ?? {}),
    },
  });
}

// @ts-check
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// A plugin author starts from the linting README or TESTING.md: both must lead to the worked example
// library, and the example must declare what it shares with the engine as peer dependencies.
const root = resolve(import.meta.dirname, "..", "..");
const example = join(root, "tooling", "examples", "rules-acme");

describe("the plugin author's path", () => {
  for (const document of ["packages/linting/README.md", "packages/linting/TESTING.md"]) {
    it(`${document} links the example library, and the link resolves`, () => {
      const text = readFileSync(join(root, document), "utf8");
      const links = [...text.matchAll(/\]\(([^)#]*rules-acme[^)#]*)\)/g)].map((match) => match[1] ?? "");
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(resolve(dirname(join(root, document)), link)).toBe(example);
      expect(text).toMatch(/zod/);
      expect(text).toMatch(/@confiture\/sql/);
    });
  }

  it("declares @confiture/linting, zod 4 and @confiture/sql as peer dependencies of the example", () => {
    const manifest = JSON.parse(readFileSync(join(example, "package.json"), "utf8"));
    expect(manifest.peerDependencies).toMatchObject({
      "@confiture/linting": expect.any(String),
      "@confiture/sql": expect.any(String),
      zod: expect.stringMatching(/^\^4/),
    });
    expect(manifest.dependencies?.zod).toBeUndefined();
    expect(existsSync(join(example, "README.md"))).toBe(true);
  });
});

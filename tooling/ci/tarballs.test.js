// @ts-check
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// What `npm install` gives a user must carry the docs findings link to (rule READMEs), the package
// README, TESTING.md for plugin authors, and a LICENSE; and no placeholder repository URL.
const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..", "..");
const pnpm = join(root, "node_modules", ".bin", "pnpm");
const packages = [
  ...readdirSync(join(root, "packages")).map((name) => join("packages", name)),
  "apps/cli",
  "tooling/examples/rules-acme",
].filter((directory) => existsSync(join(root, directory, "package.json")));

/** The paths `pnpm pack` would put in the tarball (no build needed: a dry run). */
async function packed(directory) {
  const { stdout } = await run(pnpm, ["pack", "--dry-run", "--json"], { cwd: join(root, directory) });
  return JSON.parse(stdout).files.map((/** @type {{ path: string }} */ file) => file.path);
}

describe.concurrent("package tarballs", () => {
  it("the repository has a LICENSE", () => {
    expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/MIT License/);
  });

  it.each(packages)("%s ships its README, LICENSE and rule docs; its repository URL is real or absent", async (directory) => {
    const files = await packed(directory);
    expect(files).toContain("README.md");
    expect(files).toContain("LICENSE");
    const rules = join(root, directory, "src", "rules");
    if (existsSync(rules)) {
      for (const entry of readdirSync(rules, { withFileTypes: true }).filter((item) => item.isDirectory()))
        expect(files).toContain(`src/rules/${entry.name}/README.md`);
    }
    if (existsSync(join(root, directory, "TESTING.md"))) expect(files).toContain("TESTING.md");
    const manifest = readFileSync(join(root, directory, "package.json"), "utf8");
    expect(manifest).not.toMatch(/example\.invalid/);
  });
});

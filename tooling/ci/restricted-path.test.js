// @ts-check
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The README promises that its two commands work on a machine with only Node.js and npm: no global
// pnpm, no corepack shims. These tests build such a PATH (node, npm and the few system tools the
// scripts call) and run the repository's turbo on it.
const root = resolve(import.meta.dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** The directory of a program on the current PATH, or undefined. */
function which(program) {
  for (const directory of (process.env.PATH ?? "").split(":")) {
    const candidate = join(directory, program);
    try {
      return realpathSync(candidate);
    } catch {}
  }
  return undefined;
}

const bin = mkdtempSync(join(tmpdir(), "confiture-path-"));
afterAll(() => rmSync(bin, { recursive: true, force: true }));
const npmCli = which("npm") ?? join(dirname(process.execPath), "npm");
symlinkSync(process.execPath, join(bin, "node"));
symlinkSync(npmCli, join(bin, "npm"));
for (const tool of ["sh", "dirname", "sed", "uname", "git"]) {
  const found = which(tool);
  if (found !== undefined) symlinkSync(found, join(bin, tool));
}
const env = { ...process.env, PATH: bin };
delete env.npm_config_user_agent;

describe("the README's commands on a machine without pnpm", () => {
  it("pins one pnpm version: packageManager, the pnpm devDependency and the bootstrap npx calls", () => {
    const version = /^pnpm@(.+)$/.exec(manifest.packageManager)?.[1];
    expect(version).toBeDefined();
    expect(manifest.devDependencies.pnpm).toBe(version);
    const pins = Object.values(manifest.scripts).flatMap((script) => [...String(script).matchAll(/pnpm@([\w.-]+)/g)]);
    expect(pins.length).toBeGreaterThan(0);
    for (const pin of pins) expect(pin[1]).toBe(version);
  });

  it("has no pnpm on the PATH it tests with", () => {
    const lookup = spawnSync("sh", ["-c", "command -v pnpm"], { env, encoding: "utf8" });
    expect(lookup.status).not.toBe(0);
  });

  it("runs a turbo task through npm with only node, npm and system tools on the PATH", () => {
    // turbo needs the package manager's binary to run a task; npm puts node_modules/.bin on the PATH.
    const result = spawnSync(
      "npm",
      ["exec", "--offline", "--", "turbo", "run", "lint", "--filter=@confiture/hooks", "--force", "--output-logs=errors-only"],
      { cwd: root, env, encoding: "utf8" },
    );
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/Unable to find package manager binary/);
    expect(result.status, result.stderr).toBe(0);
  });
});

#!/usr/bin/env node
// The plugin author's path, end to end, outside the monorepo: pack the CLI, the engine (and every
// workspace package the CLI needs) and the example library with `pnpm pack`, install the tarballs
// into a fresh project with npm, configure the library BY PACKAGE NAME in a YAML config, and check
// that `confiture lint` reports its findings, `confiture rules` lists it with its version, and a
// duplicate rule id is resolved as configured. Needs `pnpm build` first. Prints "N passed, N failed".
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "confiture-e2e-"));
const tarballs = join(work, "tarballs");
const project = join(work, "project");
mkdirSync(tarballs);
mkdirSync(join(project, "migrations"), { recursive: true });

const results = [];
function check(name, condition, detail = "") {
  results.push({ name, ok: Boolean(condition) });
  console.log(`${condition ? "ok  " : "FAIL"} ${name}${condition || !detail ? "" : `\n     ${detail}`}`);
}

try {
  const packages = readdirSync(join(root, "packages")).map((name) => join(root, "packages", name));
  for (const directory of [...packages, join(root, "apps", "cli"), join(root, "tooling", "examples", "rules-acme")]) {
    execFileSync("pnpm", ["pack", "--pack-destination", tarballs], { cwd: directory, stdio: "pipe" });
  }
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "acme-service", private: true, type: "module" }, null, 2));
  const files = readdirSync(tarballs).map((name) => join(tarballs, name));
  console.log(`installing ${files.length} tarballs into ${project} ...`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...files], { cwd: project, stdio: "inherit" });

  writeFileSync(
    join(project, "migrations", "20240101000000_widgets.up.sql"),
    "CREATE TABLE widgets (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);\nALTER TABLE orders ADD COLUMN note text;\n",
  );
  const config = (resolution) => `lint:\n  libraries:\n    - confiture-rules-acme\n  conflictResolution: ${resolution}\n`;
  const confiture = (...args) =>
    spawnSync(join(project, "node_modules", ".bin", "confiture"), args, { cwd: project, encoding: "utf8" });

  writeFileSync(join(project, "confiture.config.yaml"), config("prefer-last"));
  const lint = confiture("lint", "migrations", "--format", "json");
  const report = JSON.parse(lint.stdout || "{}");
  const findings = report.findings ?? [];
  check("confiture lint runs from the installed tarballs", lint.status === 0 || lint.status === 1, lint.stderr);
  check(
    "the library's schema rule reports",
    findings.some((finding) => finding.library === "acme" && finding.ruleId === "require-table-comment"),
    lint.stdout.slice(0, 500),
  );
  const lockFindings = findings.filter((finding) => finding.ruleId === "require-lock-timeout");
  check(
    "prefer-last: the duplicate rule id is acme's",
    lockFindings.length > 0 && lockFindings.every((finding) => finding.library === "acme"),
    JSON.stringify(lockFindings),
  );

  const rules = confiture("rules", "--format", "json");
  const listing = JSON.parse(rules.stdout || "{}");
  const acmeRules = (listing.rules ?? []).filter((rule) => rule.library === "acme");
  check("confiture rules lists the library's rules", acmeRules.length === 2, rules.stdout.slice(0, 300));
  const library = (listing.audit?.libraries ?? []).find((entry) => entry.name === "acme");
  check("the audit names the library with its version", library?.version === "1.2.0", JSON.stringify(listing.audit?.libraries));
  const conflict = (listing.audit?.conflicts ?? []).find((entry) => JSON.stringify(entry).includes("require-lock-timeout"));
  check(
    "the audit records the duplicate id and its resolution",
    conflict !== undefined && JSON.stringify(conflict).includes("prefer-last"),
    JSON.stringify(listing.audit?.conflicts),
  );

  writeFileSync(join(project, "confiture.config.yaml"), config("error"));
  const refused = confiture("lint", "migrations");
  check(
    "conflictResolution: error refuses the composition with exit 2",
    refused.status === 2 && /require-lock-timeout/.test(refused.stderr),
    `exit ${refused.status}: ${refused.stderr}`,
  );
} catch (error) {
  check("the end-to-end run completes", false, error instanceof Error ? error.message : String(error));
} finally {
  rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((result) => !result.ok).length;
console.log(`plugin path: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

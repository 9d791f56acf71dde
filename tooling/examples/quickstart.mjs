#!/usr/bin/env node
// @ts-check
// The Quickstart's main job: `confiture preflight examples/migrations` on the embedded database.
//
// The example set deliberately contains the classic mistakes (see examples/migrations/README.md), so
// preflight's honest answer is FAIL with exit 1, the exit code a CI gate stops on. A first command
// that ends in "npm ERR! exit code 1" would look like a broken install, so this wrapper runs the real
// preflight, shows its whole report, and then checks that the verdict is exactly the documented one:
// exit 0 when it is (saying why the FAIL was expected), the preflight's own exit code when anything
// else happened (a crash, exit 2/3/4, or a different verdict).
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const expectedFailing = "20240510140000_tighten_projects.up.sql";

const env = { ...process.env };
// The Quickstart is about the embedded default: a DATABASE_URL in the caller's shell must not change it.
delete env.DATABASE_URL;

const bin = join(root, "apps", "cli", "dist", "bin.js");
const args = [bin, "preflight", "examples/migrations", ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
process.stdout.write(run.stdout ?? "");
process.stderr.write(run.stderr ?? "");

if (run.error) {
  console.error(`quickstart: could not start ${bin}: ${run.error.message}. Run \`pnpm build\` first.`);
  process.exit(2);
}

const output = `${run.stdout}\n${run.stderr}`;
const highLines = output.split("\n").filter((line) => /^\s*HIGH\s/.test(line) || /^\s*CRITICAL\s/.test(line));
const asDocumented =
  run.status === 1 &&
  output.includes("FAIL: risk HIGH exceeds the maximum MEDIUM") &&
  highLines.length === 1 &&
  highLines[0].includes(expectedFailing);

if (!asDocumented) {
  console.error(
    `\nquickstart: preflight exited ${run.status} and did not give the documented verdict ` +
      `(FAIL from ${expectedFailing} only; see examples/migrations/README.md).`,
  );
  process.exit(run.status === 0 || run.status === null ? 1 : run.status);
}

console.log(
  `\nquickstart: this FAIL (exit 1) is the expected result. ${expectedFailing} holds the classic mistakes on ` +
    "purpose; in CI the same exit code stops the merge. Everything else in the example set passes. " +
    "Next: `pnpm confiture preflight examples/migrations --newest 1` (PASS), or point it at your own migrations.",
);

// @ts-check
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "..");

/**
 * A user's repository with the `confiture` CLI installed in node_modules/.bin, as `npm install -D
 * confiture` leaves it (here it runs this checkout's source: no build needed). For the tests of what
 * runs the installed CLI: the pre-commit hooks and the GitHub Action.
 * @param {Record<string, string>} files
 */
export function userRepository(files) {
  const directory = mkdtempSync(join(tmpdir(), "confiture-user-"));
  mkdirSync(join(directory, "node_modules", ".bin"), { recursive: true });
  const bin = join(directory, "node_modules", ".bin", "confiture");
  const tsx = join(root, "node_modules", "tsx", "dist", "esm", "index.mjs");
  writeFileSync(
    bin,
    `#!/bin/sh\nexec node --conditions=@confiture/source --import ${tsx} ${join(root, "apps", "cli", "src", "bin.ts")} "$@"\n`,
  );
  chmodSync(bin, 0o755);
  writeFileSync(join(directory, "package.json"), JSON.stringify({ name: "app", private: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(directory, name, ".."), { recursive: true });
    writeFileSync(join(directory, name), text);
  }
  return directory;
}

import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";

// A fresh PGlite spends about 2.5 s in initdb; loading a dump of a pristine data directory takes
// about 0.5 s. Test files run in separate workers, so the dump is shared through a file, keyed by
// the PGlite version (a dump only loads into the version that wrote it).
async function templatePath(): Promise<string> {
  const require = createRequire(import.meta.url);
  let directory = dirname(require.resolve("@electric-sql/pglite"));
  for (let depth = 0; depth < 4; depth += 1) {
    try {
      const manifest = JSON.parse(await readFile(join(directory, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "@electric-sql/pglite") return join(tmpdir(), `confiture-pglite-template-${manifest.version}.tar`);
    } catch {
      // No package.json at this level: keep walking up.
    }
    directory = dirname(directory);
  }
  return join(tmpdir(), "confiture-pglite-template-unknown.tar");
}

async function saveTemplate(pglite: PGlite, path: string): Promise<void> {
  const dump = await pglite.dumpDataDir("none");
  // Write then rename: concurrent workers never read a half-written template.
  const partial = `${path}.${randomBytes(4).toString("hex")}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, path).catch(() => rm(partial, { force: true }));
}

/** A new, empty in-memory PGlite: loaded from the shared template when there is one, else created (and the template saved). */
export async function createPristinePglite(): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const path = await templatePath();
  const template = await readFile(path).catch(() => undefined);
  if (template !== undefined) {
    try {
      const pglite = new PGlite({ loadDataDir: new Blob([new Uint8Array(template)]) });
      await pglite.waitReady;
      return pglite;
    } catch {
      // A damaged or foreign template: start from scratch and replace it below.
    }
  }
  const pglite = new PGlite();
  await pglite.waitReady;
  await saveTemplate(pglite, path).catch(() => undefined);
  return pglite;
}

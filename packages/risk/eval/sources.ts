import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { RiskFile } from "../src/index.js";

const root = new URL("../../../", import.meta.url).pathname;

/** The up files of a migrations directory, sorted by version (file names sort as versions). */
export async function readUpFiles(directory: string): Promise<RiskFile[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith(".up.sql")).sort();
  return Promise.all(
    names.map(async (name) => ({
      file: relative(root, join(directory, name)),
      source: await readFile(join(directory, name), "utf8"),
    })),
  );
}

/** The example migrations and the risk package's own test migrations. */
export const migrationSets = {
  examples: join(root, "examples/migrations"),
  fixtures: join(root, "packages/risk/src/__fixtures__/migrations"),
};

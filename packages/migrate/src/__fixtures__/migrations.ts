import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Writes migration files into a new temporary directory and returns its path. */
export async function migrationDirectory(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-migrate-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(directory, name), text);
  return directory;
}

/**
 * Five migrations that each create a table `t<n>` (no IF NOT EXISTS: applying one twice fails),
 * with down files. `failing` replaces one's up file with statements whose last one fails.
 */
export function fiveMigrations(options: { failing?: number; sleepSeconds?: number; sleeping?: number } = {}): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 1; index <= 5; index++) {
    const version = `2024010${index}000000`;
    let up = `CREATE TABLE t${index} (id int PRIMARY KEY);\nINSERT INTO t${index} VALUES (${index});\n`;
    if (options.failing === index) up = `CREATE TABLE t${index} (id int PRIMARY KEY);\nINSERT INTO t${index} VALUES (1), (1);\n`;
    if (options.sleeping === index) up = `CREATE TABLE t${index} (id int PRIMARY KEY);\nSELECT pg_sleep(${options.sleepSeconds ?? 5});\n`;
    files[`${version}_create_t${index}.up.sql`] = up;
    files[`${version}_create_t${index}.down.sql`] = `DROP TABLE t${index};\n`;
  }
  return files;
}

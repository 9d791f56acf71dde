import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Benchmark } from "./types.js";

/**
 * Run every `bench/<name>.ts` (or only those named on the command line: `pnpm bench parse`) and
 * print one table per benchmark. Figures go to stdout; nothing is asserted.
 */
async function main(): Promise<void> {
  const directory = join(dirname(fileURLToPath(import.meta.url)), "bench");
  const wanted = new Set(process.argv.slice(2));
  const names = readdirSync(directory)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => file.slice(0, -".ts".length))
    .filter((name) => wanted.size === 0 || wanted.has(name))
    .sort();
  for (const name of names) {
    const module = (await import(pathToFileURL(join(directory, `${name}.ts`)).href)) as { default: Benchmark };
    const benchmark = module.default;
    console.log(`\n## ${benchmark.name}: ${benchmark.description}`);
    const rows = await benchmark.run();
    console.table(rows.map((row) => ({ measure: row.label, value: Number(row.value.toFixed(2)), unit: row.unit })));
  }
}

await main();

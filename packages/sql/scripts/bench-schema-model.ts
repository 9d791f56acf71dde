/**
 * Benchmark of the schema model: replays a generated migration set (deterministic) and prints how
 * long building, cloning, diffing and serialising the model take. Parsing is measured elsewhere
 * (tooling/bench); here files are parsed once up front.
 *
 * Run: `pnpm --filter @confiture/sql bench` (or `pnpm exec tsx --conditions=@confiture/source
 * scripts/bench-schema-model.ts [files] [statementsPerFile]` inside packages/sql).
 */
import {
  buildSchemaModel,
  cloneSchemaModel,
  diffSchemaModels,
  loadParser,
  type ParsedFile,
  parseSqlSync,
  schemaModelToJson,
} from "../src/index.js";

const fileCount = Number(process.argv[2] ?? 300);
const statementsPerFile = Number(process.argv[3] ?? 100);

/** One migration file: a new table, then changes to it and to earlier tables. */
function migration(index: number): string {
  const table = `table_${index}`;
  const earlier = `table_${Math.floor(index / 2)}`;
  const lines = [
    `CREATE TABLE ${table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, owner_id bigint REFERENCES ${earlier} (id), email varchar(255) UNIQUE, created_at timestamptz NOT NULL DEFAULT now());`,
  ];
  for (let step = 1; lines.length < statementsPerFile; step++) {
    const kind = step % 10;
    if (kind === 0) lines.push(`ALTER TABLE ${table} ADD COLUMN note_${step} text;`);
    else if (kind === 1) lines.push(`ALTER TABLE ${earlier} ADD COLUMN flag_${index}_${step} boolean NOT NULL DEFAULT false;`);
    else if (kind === 2)
      lines.push(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${table}_idx_${step} ON ${table} (email, created_at);`);
    else if (kind === 3) lines.push(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_check_${step} CHECK (id > 0) NOT VALID;`);
    else if (kind === 4) lines.push(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${table}_check_${step - 1};`);
    else if (kind === 5) lines.push(`COMMENT ON COLUMN ${table}.email IS '@pii contact ${step}';`);
    else if (kind === 6) lines.push(`GRANT SELECT ON ${table} TO reporting;`);
    else if (kind === 7)
      lines.push(`CREATE POLICY ${table}_policy_${step} ON ${table} USING (owner_id = current_setting('app.owner')::bigint);`);
    else if (kind === 8) lines.push(`ALTER TABLE ${table} ALTER COLUMN note_${step - 8} TYPE varchar(100);`);
    else lines.push(`UPDATE ${table} SET email = lower(email) WHERE id < ${step};`);
  }
  return lines.join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(runs: number, work: () => void): number {
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    durations.push(performance.now() - started);
  }
  return median(durations);
}

await loadParser();
const files: ParsedFile[] = [];
for (let index = 1; index <= fileCount; index++)
  files.push(parseSqlSync(migration(index), { file: `${String(index).padStart(4, "0")}.up.sql` }));
const statements = files.reduce((total, file) => total + file.statements.length, 0);

const buildMs = time(5, () => buildSchemaModel(files));
const model = buildSchemaModel(files);
const before = buildSchemaModel(files.slice(0, Math.floor(files.length / 2)));
const cloneMs = time(5, () => cloneSchemaModel(model));
const diffMs = time(5, () => diffSchemaModels(before, model));
let json = "";
const jsonMs = time(5, () => {
  json = JSON.stringify(schemaModelToJson(model));
});

const rows = [
  ["files", String(files.length)],
  ["statements", String(statements)],
  ["tables / indexes", `${model.tables.size} / ${model.indexes.size}`],
  ["build (median of 5)", `${buildMs.toFixed(1)} ms (${Math.round((statements / buildMs) * 1000)} statements/s)`],
  ["clone", `${cloneMs.toFixed(1)} ms`],
  ["diff (half vs all)", `${diffMs.toFixed(1)} ms`],
  ["to JSON", `${jsonMs.toFixed(1)} ms (${(json.length / 1024 / 1024).toFixed(1)} MiB)`],
];
process.stdout.write(`schema model\n${rows.map(([name, value]) => `  ${name!.padEnd(22)} ${value}`).join("\n")}\n`);

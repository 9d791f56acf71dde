import type { Database } from "@confiture/db";
import { assessRisk, gatherRiskContext, type RiskFile } from "../src/index.js";

/** 1,000 tables, every tenth referencing the previous one, so dependencies are real. */
async function createManyTables(db: Database, count: number): Promise<void> {
  const statements: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const reference = index % 10 === 0 && index > 0 ? `, parent_id bigint REFERENCES table_${index - 1} (id)` : "";
    statements.push(`CREATE TABLE table_${index} (id bigint PRIMARY KEY, name text, amount integer${reference});`);
  }
  for (let start = 0; start < statements.length; start += 100) await db.exec(statements.slice(start, start + 100).join("\n"));
  await db.exec("ANALYZE");
}

/** A 50-statement migration touching 25 of the tables with a mix of operations. */
function fiftyStatementMigration(): RiskFile {
  const statements: string[] = [];
  for (let index = 0; index < 25; index += 1) {
    const table = `table_${index * 40}`;
    statements.push(
      index % 2 === 0
        ? `ALTER TABLE ${table} ADD COLUMN extra_${index} text`
        : `CREATE INDEX ${table}_amount_idx ON ${table} (amount)`,
    );
    statements.push(
      index % 3 === 0
        ? `ALTER TABLE ${table} ALTER COLUMN amount TYPE bigint`
        : `ALTER TABLE ${table} ADD CONSTRAINT ${table}_amount_check CHECK (amount >= 0)`,
    );
  }
  return { file: "20250101000000_fifty.up.sql", source: `${statements.join(";\n")};\n` };
}

/** (c) Time of gathering the inputs from the catalog and assessing a 50-statement migration against 1,000 tables. */
export async function evaluateSpeed(db: Database, runs: number) {
  await createManyTables(db, 1000);
  const first = [fiftyStatementMigration()];
  // The first run loads the parser; it is reported apart.
  const coldStarted = performance.now();
  await assessRisk({ files: first, ...(await gatherRiskContext(first, { db })) });
  const coldMs = performance.now() - coldStarted;
  const durations: number[] = [];
  let statements = 0;
  for (let run = 0; run < runs; run += 1) {
    // A fresh array each run, as a new CLI invocation would have: nothing is reused from the run before.
    const files = [{ ...fiftyStatementMigration() }];
    const started = performance.now();
    const report = await assessRisk({ files, ...(await gatherRiskContext(files, { db })) });
    durations.push(performance.now() - started);
    statements = report.statements.length;
  }
  durations.sort((a, b) => a - b);
  const at = (share: number) => durations[Math.min(durations.length - 1, Math.ceil(share * durations.length) - 1)]!;
  return { tables: 1000, statements, runs, coldMs, medianMs: at(0.5), p95Ms: at(0.95), maxMs: durations[durations.length - 1]! };
}

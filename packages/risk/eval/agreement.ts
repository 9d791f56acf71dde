import type { Database } from "@confiture/db";
import { openTestDatabase } from "@confiture/db/testing";
import { LOCK_MODEL_CASES } from "@confiture/sql";
import { type TraceReport, traceMigrations } from "../src/index.js";
import { migrationSets, readUpFiles } from "./sources.js";

type Summary = TraceReport["summary"];
type Target = { name: "pglite" | "postgres"; url?: string };

/** Starts each lock model case from an empty public schema (as the lock model's own database test does). */
const RESET = "DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS billing CASCADE; CREATE SCHEMA public;";

function describe(report: TraceReport): string[] {
  return report.statements.flatMap((statement) => [
    ...statement.disagreements.map((text) => `${statement.file}:${statement.line} ${statement.kind}: ${text}`),
    ...(statement.error === undefined
      ? []
      : [`${statement.file}:${statement.line} ${statement.kind}: failed: ${statement.error}`]),
  ]);
}

function add(total: Summary, summary: Summary): Summary {
  return {
    statements: total.statements + summary.statements,
    traced: total.traced + summary.traced,
    agreed: total.agreed + summary.agreed,
    disagreed: total.disagreed + summary.disagreed,
    notTraced: total.notTraced + summary.notTraced,
    failed: total.failed + summary.failed,
    notRunEscaping: total.notRunEscaping + summary.notRunEscaping,
  };
}

/** The lock model's own statement forms (LOCK_MODEL_CASES of @confiture/sql), each after its setup, through traceMigrations. */
async function lockModelCases(db: Database): Promise<{ summary: Summary; disagreements: string[] }> {
  const major = await db.serverMajorVersion();
  let summary: Summary = { statements: 0, traced: 0, agreed: 0, disagreed: 0, notTraced: 0, failed: 0, notRunEscaping: 0 };
  const disagreements: string[] = [];
  // Roles belong to the whole server, not to the scratch database: drop the ones the cases create.
  const roles = async () =>
    new Set((await db.query<{ name: string }>("SELECT rolname AS name FROM pg_roles")).rows.map((row) => row.name));
  const rolesBefore = await roles();
  for (const testCase of LOCK_MODEL_CASES) {
    if (testCase.minVersion !== undefined && major < testCase.minVersion) continue;
    await db.exec(RESET);
    const report = await traceMigrations(db, [{ file: testCase.name, source: testCase.sql }], {
      mode: "apply",
      before: [{ file: "setup", source: testCase.setup }],
    });
    summary = add(summary, report.summary);
    disagreements.push(...describe(report));
  }
  await db.exec(RESET);
  for (const role of await roles()) if (!rolesBefore.has(role)) await db.exec(`DROP ROLE "${role.replaceAll('"', '""')}"`);
  return { summary, disagreements };
}

/** (a) The lock model against the tracer, on every statement of the example and test migrations and the lock model's cases. */
export async function evaluateAgreement(targets: readonly Target[]) {
  const rows: { target: string; set: string; summary: Summary; disagreements: string[] }[] = [];
  for (const target of targets) {
    for (const [set, directory] of Object.entries(migrationSets)) {
      const files = await readUpFiles(directory);
      const db = await openTestDatabase(target);
      try {
        const report = await traceMigrations(db, files, { mode: "apply" });
        rows.push({ target: target.name, set, summary: report.summary, disagreements: describe(report) });
      } finally {
        await db.close();
      }
    }
    const db = await openTestDatabase(target);
    try {
      rows.push({ target: target.name, set: "lock model cases", ...(await lockModelCases(db)) });
    } finally {
      await db.close();
    }
  }
  return rows;
}

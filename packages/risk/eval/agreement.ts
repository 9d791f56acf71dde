import { openTestDatabase } from "@confiture/db/testing";
import { type TraceReport, traceMigrations } from "../src/index.js";
import { migrationSets, readUpFiles } from "./sources.js";

/** (a) The lock model against the tracer, on every statement of the example and test migrations. */
export async function evaluateAgreement(targets: { name: "pglite" | "postgres"; url?: string }[]) {
  const rows: { target: string; set: string; summary: TraceReport["summary"]; disagreements: string[] }[] = [];
  for (const target of targets) {
    for (const [set, directory] of Object.entries(migrationSets)) {
      const files = await readUpFiles(directory);
      const db = await openTestDatabase(target);
      try {
        const report = await traceMigrations(db, files, { mode: "apply" });
        rows.push({
          target: target.name,
          set,
          summary: report.summary,
          disagreements: report.statements.flatMap((statement) => [
            ...statement.disagreements.map((text) => `${statement.file}:${statement.line} ${statement.kind}: ${text}`),
            ...(statement.error === undefined
              ? []
              : [`${statement.file}:${statement.line} ${statement.kind}: failed: ${statement.error}`]),
          ]),
        });
      } finally {
        await db.close();
      }
    }
  }
  return rows;
}

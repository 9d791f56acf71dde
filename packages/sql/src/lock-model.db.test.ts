import { traceStatement } from "@confiture/db";
import { describeEachDatabase } from "@confiture/db/testing";
import { expect, it } from "vitest";
import { analyzeSql } from "./analyze.js";
import { compareWithMeasurement, type Disagreement } from "./compare-measurement.js";
import { LOCK_MODEL_CASES } from "./lock-model-cases.js";
import { parseSql } from "./parse.js";
import type { PgVersion } from "./types.js";
import { clampPgVersion } from "./versions.js";

/** Start every case from an empty public schema, so cases never see each other's objects. */
const RESET = "DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS billing CASCADE; CREATE SCHEMA public;";

describeEachDatabase("lock model against the tracer", (getDatabase, target) => {
  it("agrees with measured locks, rewrites and transactionality for every modelled statement", async () => {
    const database = getDatabase();
    const major = await database.serverMajorVersion();
    const pgVersion: PgVersion = clampPgVersion(major);
    const timeZone = String((await database.query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone")).rows[0]?.zone);
    const rows: Array<{ name: string } & Disagreement> = [];
    let verified = 0;
    for (const testCase of LOCK_MODEL_CASES) {
      if (testCase.minVersion !== undefined && major < testCase.minVersion) continue;
      await database.exec(RESET);
      await database.exec(testCase.setup);
      // The setup is analysed too, so the model knows the column types a type change starts from.
      const analyses = await analyzeSql(`${testCase.setup};\n${testCase.sql}`, { pgVersion, timeZone });
      const parsed = await parseSql(`${testCase.setup};\n${testCase.sql}`);
      const analysis = analyses[analyses.length - 1];
      const statement = parsed.statements[parsed.statements.length - 1];
      if (analysis === undefined || statement === undefined) throw new Error(`No statement in case ${testCase.name}`);
      const measured = await traceStatement(database, testCase.sql);
      const disagreements = compareWithMeasurement(statement, analysis, measured);
      for (const disagreement of disagreements) rows.push({ name: testCase.name, ...disagreement });
      verified++;
    }
    await database.exec(RESET);
    if (rows.length > 0) {
      console.log(`Lock model disagreements on ${target.name} (PostgreSQL ${major}):`);
      console.table(rows);
    }
    expect(verified).toBeGreaterThan(60);
    expect(rows).toEqual([]);
  }, 240_000);
});

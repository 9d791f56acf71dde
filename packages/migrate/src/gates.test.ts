import type { Database } from "@confiture/db";
import { describe, expect, it } from "vitest";
import { MigrationGateError } from "./errors.js";
import { checkGates, type GateFile } from "./gates.js";

const files: GateFile[] = [{ version: "1", name: "a", path: "/m/1_a.up.sql", sql: "SELECT 1;" }];
// The gates here do not look at the database; the runner passes its session.
const context = { database: {} as Database, allFiles: files };
const lint = (errors: number) => async () => ({ errors, messages: errors > 0 ? ["1_a.up.sql:1: something is wrong"] : [] });
const risk = (level: string) => async () => ({ level, reasons: [`because ${level}`] });

describe("checkGates", () => {
  it("lets a clean plan through", async () => {
    const verdict = await checkGates({ lint: lint(0), risk: risk("LOW") }, {}, files, context);
    expect(verdict.refusals).toEqual([]);
    expect(verdict.lint?.errors).toBe(0);
  });

  it("refuses lint errors and says why", async () => {
    const refused = checkGates({ lint: lint(2) }, {}, files, context);
    await expect(refused).rejects.toSatisfy((error) => MigrationGateError.isInstance(error) && error.gate === "lint");
    await expect(refused).rejects.toThrow(/2 lint error\(s\).*something is wrong/);
  });

  it("refuses risk above the maximum, case-insensitively, and accepts it when allowed", async () => {
    await expect(checkGates({ risk: risk("HIGH") }, { maxRiskLevel: "medium" }, files, context)).rejects.toThrow(
      /risk level high is above the allowed medium/,
    );
    const allowed = await checkGates({ risk: risk("HIGH") }, { maxRiskLevel: "high" }, files, context);
    expect(allowed.refusals).toEqual([]);
    expect((await checkGates({ risk: risk("medium") }, {}, files, context)).refusals).toEqual([]);
  });

  it("runs anyway under force, keeping the refusals in the verdict", async () => {
    const verdict = await checkGates({ lint: lint(1), risk: risk("critical") }, { force: true }, files, context);
    expect(verdict.forced).toBe(true);
    expect(verdict.refusals.map((refusal) => refusal.gate)).toEqual(["lint", "risk"]);
  });

  it("does not call the gates when nothing is pending", async () => {
    let called = false;
    const lintGate = async () => {
      called = true;
      return { errors: 1, messages: [] };
    };
    await checkGates({ lint: lintGate }, {}, [], context);
    expect(called).toBe(false);
  });

  it("rejects an unknown risk level", async () => {
    await expect(checkGates({ risk: risk("LOW") }, { maxRiskLevel: "extreme" }, files, context)).rejects.toThrow(
      /unknown risk level "extreme"/,
    );
  });
});

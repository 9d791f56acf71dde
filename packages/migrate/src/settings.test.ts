import { describe, expect, it } from "vitest";
import { executionSettingsSchema, retryDelayMs, sqlStateOf, timeoutsFor } from "./settings.js";

describe("execution settings", () => {
  it("backs off exponentially up to the cap", () => {
    const retry = { retries: 5, initialDelayMs: 100, factor: 2, maxDelayMs: 500 };
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(retry, attempt))).toEqual([100, 200, 400, 500]);
  });

  it("takes per-version timeout overrides over the defaults", () => {
    const settings = executionSettingsSchema.parse({
      lockTimeoutMs: 1000,
      statementTimeoutMs: 5000,
      overrides: { "2": { lockTimeoutMs: 50 } },
    });
    expect(timeoutsFor(settings, "1")).toEqual({ lockTimeoutMs: 1000, statementTimeoutMs: 5000 });
    expect(timeoutsFor(settings, "2")).toEqual({ lockTimeoutMs: 50, statementTimeoutMs: 5000 });
    expect(timeoutsFor(executionSettingsSchema.parse({}), "1")).toEqual({});
  });

  it("finds the SQLSTATE on a wrapped driver error", () => {
    const driverError = Object.assign(new Error("canceling statement due to lock timeout"), { code: "55P03" });
    expect(sqlStateOf(new Error("wrapped", { cause: driverError }))).toBe("55P03");
    expect(sqlStateOf(Object.assign(new Error("db"), { code: "CONFITURE_DATABASE_QUERY", sqlState: "42P01" }))).toBe("42P01");
    expect(sqlStateOf(new Error("plain"))).toBeUndefined();
  });
});

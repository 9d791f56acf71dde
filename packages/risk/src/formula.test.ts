import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultRiskConfig } from "./config.js";
import { computeFactors, type FactorInputs, type FactorName } from "./factors.js";
import { levelOf, scoreOf } from "./score.js";

// The README's tables are the specification: this test reads them, so docs and code cannot drift apart.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The rows of the Markdown table whose header line starts with `header`. */
function tableRows(header: string): string[][] {
  const lines = readme.split("\n");
  const start = lines.findIndex((line) => line.startsWith(header));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const UNITS: Record<string, number> = { bytes: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, ms: 1 };

function quantity(text: string): number {
  const [amount, unit] = text.split(" ");
  if (amount?.endsWith("%")) return Number(amount.slice(0, -1)) / 100;
  return Number(amount) * (unit === undefined ? 1 : (UNITS[unit] ?? Number.NaN));
}

function findingsOf(text: string): { severity: string }[] {
  return text === "none" ? [] : text.split(",").map((severity) => ({ severity: severity.trim() }));
}

const neutral: FactorInputs = {
  dataBytes: 0,
  lockMs: 0,
  dependencies: 0,
  findings: [],
  connectionUsage: 0,
  sources: { dataBytes: "assumptions", lockMs: "prediction", dependencies: "assumptions", connectionUsage: "assumptions" },
};

function inputsFor(factor: FactorName, input: string): FactorInputs {
  switch (factor) {
    case "data_volume":
      return { ...neutral, dataBytes: quantity(input) };
    case "lock_time":
      return { ...neutral, lockMs: quantity(input) };
    case "dependencies":
      return { ...neutral, dependencies: quantity(input) };
    case "anomalies":
      return { ...neutral, findings: findingsOf(input) };
    case "concurrent_load":
      return { ...neutral, connectionUsage: quantity(input) };
  }
}

describe("the documented factor examples", () => {
  const rows = tableRows("| Factor | Input | Value |");
  it("are all there", () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });
  it.each(rows)("%s of %s is %s", (name, input, value) => {
    const factors = computeFactors(inputsFor(name as FactorName, input!), defaultRiskConfig);
    expect(factors.find((factor) => factor.name === name)?.value).toBeCloseTo(Number(value), 10);
  });
});

describe("the documented whole scores", () => {
  const rows = tableRows("| Data | Lock | Dependencies |");
  it.each(rows)("%s, %s, %s dependents, %s, %s load", (data, lock, dependencies, findings, load, score, level) => {
    const factors = computeFactors(
      {
        ...neutral,
        dataBytes: quantity(data!),
        lockMs: quantity(lock!),
        dependencies: Number(dependencies),
        findings: findingsOf(findings!),
        connectionUsage: quantity(load!),
      },
      defaultRiskConfig,
    );
    expect(scoreOf(factors)).toBeCloseTo(Number(score), 10);
    expect(levelOf(scoreOf(factors), defaultRiskConfig.levels)).toBe(level);
  });
});

describe("the documented weights", () => {
  it("match the default configuration", () => {
    const documented = Object.fromEntries(
      tableRows("| Factor | Weight | Input | Curve |").map(([name, weight]) => [
        name!.replaceAll("`", ""),
        Number(weight!.slice(0, -1)) / 100,
      ]),
    );
    const factors = computeFactors(neutral, defaultRiskConfig);
    expect(Object.fromEntries(factors.map((factor) => [factor.name, factor.weight]))).toEqual(documented);
  });
});

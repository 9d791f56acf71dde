import { describe, expect, it } from "vitest";
import { defaultRiskConfig, parseRiskConfig } from "./config.js";
import { linearCurve, logarithmicCurve } from "./curves.js";
import { RiskConfigError } from "./errors.js";
import { anomaliesValue } from "./factors.js";
import { levelExceeds, levelOf } from "./score.js";

describe("levelOf", () => {
  const cases: [number, string][] = [
    [0, "LOW"],
    [0.2499, "LOW"],
    [0.25, "MEDIUM"],
    [0.4999, "MEDIUM"],
    [0.5, "HIGH"],
    [0.7499, "HIGH"],
    [0.75, "CRITICAL"],
    [1, "CRITICAL"],
  ];
  it.each(cases)("%s is %s", (score, level) => {
    expect(levelOf(score, defaultRiskConfig.levels)).toBe(level);
  });
  it("follows configured edges", () => {
    const config = parseRiskConfig({ levels: { medium: 0.1, high: 0.2, critical: 0.3 } });
    expect(levelOf(0.15, config.levels)).toBe("MEDIUM");
    expect(levelOf(0.3, config.levels)).toBe("CRITICAL");
  });
});

describe("levelExceeds", () => {
  it("is strict", () => {
    expect(levelExceeds("HIGH", "HIGH")).toBe(false);
    expect(levelExceeds("CRITICAL", "HIGH")).toBe(true);
    expect(levelExceeds("LOW", "MEDIUM")).toBe(false);
  });
});

describe("curves", () => {
  it("are monotonic and bounded", () => {
    let previous = -1;
    for (let exponent = 0; exponent < 50; exponent += 1) {
      const value = logarithmicCurve(2 ** exponent, 2 ** 20, 2 ** 40);
      expect(value).toBeGreaterThanOrEqual(previous);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      previous = value;
    }
  });
  it("treat NaN and negative input as zero", () => {
    expect(logarithmicCurve(Number.NaN, 1, 10)).toBe(0);
    expect(linearCurve(Number.NaN, 0, 10)).toBe(0);
    expect(linearCurve(-5, 0, 10)).toBe(0);
  });
});

describe("anomalies", () => {
  it("take the maximum, so minor findings never dilute a critical one", () => {
    const one = anomaliesValue([{ severity: "critical" }], defaultRiskConfig.curves.anomalies);
    const many = anomaliesValue(
      [{ severity: "critical" }, ...Array(20).fill({ severity: "info" })],
      defaultRiskConfig.curves.anomalies,
    );
    expect(many.value).toBe(one.value);
    expect(many.worst).toBe("critical");
  });
  it("ignore unknown severities", () => {
    expect(anomaliesValue([{ severity: "loud" }], defaultRiskConfig.curves.anomalies)).toEqual({ value: 0, worst: "none" });
  });
});

describe("parseRiskConfig", () => {
  it("fills in the defaults", () => {
    expect(parseRiskConfig({}).weights).toEqual({
      dataVolume: 0.25,
      lockTime: 0.35,
      dependencies: 0.15,
      anomalies: 0.15,
      concurrentLoad: 0.1,
    });
  });
  it("rejects weights that do not add up to 1, naming the key", () => {
    expect(() => parseRiskConfig({ weights: { lockTime: 0.9 } })).toThrow(/risk\.weights/);
    try {
      parseRiskConfig({ weights: { lockTime: 0.9 } });
    } catch (error) {
      expect(RiskConfigError.isInstance(error)).toBe(true);
    }
  });
  it("rejects falling level edges", () => {
    expect(() => parseRiskConfig({ levels: { medium: 0.6 } })).toThrow(/levels/);
  });
});

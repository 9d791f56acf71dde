import { EventEmitter } from "eventemitter3";
import { describe, expect, it } from "vitest";
import { productionObjectives } from "./definitions.js";
import { SloMonitor } from "./monitor.js";

describe("SloMonitor", () => {
  it("receives durations through timing events and stops on unsubscribe", () => {
    const emitter = new EventEmitter();
    const monitor = new SloMonitor({ environment: "production", now: () => 0 });
    const stop = monitor.observe(emitter);
    emitter.emit("timing", { operation: "hook_execution", durationMs: 2 });
    emitter.emit("timing", { operation: "hook_execution", durationMs: 4 });
    stop();
    emitter.emit("timing", { operation: "hook_execution", durationMs: 1000 });
    expect(monitor.samples().map((sample) => sample.value)).toEqual([2, 4]);
  });

  it("reports violations worst first, unmeasured objectives, and operations without objectives", () => {
    const monitor = new SloMonitor({ environment: "production", now: () => Date.UTC(2026, 0, 1) });
    for (let index = 0; index < 100; index += 1) monitor.record("hook_execution", 1);
    monitor.record("hook_execution", 500); // p99 far past 50 ms
    monitor.record("regression_check", 25); // 1.25x the 20 ms target
    monitor.record("lint", 12);
    const report = monitor.report(productionObjectives);
    expect(report.met).toBe(false);
    expect(report.violations.map((violation) => [violation.operation, violation.label, violation.severity])).toEqual([
      ["regression_check", "p99 <= 20 ms", "warning"],
    ]);
    expect(report.operations.map((summary) => summary.operation)).toEqual(["hook_execution", "lint", "regression_check"]);
    expect(report.unmeasured).toContain("risk_assessment");
    expect(report.generatedAt).toBe("2026-01-01T00:00:00.000Z");
  });

  it("ignores samples of other environments", () => {
    const monitor = new SloMonitor({ environment: "production" });
    monitor.load([{ operation: "regression_check", value: 1000, timestamp: 0, environment: "local" }]);
    expect(monitor.report(productionObjectives).operations).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { defineHook } from "./define-hook.js";
import { HookRegistrationError } from "./errors.js";
import { HookPhase } from "./events.js";
import { HookExecutor } from "./executor.js";

const phase = HookPhase.BEFORE_VALIDATE;
const context = { migrations: [] };

describe("registration", () => {
  it("rejects a second hook of the same name in a phase, but not in another phase", () => {
    const executor = new HookExecutor();
    executor.register(defineHook({ name: "check", phase, run: () => undefined }));
    expect(() => executor.register(defineHook({ name: "check", phase, run: () => undefined }))).toThrowError(
      HookRegistrationError,
    );
    executor.register(defineHook({ name: "check", phase: HookPhase.AFTER_VALIDATE, run: () => undefined }));
    expect(executor.hooks().map((hook) => `${hook.phase}/${hook.name}`)).toEqual([
      "before_validate/check",
      "after_validate/check",
    ]);
    expect(() => executor.register({ name: "odd", phase: "before_lunch", run: () => undefined } as never)).toThrowError(
      /unknown phase/,
    );
  });

  it("replans after unregister and configure", async () => {
    const executor = new HookExecutor();
    const ran: string[] = [];
    executor.register(defineHook({ name: "a", phase, run: () => void ran.push("a") }));
    executor.register(defineHook({ name: "b", phase, dependsOn: ["a"], run: () => void ran.push("b") }));
    expect(executor.plan(phase).config.strategy).toBe("sequential");
    executor.configure(phase, { strategy: "dag", errorStrategy: "fail-safe" });
    expect(executor.phaseConfig(phase)).toMatchObject({ strategy: "dag", errorStrategy: "fail-safe", concurrency: 8 });
    expect(executor.plan(phase).edges).toEqual([["a", "b"]]);
    expect(executor.unregister(phase, "a")).toBe(true);
    expect(executor.unregister(phase, "a")).toBe(false);
    expect(() => executor.plan(phase)).toThrowError(/depends on "a"/);
    const result = await executor.runPhase(phase, context, { config: { strategy: "sequential" } });
    expect(ran).toEqual(["b"]);
    expect(result.trace.strategy).toBe("sequential");
  });

  it("applies defaults, then per-phase settings, then per-run overrides", () => {
    const executor = new HookExecutor({
      defaults: { concurrency: 3, retry: { maxAttempts: 5 } },
      phases: { [phase]: { strategy: "parallel" } },
    });
    expect(executor.phaseConfig(phase)).toMatchObject({
      strategy: "parallel",
      concurrency: 3,
      retry: { maxAttempts: 5, initialDelayMs: 100 },
    });
    expect(executor.phaseConfig(HookPhase.AFTER_VALIDATE)).toMatchObject({ strategy: "sequential", concurrency: 3 });
    expect(() => new HookExecutor({ phases: { before_lunch: {} } as never })).toThrowError(/unknown phase "before_lunch"/);
  });
});

import { describe, expect, it } from "vitest";
import { defaultWebhookTimeoutMs, webhookHook } from "./builtin/webhook-hook.js";
import { sqlHook } from "./builtin/sql-hook.js";
import { loadHooksFromConfig } from "./config.js";
import { defineHook, hookTransaction } from "./define-hook.js";
import { HookPhase } from "./events.js";
import { HookExecutor } from "./executor.js";

describe("which side of the migration's transaction a hook runs on", () => {
  it("webhooks run outside by default, other kinds inside; a declaration wins", async () => {
    const webhook = webhookHook({ name: "w", phase: HookPhase.AFTER_EXECUTE, url: "https://example.invalid/x" });
    expect(hookTransaction(webhook)).toBe("outside");
    expect(hookTransaction(sqlHook({ name: "s", phase: HookPhase.AFTER_EXECUTE, sql: "SELECT 1" }))).toBe("inside");
    expect(hookTransaction(sqlHook({ name: "s", phase: HookPhase.AFTER_EXECUTE, sql: "VACUUM", transaction: "outside" }))).toBe(
      "outside",
    );
    const { hooks } = await loadHooksFromConfig(
      [{ name: "in", phase: "after_execute", kind: "webhook", url: "https://example.invalid/x", transaction: "inside" }],
      { baseDir: "." },
    );
    expect(hooks.map(hookTransaction)).toEqual(["inside"]);
  });

  it("runPhase with a side runs only that side's hooks", async () => {
    const ran: string[] = [];
    const executor = new HookExecutor()
      .register(defineHook({ name: "a", phase: HookPhase.AFTER_EXECUTE, run: () => void ran.push("a") }))
      .register(defineHook({ name: "b", phase: HookPhase.AFTER_EXECUTE, transaction: "outside", run: () => void ran.push("b") }));
    const context = { migration: { version: "1", name: "x" } };
    await executor.runPhase(HookPhase.AFTER_EXECUTE, context, { transaction: "inside" });
    await executor.runPhase(HookPhase.AFTER_EXECUTE, context, { transaction: "outside" });
    await executor.runPhase(HookPhase.AFTER_EXECUTE, context);
    expect(ran).toEqual(["a", "b", "a", "b"]);
  });

  it("every webhook has a bounded timeout by default, however many retries it is given", () => {
    const hook = webhookHook({ name: "w", phase: HookPhase.AFTER_EXECUTE, url: "https://example.invalid/x", retries: 50 });
    expect(hook.timeoutMs).toBe(defaultWebhookTimeoutMs);
  });

  it("a hook that blocks the event loop past its timeout is timed out, though the timer could not fire", async () => {
    const executor = new HookExecutor().register(
      defineHook({
        name: "busy",
        phase: HookPhase.AFTER_EXECUTE,
        timeoutMs: 20,
        run: async () => {
          const until = performance.now() + 60;
          while (performance.now() < until);
        },
      }),
    );
    const result = await executor.runPhase(HookPhase.AFTER_EXECUTE, { migration: { version: "1", name: "x" } });
    expect(result.results[0]?.status).toBe("timed_out");
    expect(result.success).toBe(false);
  });
});

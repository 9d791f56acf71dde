import { describe, expect, it } from "vitest";
import type { ExecutionContext } from "./contexts.js";
import { copyOnWrite } from "./context-view.js";
import { defineHook } from "./define-hook.js";
import { HookContextError } from "./errors.js";
import { HookPhase } from "./events.js";
import { HookExecutor } from "./executor.js";
import { validateContext } from "./validate-context.js";

const migration = { version: "20240101", name: "init" };

describe("context validation", () => {
  it("rejects a context that does not match the phase, naming the key paths", async () => {
    const target = new HookExecutor();
    let ran = false;
    target.register(
      defineHook({
        name: "h",
        phase: HookPhase.BEFORE_ROLLBACK,
        run: () => {
          ran = true;
        },
      }),
    );
    // A plan context where a rollback context is expected: no reason, wrong migration shape.
    const wrong = { migration: { version: 42 }, migrations: [] } as never;
    const error = await target.runPhase(HookPhase.BEFORE_ROLLBACK, wrong).catch((caught: unknown) => caught);
    expect(HookContextError.isInstance(error)).toBe(true);
    const paths = (error as HookContextError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["migration.version", "migration.name", "reason"]));
    expect((error as Error).message).toMatch(/^invalid context for phase "before_rollback": /);
    expect(ran).toBe(false);
  });

  it("applies defaults and keeps extra keys and the sql executor by reference", () => {
    const sql = { exec: async () => undefined };
    const parsed = validateContext(HookPhase.BEFORE_EXECUTE, { migration, sql, attempt: 2 });
    expect(parsed).toMatchObject({ environment: "local", dryRun: false, direction: "up", migration, attempt: 2 });
    expect(parsed.sql).toBe(sql);
    expect(() => validateContext(HookPhase.BEFORE_EXECUTE, { migration, sql: { run: 1 } } as never)).toThrowError(
      /sql must be an object/,
    );
  });

  it("carries a rollback's reason and original error, and a plan's risk assessment", () => {
    const rollback = validateContext(HookPhase.AFTER_ROLLBACK, {
      reason: "lock timeout",
      originalError: { name: "DatabaseError", message: "canceling statement due to lock timeout", code: "55P03" },
    });
    expect(rollback.originalError?.code).toBe("55P03");
    expect(() =>
      validateContext(HookPhase.AFTER_PLAN_MIGRATION, {
        migrations: [],
        riskAssessment: { score: 1, level: "extreme" },
      } as never),
    ).toThrowError(/riskAssessment\.level/);
  });

  it("types hooks by phase: a hook for another phase's context does not compile", () => {
    const executionHook = defineHook({
      name: "typed",
      phase: HookPhase.AFTER_EXECUTE,
      run: (context) => {
        const version: string = context.migration.version;
        return { success: version.length > 0 };
      },
    });
    defineHook({
      name: "wrong",
      phase: HookPhase.AFTER_EXECUTE,
      // @ts-expect-error: the rollback context's `reason` does not exist on the execution context.
      run: (context: { reason: string }) => ({ success: context.reason === "" }),
    });
    const target = new HookExecutor();
    target.register(executionHook);
    // @ts-expect-error: registering directly is checked the same way.
    target.register({
      name: "also-wrong",
      phase: HookPhase.AFTER_EXECUTE,
      run: (context: { reason: string }) => ({ success: context.reason === "" }),
    });
    // @ts-expect-error: an execution context must have a migration.
    void target.runPhase(HookPhase.AFTER_EXECUTE, { reason: "x" }).catch(() => undefined);
    const typed: (context: ExecutionContext) => unknown = executionHook.run as never;
    expect(typeof typed).toBe("function");
  });
});

describe("context mutation policies", () => {
  it("immutable: the context is frozen, so a write fails the hook", async () => {
    const target = new HookExecutor({ defaults: { contextMutation: "immutable", errorStrategy: "fail-safe" } });
    target.register(
      defineHook({
        name: "writer",
        phase: HookPhase.BEFORE_EXECUTE,
        run: (context) => {
          context.migration.name = "changed";
        },
      }),
    );
    const result = await target.runPhase(HookPhase.BEFORE_EXECUTE, { migration: { ...migration } });
    expect(result.results[0]?.status).toBe("failed");
    expect(result.results[0]?.error).toBeInstanceOf(TypeError);
    expect(result.context.migration.name).toBe("init");
  });

  it("immutable: never freezes the caller's own objects passed along as extra keys", async () => {
    const target = new HookExecutor({ defaults: { contextMutation: "immutable" } });
    target.register(defineHook({ name: "reader", phase: HookPhase.BEFORE_EXECUTE, run: () => undefined }));
    const gates = { risk: { score: 3 } };
    const result = await target.runPhase(HookPhase.BEFORE_EXECUTE, { migration, gates });
    expect(Object.isFrozen(gates) || Object.isFrozen(gates.risk)).toBe(false);
    expect(Object.isFrozen(result.context.gates)).toBe(true);
  });

  it("mutable: later hooks and the caller see the changes", async () => {
    const target = new HookExecutor({ defaults: { contextMutation: "mutable" } });
    const seen: unknown[] = [];
    target.register(
      defineHook({
        name: "writer",
        phase: HookPhase.BEFORE_EXECUTE,
        run: (context) => {
          context.metadata = { ticket: "OPS-1" };
        },
      }),
    );
    target.register(
      defineHook({ name: "reader", phase: HookPhase.BEFORE_EXECUTE, run: (context) => void seen.push(context.metadata) }),
    );
    const result = await target.runPhase(HookPhase.BEFORE_EXECUTE, { migration });
    expect(seen).toEqual([{ ticket: "OPS-1" }]);
    expect(result.context.metadata).toEqual({ ticket: "OPS-1" });
  });

  it("copy-on-write: each hook writes to its own copy; nobody else sees it", async () => {
    const target = new HookExecutor({ defaults: { contextMutation: "copy-on-write" } });
    const seen: unknown[] = [];
    target.register(
      defineHook({
        name: "writer",
        phase: HookPhase.BEFORE_EXECUTE,
        run: (context) => {
          context.migration.name = "mine";
          context.plan?.push({ version: "2", name: "extra" });
          seen.push(context.migration.name, context.plan?.length);
        },
      }),
    );
    target.register(
      defineHook({
        name: "reader",
        phase: HookPhase.BEFORE_EXECUTE,
        run: (context) => void seen.push(context.migration.name, context.plan?.length),
      }),
    );
    const result = await target.runPhase(HookPhase.BEFORE_EXECUTE, { migration, plan: [migration] });
    expect(seen).toEqual(["mine", 2, "init", 1]);
    expect(result.context.migration.name).toBe("init");
    expect(result.context.plan).toHaveLength(1);
  });

  it("copy-on-write views read like the source: keys, spread, JSON", () => {
    const source = { a: 1, nested: { b: [1, 2] } };
    const view = copyOnWrite(source);
    view.nested.b.push(3);
    delete (view as { a?: number }).a;
    expect(JSON.stringify(view)).toBe('{"nested":{"b":[1,2,3]}}');
    expect(Object.keys(view)).toEqual(["nested"]);
    expect(source).toEqual({ a: 1, nested: { b: [1, 2] } });
  });
});

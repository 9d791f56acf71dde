import type { AnyHookDefinition } from "./define-hook.js";
import { HookCancelledError } from "./errors.js";
import type { PhasePlan } from "./plan.js";
import { abortReason, type HookExecution, skippedExecution } from "./run-hook.js";

/** What a strategy needs from the executor: run one hook (after the given ones), and the phase signal. */
export interface StrategyRuntime {
  run(hook: AnyHookDefinition, after: readonly string[]): Promise<HookExecution>;
  signal: AbortSignal;
  now(): number;
}

/** Sequential: one at a time in plan order; each hook's trace links to the previous one that ran. */
async function runSequential(plan: PhasePlan, runtime: StrategyRuntime): Promise<HookExecution[]> {
  const executions: HookExecution[] = [];
  let previous: string | undefined;
  for (const hook of plan.hooks) {
    const after = previous === undefined ? [] : [previous];
    const execution = runtime.signal.aborted
      ? skippedExecution(hook.name, runtime.now(), abortReason(runtime.signal), after)
      : await runtime.run(hook, after);
    executions.push(execution);
    if (execution.result.status !== "skipped") previous = hook.name;
  }
  return executions;
}

/** Parallel: up to `concurrency` at once, started in plan order; no links between hooks. */
async function runParallel(plan: PhasePlan, runtime: StrategyRuntime): Promise<HookExecution[]> {
  const executions: HookExecution[] = new Array(plan.hooks.length);
  let next = 0;
  const worker = async () => {
    while (next < plan.hooks.length) {
      const index = next++;
      const hook = plan.hooks[index] as AnyHookDefinition;
      executions[index] = runtime.signal.aborted
        ? skippedExecution(hook.name, runtime.now(), abortReason(runtime.signal), [])
        : await runtime.run(hook, []);
    }
  };
  const workers = Math.min(plan.config.concurrency, plan.hooks.length);
  await Promise.all(Array.from({ length: workers }, worker));
  return executions;
}

/**
 * DAG: a hook starts when all its dependencies have ended, up to `concurrency` at once; independent
 * branches run in parallel. A hook whose dependency did not complete is skipped, and so on down.
 */
function runDag(plan: PhasePlan, runtime: StrategyRuntime): Promise<HookExecution[]> {
  const order = new Map(plan.hooks.map((hook, index) => [hook.name, index]));
  const dependents = new Map<string, AnyHookDefinition[]>();
  const waiting = new Map<string, number>();
  for (const hook of plan.hooks) {
    waiting.set(hook.name, hook.dependsOn?.length ?? 0);
    for (const dependency of hook.dependsOn ?? []) {
      const list = dependents.get(dependency) ?? [];
      list.push(hook);
      dependents.set(dependency, list);
    }
  }
  const statuses = new Map<string, string>();
  const executions = new Map<string, HookExecution>();
  // The ready list stays in plan order (a topological order with priority ties), so starts are deterministic.
  const ready: AnyHookDefinition[] = plan.hooks.filter((hook) => (hook.dependsOn?.length ?? 0) === 0);
  let running = 0;
  return new Promise((resolve) => {
    const finish = (hook: AnyHookDefinition, execution: HookExecution) => {
      executions.set(hook.name, execution);
      statuses.set(hook.name, execution.result.status);
      for (const dependent of dependents.get(hook.name) ?? []) {
        const left = (waiting.get(dependent.name) ?? 0) - 1;
        waiting.set(dependent.name, left);
        if (left > 0) continue;
        const position = order.get(dependent.name) ?? 0;
        let insertAt = ready.length;
        while (insertAt > 0 && (order.get((ready[insertAt - 1] as AnyHookDefinition).name) ?? 0) > position) insertAt -= 1;
        ready.splice(insertAt, 0, dependent);
      }
    };
    const pump = () => {
      while (running < plan.config.concurrency && ready.length > 0) {
        const hook = ready.shift() as AnyHookDefinition;
        const after = hook.dependsOn ?? [];
        const blocked = after.find((dependency) => statuses.get(dependency) !== "completed");
        if (runtime.signal.aborted || blocked !== undefined) {
          const reason = runtime.signal.aborted
            ? abortReason(runtime.signal)
            : new HookCancelledError(`dependency "${blocked}" of hook "${hook.name}" did not complete`);
          finish(hook, skippedExecution(hook.name, runtime.now(), reason, after));
          continue;
        }
        running += 1;
        void runtime.run(hook, after).then((execution) => {
          running -= 1;
          finish(hook, execution);
          pump();
        });
      }
      // Results in plan order, whatever order the hooks ended in.
      if (running === 0 && ready.length === 0) resolve(plan.hooks.flatMap((hook) => executions.get(hook.name) ?? []));
    };
    pump();
  });
}

/** Runs a plan with its strategy and returns every execution (skips included). */
export function runStrategy(plan: PhasePlan, runtime: StrategyRuntime): Promise<HookExecution[]> {
  if (plan.config.strategy === "sequential") return runSequential(plan, runtime);
  if (plan.config.strategy === "parallel") return runParallel(plan, runtime);
  return runDag(plan, runtime);
}

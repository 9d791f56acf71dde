import {
  type AnyHookDefinition,
  HookConfigError,
  HookExecutor,
  HookGraphError,
  type HookPhase,
  hookPhases,
  hookTransaction,
  isHookPhase,
  loadHooksFromConfig,
  type PhasePlan,
  planGraph,
  toDot,
  toMermaid,
} from "@confiture/hooks";
import { Option } from "commander";
import { loadCommandConfig } from "../command-config.js";
import { addCommonOptions, writeJson } from "../common-options.js";
import { UsageError } from "../errors.js";
import { importModule } from "../import-module.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface HooksOptions {
  format: string;
  config?: string;
  phase?: string;
  env?: string;
}

/** The plans of every phase that has hooks (or of `--phase`), from the config's hooks section. */
async function loadPlans(options: HooksOptions, runtime: CliRuntime): Promise<PhasePlan[]> {
  if (options.phase !== undefined && !isHookPhase(options.phase)) {
    throw new UsageError(`--phase must be one of ${hookPhases.join(", ")} (got "${options.phase}")`);
  }
  const loaded = await loadCommandConfig(runtime, options);
  try {
    const { hooks, options: executorOptions } = await loadHooksFromConfig(loaded.config.hooks ?? {}, {
      baseDir: loaded.directory,
      ...(options.env === undefined ? {} : { environment: options.env }),
      importModule,
    });
    const executor = new HookExecutor(executorOptions).registerAll(hooks);
    const phases = options.phase === undefined ? hookPhases : [options.phase as HookPhase];
    return phases.filter((phase) => executor.hooks(phase).length > 0).map((phase) => executor.plan(phase));
  } catch (error) {
    // A bad hooks section, a dependency cycle or a missing dependency is a configuration mistake: exit 2.
    if (HookConfigError.isInstance(error) || HookGraphError.isInstance(error)) {
      throw new UsageError(`${error.message}${loaded.path === undefined ? "" : ` (in ${loaded.path})`}`, { cause: error });
    }
    throw error;
  }
}

function describeHook(hook: AnyHookDefinition, position: number) {
  return {
    position,
    name: hook.name,
    kind: hook.kind ?? "function",
    priority: hook.priority ?? 0,
    dependsOn: [...(hook.dependsOn ?? [])],
    transaction: hookTransaction(hook),
    ...(hook.errorStrategy === undefined ? {} : { errorStrategy: hook.errorStrategy }),
    ...(hook.timeoutMs === undefined ? {} : { timeoutMs: hook.timeoutMs }),
    ...(hook.description === undefined ? {} : { description: hook.description }),
  };
}

function describePlan(plan: PhasePlan) {
  const { strategy, errorStrategy, concurrency, timeoutMs, hookTimeoutMs, contextMutation, retry } = plan.config;
  return {
    phase: plan.phase,
    strategy,
    errorStrategy,
    concurrency,
    timeoutMs,
    hookTimeoutMs,
    contextMutation,
    retry,
    hooks: plan.hooks.map((hook, index) => describeHook(hook, index + 1)),
  };
}

function listText(plans: PhasePlan[]): string {
  if (plans.length === 0)
    return "No hooks configured. Add a `hooks` section to confiture.config.* (see the @confiture/hooks README).\n";
  const lines: string[] = [];
  for (const plan of plans) {
    const { strategy, errorStrategy, concurrency } = plan.config;
    const parallelism = strategy === "sequential" ? "" : `, ${concurrency} at once`;
    lines.push(`${plan.phase}  (${strategy}, ${errorStrategy}${parallelism})`);
    const described = plan.hooks.map((hook, index) => describeHook(hook, index + 1));
    const width = Math.max(...described.map((hook) => hook.name.length));
    for (const hook of described) {
      const details = [`${hook.kind}`, `priority ${hook.priority}`];
      // Only the execute phases run inside a migration's transaction; the others never do.
      if (plan.phase === "before_execute" || plan.phase === "after_execute")
        details.push(
          hook.transaction === "inside"
            ? "in the migration's transaction"
            : plan.phase === "after_execute"
              ? "after COMMIT, own connection"
              : "before BEGIN, own connection",
        );
      if (hook.errorStrategy !== undefined) details.push(hook.errorStrategy);
      if (hook.dependsOn.length > 0) details.push(`after ${hook.dependsOn.join(", ")}`);
      lines.push(`  ${String(hook.position).padStart(2)}. ${hook.name.padEnd(width)}  ${details.join(" · ")}`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

/** `confiture hooks list|graph`: what runs in which phase, in which order, and the execution graph. */
export const hooksCommand: CommandModule = {
  name: "hooks",
  register(program, runtime) {
    const hooks = program
      .command("hooks")
      .description("the lifecycle hooks of the config: which run in which phase, in which order")
      .addHelpText(
        "after",
        `
Hooks come from the \`hooks\` section of confiture.config.*: inline functions, modules, and the
built-in kinds sql (in the migration's transaction unless transaction: outside), shell (context as JSON on stdin)
and webhook (after COMMIT unless transaction: inside).

Examples:
  $ confiture hooks list                          phases, strategies, hooks in start order
  $ confiture hooks list --phase after_execute --format json
  $ confiture hooks graph --format mermaid        paste into a Markdown file
  $ confiture hooks graph --format dot | dot -Tsvg > hooks.svg`,
      );

    const shared = (command: ReturnType<typeof hooks.command>, formats: string[]) =>
      addCommonOptions(command, formats)
        .option("--phase <phase>", "only this phase (e.g. before_execute)")
        .addOption(new Option("--env <environment>", "load only the hooks enabled in this environment"));

    shared(hooks.command("list").description("which hooks run in which phase, with strategy, priority and dependencies"), [
      "text",
      "json",
    ]).action(async (options: HooksOptions) => {
      const plans = await loadPlans(options, runtime);
      if (options.format === "json") writeJson(runtime, { phases: plans.map(describePlan) });
      else runtime.io.stdout.write(listText(plans));
    });

    shared(hooks.command("graph").description("the execution graph of each phase (sequential chain, parallel fan, DAG)"), [
      "mermaid",
      "dot",
      "json",
    ]).action(async (options: HooksOptions) => {
      const graphs = (await loadPlans(options, runtime)).map(planGraph);
      if (options.format === "json") writeJson(runtime, { graphs });
      else runtime.io.stdout.write(options.format === "dot" ? toDot(graphs) : toMermaid(graphs));
    });
  },
};

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { shellHook } from "./builtin/shell-hook.js";
import { sqlHook } from "./builtin/sql-hook.js";
import { webhookHook } from "./builtin/webhook-hook.js";
import type { AnyHookDefinition, HookReturn, HookRunOptions } from "./define-hook.js";
import { HookConfigError } from "./errors.js";
import { type HookPhase, hookPhases } from "./events.js";
import type { HookExecutorOptions } from "./executor.js";
import { circuitBreakerOptionsSchema, errorStrategySchema, phaseConfigOverrideSchema } from "./policies.js";

/** A hook function written inline in a TS/JS config; its context type is that of its phase. */
export type ConfigHookFunction = (context: never, options: HookRunOptions) => HookReturn | Promise<HookReturn>;

const phaseSchema = z.enum(hookPhases as [HookPhase, ...HookPhase[]]);

const baseShape = {
  name: z.string().min(1),
  phase: phaseSchema,
  description: z.string().optional(),
  priority: z.number().optional(),
  dependsOn: z.array(z.string().min(1)).optional(),
  timeoutMs: z.number().positive().optional(),
  errorStrategy: errorStrategySchema.optional(),
  retry: phaseConfigOverrideSchema.shape.retry,
  /** Where it runs in the execute phases: in the migration's transaction, or outside it (see `HookDefinition.transaction`). */
  transaction: z.enum(["inside", "outside"]).optional(),
  /** `false` keeps the entry in the file but does not load it. */
  enabled: z.boolean().default(true),
  /** Load only in these environments (e.g. seeds in `local` and `test`). */
  environments: z.array(z.string()).optional(),
};

const functionEntrySchema = z.strictObject({
  ...baseShape,
  kind: z.literal("function"),
  run: z.custom<ConfigHookFunction>((value) => typeof value === "function", { message: "run must be a function" }),
});
const moduleEntrySchema = z.strictObject({
  ...baseShape,
  // A module's `defineHook` already declares its name and phase: the entry may repeat them (they must
  // agree) or leave them out. A plain function export has no declaration, so the entry must give both.
  name: baseShape.name.optional(),
  phase: phaseSchema.optional(),
  kind: z.literal("module"),
  module: z.string().min(1),
  export: z.string().min(1).default("default"),
});
const sqlEntrySchema = z.strictObject({ ...baseShape, kind: z.literal("sql"), file: z.string().min(1) });
const shellEntrySchema = z.strictObject({
  ...baseShape,
  kind: z.literal("shell"),
  command: z.string().min(1),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
});
const webhookEntrySchema = z.strictObject({
  ...baseShape,
  kind: z.literal("webhook"),
  url: z.url({ protocol: /^https?$/ }),
  retries: z.number().int().min(0).default(3),
  retryDelayMs: z.number().nonnegative().optional(),
  requestTimeoutMs: z.number().positive().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

/** One hook of a config. `kind` may be left out for inline functions (`run`) and modules (`module`). */
export const hookEntrySchema = z.preprocess(
  (value) => {
    if (typeof value !== "object" || value === null || "kind" in value) return value;
    if ("run" in value) return { ...value, kind: "function" };
    if ("module" in value) return { ...value, kind: "module" };
    return value;
  },
  z.discriminatedUnion("kind", [functionEntrySchema, moduleEntrySchema, sqlEntrySchema, shellEntrySchema, webhookEntrySchema]),
);
/** `hookEntrySchema` after validation. */
export type HookEntry = z.infer<typeof hookEntrySchema>;

const hooksObjectSchema = z.strictObject({
  /** Applied to every phase. */
  defaults: phaseConfigOverrideSchema.optional(),
  /** Per phase, over `defaults`. */
  phases: z.partialRecord(phaseSchema, phaseConfigOverrideSchema).optional(),
  circuitBreaker: z
    .union([
      z.strictObject({
        failureThreshold: circuitBreakerOptionsSchema.shape.failureThreshold.unwrap().optional(),
        recoveryTimeMs: circuitBreakerOptionsSchema.shape.recoveryTimeMs.unwrap().optional(),
      }),
      z.literal(false),
    ])
    .optional(),
  hooks: z.array(hookEntrySchema).default([]),
});

/** The `hooks` section of `confiture.config.*`: an object (`{ defaults, phases, circuitBreaker, hooks }`) or just the list of hooks. */
export const hooksConfigSchema = z.preprocess((value) => (Array.isArray(value) ? { hooks: value } : value), hooksObjectSchema);
/** `hooksConfigSchema` after validation. */
export type HooksConfig = z.infer<typeof hooksConfigSchema>;
/** `hooksObjectSchema` as written (input). */
export type HooksConfigInput = z.input<typeof hooksObjectSchema> | z.input<typeof hooksObjectSchema>["hooks"];

/** What a config yields: the hooks, and the executor options its settings give. */
export interface LoadedHooks {
  hooks: AnyHookDefinition[];
  options: Pick<HookExecutorOptions, "defaults" | "phases" | "circuitBreaker">;
}

/** Options of `loadHooksFromConfig`. */
export interface LoadHooksOptions {
  /** Paths in the config (SQL files, modules, shell cwd) are relative to it: the config's directory. */
  baseDir: string;
  /** Entries with `environments` are loaded only when this is one of them. */
  environment?: string;
  /** How to load `module` entries (the CLI passes one that understands TypeScript). Default: `import()`. */
  importModule?: (specifier: string) => Promise<unknown>;
}

/** Checks a hooks section; `HookConfigError` names each wrong key path (`hooks.2.url`). */
export function parseHooksConfig(config: unknown): HooksConfig {
  const parsed = hooksConfigSchema.safeParse(config ?? {});
  if (parsed.success) return parsed.data;
  const listed = parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
  throw new HookConfigError(`invalid hooks config: ${listed.join("; ")}`, { cause: parsed.error });
}

function moduleSpecifier(module: string, baseDir: string): string {
  if (module.startsWith(".") || isAbsolute(module)) return pathToFileURL(resolve(baseDir, module)).href;
  try {
    return pathToFileURL(createRequire(resolve(baseDir, "package.json")).resolve(module)).href;
  } catch {
    // Packages with import-only exports are not visible to require.resolve; let import() resolve them.
    return module;
  }
}

/** How messages name an entry: its name, or for a module entry without one, its module. */
function entryLabel(entry: HookEntry): string {
  return entry.name ?? (entry.kind === "module" ? entry.module : entry.kind);
}

/** The hook-definition fields an entry sets, without the ones it leaves out. */
function metaOf(entry: HookEntry): Omit<AnyHookDefinition, "run" | "kind"> {
  const meta: Record<string, unknown> = {};
  if (entry.name !== undefined) meta.name = entry.name;
  if (entry.phase !== undefined) meta.phase = entry.phase;
  for (const key of ["description", "priority", "dependsOn", "timeoutMs", "errorStrategy", "retry", "transaction"] as const) {
    if (entry[key] !== undefined) meta[key] = entry[key];
  }
  return meta as Omit<AnyHookDefinition, "run" | "kind">;
}

async function loadModuleHook(
  entry: Extract<HookEntry, { kind: "module" }>,
  options: LoadHooksOptions,
): Promise<AnyHookDefinition> {
  const specifier = moduleSpecifier(entry.module, options.baseDir);
  let loaded: unknown;
  try {
    loaded = await (options.importModule ?? ((target: string) => import(target)))(specifier);
  } catch (error) {
    throw new HookConfigError(`hook "${entryLabel(entry)}": cannot load module "${entry.module}"`, { cause: error });
  }
  const exported = (loaded as Record<string, unknown> | undefined)?.[entry.export];
  const label = `hook "${entryLabel(entry)}"`;
  const meta = metaOf(entry);
  if (typeof exported === "function") {
    const missing = (["name", "phase"] as const).filter((key) => entry[key] === undefined);
    if (missing.length > 0) {
      throw new HookConfigError(
        `${label}: module "${entry.module}" exports a plain function "${entry.export}", which declares no ${missing.join(" or ")}: ` +
          `give ${missing.map((key) => `\`${key}\``).join(" and ")} in the config entry, or export a hook made with defineHook`,
      );
    }
    return { ...meta, kind: "module", run: exported } as AnyHookDefinition;
  }
  if (typeof exported === "object" && exported !== null && typeof (exported as { run?: unknown }).run === "function") {
    const declared = exported as { name?: unknown; phase?: unknown };
    // The module is the hook's own declaration: the config may restate its name and phase but not
    // contradict them (a phase silently moved by the config is how a backup hook ends up never running).
    for (const key of ["name", "phase"] as const) {
      if (entry[key] !== undefined && declared[key] !== undefined && entry[key] !== declared[key]) {
        throw new HookConfigError(
          `${label}: the config says ${key} "${entry[key]}" but module "${entry.module}" declares ${key} "${String(declared[key])}": ` +
            `remove \`${key}\` from the config entry (the module's declaration is used) or change the module`,
        );
      }
      if (entry[key] === undefined && declared[key] === undefined) {
        throw new HookConfigError(`${label}: neither the config entry nor module "${entry.module}" declares a ${key}`);
      }
    }
    return { ...(exported as object), ...meta, kind: "module" } as AnyHookDefinition;
  }
  throw new HookConfigError(`${label}: module "${entry.module}" has no function or hook export named "${entry.export}"`);
}

async function loadEntry(entry: HookEntry, options: LoadHooksOptions): Promise<AnyHookDefinition> {
  const meta = metaOf(entry);
  switch (entry.kind) {
    case "function":
      return { ...meta, kind: "function", run: entry.run } as unknown as AnyHookDefinition;
    case "module":
      return loadModuleHook(entry, options);
    case "sql": {
      const path = resolve(options.baseDir, entry.file);
      const sql = await readFile(path, "utf8").catch((error: unknown) => {
        throw new HookConfigError(`hook "${entry.name}": cannot read SQL file ${entry.file}`, { cause: error });
      });
      return sqlHook({ ...meta, sql, file: entry.file }) as AnyHookDefinition;
    }
    case "shell": {
      const { timeoutMs, ...rest } = meta;
      return shellHook<HookPhase>({
        ...rest,
        command: entry.command,
        cwd: resolve(options.baseDir, entry.cwd ?? "."),
        ...(timeoutMs === undefined ? {} : { commandTimeoutMs: timeoutMs }),
        ...(entry.env === undefined ? {} : { env: entry.env }),
      }) as AnyHookDefinition;
    }
    case "webhook":
      return webhookHook<HookPhase>({
        ...meta,
        url: entry.url,
        retries: entry.retries,
        ...(entry.retryDelayMs === undefined ? {} : { retryDelayMs: entry.retryDelayMs }),
        ...(entry.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: entry.requestTimeoutMs }),
        ...(entry.headers === undefined ? {} : { headers: entry.headers }),
      }) as AnyHookDefinition;
  }
}

/**
 * Validates a config's hooks section and builds its hooks: inline functions, modules (loaded with
 * `import()`), and the built-in `sql`, `shell` and `webhook` kinds. Disabled entries and entries for
 * other environments are left out. Throws `HookConfigError`.
 */
export async function loadHooksFromConfig(config: unknown, options: LoadHooksOptions): Promise<LoadedHooks> {
  const parsed = parseHooksConfig(config);
  const wanted = parsed.hooks.filter(
    (entry) =>
      entry.enabled &&
      (entry.environments === undefined || options.environment === undefined || entry.environments.includes(options.environment)),
  );
  const hooks = await Promise.all(wanted.map((entry) => loadEntry(entry, options)));
  const loadedOptions: LoadedHooks["options"] = {};
  if (parsed.defaults !== undefined) loadedOptions.defaults = parsed.defaults;
  if (parsed.phases !== undefined) loadedOptions.phases = parsed.phases;
  if (parsed.circuitBreaker !== undefined) loadedOptions.circuitBreaker = parsed.circuitBreaker;
  return { hooks, options: loadedOptions };
}

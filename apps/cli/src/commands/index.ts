import type { TimingSource } from "@confiture/monitoring";
import { loadOptional } from "../optional-package.js";
import type { CommandModule } from "./types.js";

/** The packages whose process-wide `timing` events a command's metrics record. */
type TimingPackage = "linting" | "risk" | "performance";

/**
 * A command as the CLI knows it before loading it: its module is imported only when the command
 * runs (or `--help` lists every command), so `confiture --version` and `confiture lint` never load
 * the database drivers, PGlite, or the statistics and risk packages. `timing` names the packages
 * whose timings its metrics record.
 */
export interface CommandEntry {
  name: string;
  load: () => Promise<CommandModule>;
  timing: readonly TimingPackage[];
  /** The optional peer dependencies it needs (what `npm install` must add for it after a lint-only install). */
  packages: readonly string[];
}

/** Every command of the CLI, in the order `--help` lists them. Each lives in its own file. */
export const commands: readonly CommandEntry[] = [
  {
    name: "preflight",
    load: async () => (await import("./preflight.js")).preflightCommand,
    timing: ["linting", "risk"],
    packages: ["@confiture/risk", "@confiture/migrate", "@confiture/db"],
  },
  {
    name: "lint",
    load: async () => (await import("./lint.js")).lintCommand,
    timing: ["linting"],
    packages: [],
  },
  {
    name: "rules",
    load: async () => (await import("./rules.js")).rulesCommand,
    timing: ["linting"],
    packages: [],
  },
  {
    name: "explain",
    load: async () => (await import("./explain.js")).explainCommand,
    timing: ["linting"],
    packages: [],
  },
  {
    name: "risk",
    load: async () => (await import("./risk.js")).riskCommand,
    timing: ["linting", "risk"],
    packages: ["@confiture/risk", "@confiture/migrate", "@confiture/db"],
  },
  {
    name: "trace",
    load: async () => (await import("./trace.js")).traceCommand,
    timing: ["risk"],
    packages: ["@confiture/risk", "@confiture/migrate", "@confiture/db"],
  },
  {
    name: "calibrate",
    load: async () => (await import("./calibrate.js")).calibrateCommand,
    timing: ["risk"],
    packages: ["@confiture/risk", "@confiture/migrate", "@confiture/db"],
  },
  {
    name: "stats",
    load: async () => (await import("./stats.js")).statsCommand,
    timing: ["risk"],
    packages: ["@confiture/risk", "@confiture/migrate", "@confiture/db"],
  },
  {
    name: "profile",
    load: async () => (await import("./profile.js")).profileCommand,
    timing: ["performance"],
    packages: ["@confiture/performance", "@confiture/db"],
  },
  {
    name: "slo",
    load: async () => (await import("./slo.js")).sloCommand,
    timing: [],
    packages: ["@confiture/monitoring", "@confiture/db"],
  },
  {
    name: "hooks",
    load: async () => (await import("./hooks.js")).hooksCommand,
    timing: [],
    packages: ["@confiture/hooks"],
  },
  {
    name: "migrate",
    load: async () => (await import("./migrate.js")).migrateCommand,
    timing: ["linting", "risk", "performance"],
    packages: ["@confiture/migrate", "@confiture/hooks", "@confiture/risk", "@confiture/performance", "@confiture/db"],
  },
  {
    name: "lsp",
    load: async () => (await import("./lsp.js")).lspCommand,
    timing: ["linting"],
    packages: [],
  },
];

const timingSources: Record<TimingPackage, () => Promise<TimingSource>> = {
  linting: async () => (await import("@confiture/linting")).lintingEvents,
  risk: async () => (await import("@confiture/risk")).riskEvents,
  performance: async () => (await import("@confiture/performance")).performanceEvents,
};

/** The timing event sources of a loaded command (already in memory: the command imported their packages). */
export async function timingSourcesOf(entry: CommandEntry): Promise<TimingSource[]> {
  const sources: TimingSource[] = [];
  for (const name of entry.timing) {
    const source = await loadOptional(timingSources[name]).catch(() => undefined);
    if (source !== undefined) sources.push(source);
  }
  return sources;
}

/**
 * The commands `argv` needs: the one it names, none for a bare `--version`, every one otherwise
 * (`--help`, no command, or an unknown one, so help lists them all and commander can suggest).
 * The global options (`--verbose`, `--version`, `--help`) take no value, so the first argument that
 * is not an option is the command.
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const name = argv.find((argument) => !argument.startsWith("-"));
  const named = commands.find((entry) => entry.name === name);
  if (named !== undefined) return [named];
  if (name === undefined && argv.some((argument) => argument === "-v" || argument === "--version")) return [];
  return commands;
}

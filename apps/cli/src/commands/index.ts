import { profileCommand } from "./profile.js";
import { sloCommand } from "./slo.js";
import { calibrateCommand } from "./calibrate.js";
import { preflightCommand } from "./preflight.js";
import { riskCommand } from "./risk.js";
import { statsCommand } from "./stats.js";
import { traceCommand } from "./trace.js";
import { hooksCommand } from "./hooks.js";
import { lintCommand } from "./lint.js";
import { rulesCommand } from "./rules.js";
import { explainCommand } from "./explain.js";
import { lspCommand } from "./lsp.js";
import { migrateCommand } from "./migrate.js";
import type { CommandModule } from "./types.js";

/** Every command of the CLI, in the order `--help` lists them. Each lives in its own file. */
export const commands: CommandModule[] = [
  preflightCommand,
  lintCommand,
  rulesCommand,
  explainCommand,
  riskCommand,
  traceCommand,
  calibrateCommand,
  statsCommand,
  profileCommand,
  sloCommand,
  hooksCommand,
  migrateCommand,
  lspCommand,
];

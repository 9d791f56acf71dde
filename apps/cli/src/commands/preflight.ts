import { resolve } from "node:path";
import { type Finding, formatFindings, type LintResult } from "@confiture/linting";
import {
  assessRisk,
  blocksWrites,
  formatRiskMarkdown,
  formatRiskText,
  gatherRiskContext,
  levelExceeds,
  type RiskLevel,
  type RiskReport,
  readSnapshot,
  type TraceReport,
} from "@confiture/risk";
import { loadCommandConfig } from "../command-config.js";
import { addCommonOptions, resolveDatabaseUrl, writeJson } from "../common-options.js";
import { announceTarget } from "../database-target.js";
import { ExitCode } from "../errors.js";
import { configuredMigrationsDirectory, displayPath } from "../config/lint-setup.js";
import { requireInputs } from "../inputs.js";
import { cliVersion } from "../version.js";
import {
  configuredPgVersion,
  lintSources,
  type MigrationSource,
  parseLevel,
  readDownSources,
  readMigrationSources,
  riskConfigOf,
  withOptionalDatabase,
} from "./risk.js";
import { parseNewest, selectPending } from "./pending.js";
import { escapeSentence, traceSources } from "./trace.js";
import type { CliRuntime, CommandModule } from "./types.js";

/** The JSON contract of `confiture preflight`. */
export interface PreflightReport {
  directory: string;
  /** Where sizes came from and where the trace ran. */
  database: string;
  traceDatabase: string;
  pending: { version: string | null; file: string }[];
  /** How the pending migrations were chosen. */
  pendingFrom: string;
  lint: { findings: Finding[]; summary: { errors: number; warnings: number; infos: number } };
  trace: TraceReport | null;
  risk: RiskReport | null;
  maxLevel: RiskLevel;
  passed: boolean;
  /** Why it failed, for people. */
  reasons: string[];
}

interface PreflightOptions {
  format: string;
  db?: string;
  config?: string;
  snapshot?: string;
  maxLevel?: string;
  base?: string;
  newest?: string;
  trace: boolean;
}

function countFindings(findings: readonly Finding[]) {
  return {
    errors: findings.filter((finding) => finding.severity === "error" || finding.severity === "critical").length,
    warnings: findings.filter((finding) => finding.severity === "warning").length,
    infos: findings.filter((finding) => finding.severity === "info").length,
  };
}

/**
 * The lint result of the pending files only: every file is linted (the schema model needs the earlier
 * ones), but the findings, files and counts reported are the pending ones, so the text summary, the
 * verdict and the JSON give one count.
 */
function pendingLintResult(result: LintResult, pendingFiles: ReadonlySet<string>): LintResult {
  const findings = result.findings.filter((finding) => pendingFiles.has(finding.file));
  const files = result.files.filter((file) => pendingFiles.has(file.path));
  const statements = files.reduce((sum, file) => sum + file.statements.length, 0);
  return {
    ...result,
    findings,
    files,
    summary: { ...result.summary, ...countFindings(findings), files: files.length, statements },
  };
}

/** Runs lint, trace and risk on the pending migrations of a directory. */
async function runPreflight(directoryArgument: string | undefined, options: PreflightOptions, runtime: CliRuntime) {
  const { io } = runtime;
  const progress = (message: string) => io.stderr.write(`${message}\n`);
  const loaded = await loadCommandConfig(runtime, options);
  const config = riskConfigOf(loaded.config.risk);
  const maxLevel = parseLevel(options.maxLevel, config.maxLevel);
  const directory = directoryArgument ?? displayPath(io.cwd, configuredMigrationsDirectory(loaded));
  const all = await readMigrationSources([resolve(io.cwd, directory)], io);
  requireInputs(all.length, directory, "migrations are named <version>_<name>.up.sql");
  const url = resolveDatabaseUrl(options, io, loaded.config.database?.url);
  const snapshot = options.snapshot === undefined ? undefined : await readSnapshot(resolve(io.cwd, options.snapshot));

  const newest = parseNewest(options.newest);

  return withOptionalDatabase(url, io, async (db) => {
    const selection = await selectPending(all, resolve(io.cwd, directory), { db, snapshot, base: options.base, newest });
    const pending: MigrationSource[] = selection.pending;
    const pendingFiles = new Set(pending.map((source) => source.file));
    progress(`preflight: ${pending.length} pending of ${all.length} migrations in ${directory} (${selection.how})`);

    // Lint every file so the schema model knows the earlier migrations; report only the pending ones.
    progress("linting");
    const downs = await readDownSources(resolve(io.cwd, directory), io);
    const lintResult = pendingLintResult(await lintSources(all, loaded, io, { context: downs }), pendingFiles);
    const { findings } = lintResult;

    let trace: TraceReport | null = null;
    if (options.trace && pending.length > 0) {
      if (options.db !== undefined) {
        announceTarget(runtime, "tracing (every statement rolled back) on", options.db);
        trace = await traceSources(pending, { db: options.db, onProgress: progress }, io);
      } else {
        const applied = all.filter((source) => !pendingFiles.has(source.file));
        trace = await traceSources(pending, { before: applied, onProgress: progress }, io);
      }
    }

    let risk: RiskReport | null = null;
    if (pending.length > 0) {
      progress("assessing risk");
      const context = await gatherRiskContext(pending, { db, snapshot, directory: loaded.directory });
      risk = await assessRisk({
        files: pending,
        ...context,
        findings,
        config,
        earlierFiles: selection.earlierFiles,
        ...configuredPgVersion(loaded, context.inputs),
      });
    }

    const { errors, warnings, infos } = lintResult.summary;
    const summary = { errors, warnings, infos };
    const reasons: string[] = [];
    if (summary.errors > 0) reasons.push(`${summary.errors} lint finding${summary.errors === 1 ? "" : "s"} at error level`);
    for (const item of risk?.unjudged ?? [])
      reasons.push(`${item.file} does not parse (line ${item.line}: ${item.message}): it cannot be judged`);
    if (risk !== null && levelExceeds(risk.level, maxLevel)) reasons.push(`risk ${risk.level} exceeds the maximum ${maxLevel}`);
    const report: PreflightReport = {
      directory,
      database:
        db === undefined ? (snapshot === undefined ? "none (assumptions)" : `snapshot ${options.snapshot}`) : db.displayUrl,
      traceDatabase: trace?.database ?? "not traced",
      pending: pending.map((source) => ({ version: source.version ?? null, file: source.file })),
      pendingFrom: selection.how,
      lint: { findings, summary },
      trace,
      risk,
      maxLevel,
      passed: reasons.length === 0,
      reasons,
    };
    return { report, lintResult };
  });
}

function verdictLine(report: PreflightReport): string {
  return report.passed ? `PASS (risk at most ${report.maxLevel}, no lint errors)` : `FAIL: ${report.reasons.join("; ")}`;
}

function formatText(report: PreflightReport, lintResult: LintResult, runtime: CliRuntime): string {
  const parts = [
    `Preflight of ${report.directory}: ${report.pending.length} pending migration(s), ${report.pendingFrom}; inputs: ${report.database}`,
    "",
  ];
  if (report.pending.length === 0) return `${parts.join("\n")}Nothing to do.\n`;
  parts.push(
    "== Lint",
    formatFindings(lintResult, "text", { color: runtime.io.isTTY, cwd: runtime.io.cwd, toolVersion: cliVersion }).trimEnd(),
    "",
  );
  if (report.trace !== null) {
    const { summary } = report.trace;
    parts.push(
      `== Trace (${report.trace.database}, rolled back)`,
      `${summary.statements} statements: ${summary.agreed} agree with the lock model, ${summary.disagreed} disagree, ${summary.notTraced - summary.notRunEscaping} not run outside a transaction, ${summary.notRunEscaping} not run because a rollback would not undo them, ${summary.failed} failed`,
    );
    for (const statement of report.trace.statements) {
      if (statement.escapes !== undefined && !statement.traced)
        parts.push(
          `  - ${statement.file}:${statement.line} ${statement.kind}: ${escapeSentence(statement, report.trace.database)}`,
        );
      for (const disagreement of statement.disagreements)
        parts.push(`  ! ${statement.file}:${statement.line} ${statement.kind}: ${disagreement}`);
      if (statement.error !== undefined)
        parts.push(`  x ${statement.file}:${statement.line} ${statement.kind}: ${statement.error}`);
    }
    parts.push("");
  }
  if (report.risk !== null) parts.push("== Risk", formatRiskText(report.risk).trimEnd(), "");
  parts.push(verdictLine(report));
  return `${parts.join("\n")}\n`;
}

function formatMarkdown(report: PreflightReport): string {
  const icon = report.passed ? "✅" : "❌";
  const lines = [
    `## ${icon} Confiture preflight: ${verdictLine(report)}`,
    "",
    `${report.pending.length} pending migration(s) in \`${report.directory}\`; inputs: ${report.database}.`,
    "",
  ];
  if (report.pending.length === 0) return `${lines.join("\n")}\n`;
  const { summary } = report.lint;
  lines.push(`### Lint: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos`, "");
  if (report.lint.findings.length > 0) {
    lines.push("| Location | Severity | Rule | Message |", "| --- | --- | --- | --- |");
    for (const finding of report.lint.findings) {
      lines.push(
        `| \`${finding.file}:${finding.line}\` | ${finding.severity} | \`${finding.ruleId}\` | ${finding.message.replaceAll("|", "\\|").replaceAll("\n", " ")} |`,
      );
    }
    lines.push("");
  }
  if (report.trace !== null) {
    const traced = report.trace.summary;
    lines.push(`### Trace: ${traced.agreed} of ${traced.statements} statements agree with the lock model`, "");
    for (const statement of report.trace.statements) {
      if (statement.escapes !== undefined && !statement.traced)
        lines.push(
          `- \`${statement.file}:${statement.line}\` ${statement.kind}: ${escapeSentence(statement, report.trace.database)}`,
        );
      for (const disagreement of statement.disagreements)
        lines.push(`- \`${statement.file}:${statement.line}\` ${statement.kind}: ${disagreement}`);
    }
    lines.push("");
  }
  if (report.risk !== null) lines.push("### Risk", "", formatRiskMarkdown(report.risk));
  return `${lines.join("\n")}\n`;
}

function sarifResult(ruleId: string, level: "error" | "warning" | "note", text: string, file: string, line: number) {
  return {
    ruleId,
    level,
    message: { text },
    locations: [
      { physicalLocation: { artifactLocation: { uri: file.split("\\").join("/") }, region: { startLine: Math.max(1, line) } } },
    ],
  };
}

/**
 * SARIF 2.1.0: the lint run as `confiture lint --format sarif` writes it, plus a second run for the
 * risk level, long write blocks and the trace's disagreements with the lock model.
 */
function formatPreflightSarif(report: PreflightReport, lintResult: LintResult, cwd: string): string {
  const log = JSON.parse(formatFindings(lintResult, "sarif", { cwd, toolVersion: cliVersion })) as { runs: unknown[] };
  const results: ReturnType<typeof sarifResult>[] = [];
  const risk = report.risk;
  if (risk !== null && risk.level !== "LOW") {
    const worst = risk.migrations.reduce((best, migration) =>
      migration.downtime.estimateMs > best.downtime.estimateMs ? migration : best,
    );
    const level = levelExceeds(risk.level, report.maxLevel) ? "error" : risk.level === "MEDIUM" ? "note" : "warning";
    results.push(
      sarifResult(
        "risk-level",
        level,
        `Risk ${risk.level} (score ${risk.score.toFixed(2)}); writes blocked about ${Math.round(risk.downtime.estimateMs)} ms (${Math.round(risk.downtime.lowerMs)} to ${Math.round(risk.downtime.upperMs)} ms, ${risk.downtime.method}).`,
        worst.file,
        1,
      ),
    );
  }
  for (const statement of risk?.statements ?? []) {
    const blocking = statement.locks.find((lock) => blocksWrites(lock.mode));
    if (blocking !== undefined && statement.downtime.estimateMs >= 100) {
      results.push(
        sarifResult(
          "long-write-block",
          "warning",
          `${statement.kind} holds ${blocking.mode} on ${blocking.relation} for about ${Math.round(statement.downtime.estimateMs)} ms (up to ${Math.round(statement.downtime.upperMs)} ms).`,
          statement.file,
          statement.line,
        ),
      );
    }
  }
  for (const statement of report.trace?.statements ?? []) {
    for (const disagreement of statement.disagreements) {
      results.push(sarifResult("lock-model-disagreement", "note", `Trace: ${disagreement}`, statement.file, statement.line));
    }
  }
  log.runs.push({
    tool: {
      driver: {
        name: "confiture-risk",
        version: cliVersion,
        rules: [
          { id: "risk-level", shortDescription: { text: "The migration set's risk level (published formula)" } },
          { id: "long-write-block", shortDescription: { text: "A statement blocks writes for 100 ms or more" } },
          { id: "lock-model-disagreement", shortDescription: { text: "The traced locks differ from the lock model's" } },
        ],
      },
    },
    results,
  });
  return `${JSON.stringify(log, null, 2)}\n`;
}

export const preflightCommand: CommandModule = {
  name: "preflight",
  register(program, runtime: CliRuntime) {
    addCommonOptions(
      program
        .command("preflight")
        .description("everything about the pending migrations: lint, trace, risk and downtime in one report")
        .argument(
          "[directory]",
          "migrations directory (default: the config's migrations.dir, relative to the config file, else migrations)",
        )
        .option("--snapshot <file>", "statistics snapshot from `confiture stats export` (production sizes without access)")
        .option("--max-level <level>", "exit 1 above this risk level (default: the config's risk.maxLevel, else MEDIUM)")
        .option("--base <ref>", "migrations added or changed since this git ref are the pending ones (a pull request's)")
        .option("--newest <n>", "the newest n migrations are the pending ones, every earlier one applied")
        .option("--no-trace", "skip tracing the statements")
        .addHelpText(
          "after",
          `
What is pending: --base <ref> (what the branch adds or changes, per git), else --newest <n>, else
the migrations confiture.migrations does not list on --db (or DATABASE_URL), else the ones a
--snapshot (from \`confiture stats export\`) does not record as applied. With none of these, each
migration is judged as if the ones before it were applied (tables they create have the assumed
sizes): the verdict \`confiture risk <file>\` gives for it. Tables a pending migration creates are
empty for the pending ones after it. Sizes come from the catalog (--db), the snapshot, or the
configured assumptions; the report labels each. The trace runs on embedded PGlite, or on the
database (rolled back) only when --db is given explicitly.
Exit 1 when a lint finding is at error level, a file does not parse (it cannot be judged), or the
risk level exceeds the maximum.

Examples:
  $ confiture preflight migrations/
  $ confiture preflight migrations/ --snapshot prod-stats.json --format markdown > comment.md
  $ confiture preflight migrations/ --base origin/main
  $ confiture preflight --format sarif > preflight.sarif`,
        ),
      ["text", "json", "markdown", "sarif"],
    ).action(async (directory: string | undefined, options: PreflightOptions) => {
      const { report, lintResult } = await runPreflight(directory, options, runtime);
      if (options.format === "json") writeJson(runtime, report);
      else if (options.format === "markdown") runtime.io.stdout.write(formatMarkdown(report));
      else if (options.format === "sarif") runtime.io.stdout.write(formatPreflightSarif(report, lintResult, runtime.io.cwd));
      else runtime.io.stdout.write(formatText(report, lintResult, runtime));
      runtime.exitCode = report.passed ? ExitCode.ok : ExitCode.failure;
    });
  },
};

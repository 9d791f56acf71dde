import {
  analyzeStatement,
  applyStatement,
  cloneSchemaModel,
  closeSession,
  type ColumnTypeLookup,
  createSchemaModel,
  findTable,
  DEFAULT_PG_VERSION,
  loadParser,
  type PgVersion,
  type SchemaModel,
  type StatementAnalysis,
} from "@confiture/sql";
import { loadModule } from "libpg-query";
import { composeLibraries } from "../composition/composer.js";
import { type LintConfig, lintConfigSchema } from "../config.js";
import { LintConfigError } from "../errors.js";
import { lintingEvents } from "../events.js";
import type { Finding, LintSettings } from "../types.js";
import { FileRulesResolver } from "./file-rules.js";
import { describeMigrations } from "../layouts/describe.js";
import { orderFiles, type SourceFile } from "./file-order.js";
import { lintFile, type FileOutcome } from "./lint-file.js";
import { finishFindings } from "./finish.js";
import { RuleRunner, type RunCursor } from "./rule-runner.js";
import type { LintOptions, LintResult } from "./types.js";

/** Runner settings by default: the safe value of each known false-positive source. */
export const DEFAULT_LINT_SETTINGS: LintSettings = {
  runnerWrapsInTransaction: true,
  runnerSetsLockTimeout: false,
  runnerSetsStatementTimeout: false,
  runnerDetectsNonTransactional: false,
};

/** Parses the `lint` section; errors name the key path. */
export function parseLintConfig(input: unknown, prefix = "lint"): LintConfig {
  const parsed = lintConfigSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${[prefix, ...issue.path.map(String)].join(".")}: ${issue.message}`);
  throw new LintConfigError(`invalid configuration:\n  ${lines.join("\n  ")}`);
}

/**
 * Lints migration files: replays them in order into one schema model and runs every enabled rule
 * on each statement, at the end of each file, once on the final model, and live when a database
 * is given. Syntax errors and rule crashes are findings; nothing the files contain makes it throw.
 * Only configuration mistakes throw (unknown or removed rules, conflicts resolved with `error`).
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const started = performance.now();
  await Promise.all([loadParser(), loadModule()]);
  const config = parseLintConfig(options.config);
  const composition =
    options.composition ??
    composeLibraries({
      libraries: options.libraries ?? [],
      rules: config.rules,
      preset: config.preset,
      ...(config.conflictResolution === undefined ? {} : { conflictResolution: config.conflictResolution }),
    });
  const pgVersion: PgVersion = options.pgVersion ?? (config.pgVersion as PgVersion | undefined) ?? DEFAULT_PG_VERSION;
  const settings: LintSettings = { ...DEFAULT_LINT_SETTINGS, ...config.settings, ...options.settings };
  const resolver = new FileRulesResolver(composition.rules, config.overrides, settings);
  const described = describeMigrations(options.files, config.runner === undefined ? {} : { runner: config.runner });
  const { steps, orphanDowns } = orderFiles(described);
  const ordered: SourceFile[] = [];
  // Loops rather than spreads: the number of files has no bound, and spread arguments live on the stack.
  for (const step of steps) {
    ordered.push(step.file);
    for (const down of step.downs) ordered.push(down);
  }
  for (const down of orphanDowns) ordered.push(down);

  const findings: Finding[] = [];
  for (const finding of options.inputFindings ?? []) findings.push(finding);
  const model = options.schema === undefined ? createSchemaModel() : cloneSchemaModel(options.schema);
  const cursor: RunCursor = {
    file: ordered[0]?.path ?? "",
    schema: model,
    pgVersion,
    settings,
    statement: undefined,
    files: [...new Set([...(options.knownFiles ?? []), ...ordered.map((file) => file.path)])],
    migration: undefined,
  };
  const runners = composition.rules
    .filter((composed) => !composed.shadowed)
    .map((composed) => new RuleRunner(composed, cursor, resolver, findings, options.timing === true));
  const columnType: ColumnTypeLookup = (relation, column) => {
    const found = findTable(cursor.schema, relation)?.columns.get(column);
    return found === undefined ? undefined : { name: found.type, modifiers: found.typeModifiers, isArray: found.isArray };
  };
  const analyze = (statement: Parameters<typeof analyzeStatement>[0]): StatementAnalysis =>
    analyzeStatement(statement, { pgVersion, columnType });
  const outcomes: FileOutcome[] = [];
  const run = (file: SourceFile, schema: SchemaModel, replay: boolean) => {
    cursor.schema = schema;
    outcomes.push(
      lintFile({ file, cursor, runners, resolver, findings, analyze, apply: replay ? applyStatement : undefined, closeSession }),
    );
  };
  for (const step of steps) {
    run(step.file, model, true);
    for (const down of step.downs) run(down, cloneSchemaModel(model), false);
  }
  for (const down of orphanDowns) run(down, cloneSchemaModel(model), false);

  cursor.schema = model;
  cursor.statement = undefined;
  cursor.migration = undefined;
  // Whole-set findings (final model, live database) go to the newest file asked about: with context
  // replay the newest file linted may be one read only for its schema, whose findings are not reported.
  if (options.reportOn !== undefined) {
    const asked = new Set(options.reportOn);
    const newestAsked = ordered.filter((file) => asked.has(file.path)).at(-1);
    if (newestAsked !== undefined) cursor.file = newestAsked.path;
  }
  for (const runner of runners) {
    const schemaEnd = runner.listener?.schemaEnd;
    if (runner.active && schemaEnd !== undefined && resolver.enabledAnywhere(runner.composed))
      runner.invoke(() => schemaEnd(model));
  }
  if (options.database !== undefined) {
    const database = options.database;
    for (const runner of runners) {
      const live = runner.listener?.live;
      if (runner.active && live !== undefined && resolver.enabledAnywhere(runner.composed))
        await runner.invokeAsync(() => live(database));
    }
  }
  // Input findings name files that were never linted: they are reported whatever `reportOn` says.
  const reportOn =
    options.reportOn === undefined
      ? undefined
      : new Set([...options.reportOn, ...(options.inputFindings ?? []).map((finding) => finding.file)]);
  const result = finishFindings({
    findings,
    outcomes,
    composition,
    config,
    ordered,
    ...(reportOn === undefined ? {} : { reportOn }),
  });
  const durationMs = performance.now() - started;
  lintingEvents.emit("timing", { operation: "lint", durationMs });
  const timings =
    options.timing === true
      ? runners
          .map((runner) => ({ rule: runner.composed.id, library: runner.composed.library, ms: runner.elapsedMs }))
          .sort((left, right) => right.ms - left.ms)
      : undefined;
  return { ...result, summary: { ...result.summary, durationMs }, ...(timings === undefined ? {} : { timings }) };
}

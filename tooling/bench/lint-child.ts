import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import {
  defineLibrary,
  defineRule,
  general,
  type Library,
  type LintResult,
  lint,
  type Rule,
  type RuleListener,
} from "@confiture/linting";
import { analyzeParsedFile, loadParser, type PgVersion, parseSqlSync } from "@confiture/sql";
import { allGeneralRules, type ChildFinding, type ChildResult, type LintJob } from "./lint-job.js";

/** The general library with each listener timed, to see which rules the time goes to. */
function instrumented(perRuleMs: Record<string, number>): Library {
  const timed =
    <T extends unknown[], R>(id: string, method: (...values: T) => R) =>
    (...values: T): R => {
      const started = performance.now();
      try {
        return method(...values);
      } finally {
        perRuleMs[id] = (perRuleMs[id] ?? 0) + performance.now() - started;
      }
    };
  const rules = Object.values(general.rules).map((rule: Rule) =>
    defineRule({
      ...rule,
      create(context) {
        const listener = timed(rule.id, rule.create)(context);
        const wrapped: RuleListener = {};
        if (listener.statement) wrapped.statement = timed(rule.id, listener.statement.bind(listener));
        if (listener.fileEnd) wrapped.fileEnd = timed(rule.id, listener.fileEnd.bind(listener));
        if (listener.schemaEnd) wrapped.schemaEnd = timed(rule.id, listener.schemaEnd.bind(listener));
        if (listener.live) wrapped.live = listener.live.bind(listener);
        return wrapped;
      },
    }),
  );
  return defineLibrary({ name: general.name, version: general.version, rules });
}

/** CPU time (user + system) since `since`, in ms. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const mebibytes = () => process.resourceUsage().maxRSS / 1024;

/**
 * Child process of the `lint-vs-squawk` benchmark: lints one corpus with every general rule and
 * writes its measures and findings as JSON, so the parent reads this process's peak memory alone.
 * Usage: lint-child.ts <job.json>, where the job is a {@link LintJob}.
 */
async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LintJob;
  const files = job.files.map((path) => ({ path: relative(job.directory, path), source: readFileSync(path, "utf8") }));
  const pgVersion = job.pgVersion as PgVersion;
  const config = { rules: allGeneralRules() };
  const libraries = [general];
  await loadParser();
  const baselineRssMiB = mebibytes();
  // Warm-up on a few files: the WebAssembly parser and the JIT, as in a long CLI run.
  await lint({ files: files.slice(0, 5), libraries, config, pgVersion });

  const lintRunsMs: number[] = [];
  const lintRunsCpuMs: number[] = [];
  let result: LintResult | undefined;
  let peakRssAfterFirstLintMiB = 0;
  for (let run = 0; run < job.runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    result = await lint({ files, libraries, config, pgVersion });
    lintRunsMs.push(performance.now() - started);
    lintRunsCpuMs.push(cpuMs(cpu));
    if (run === 0) peakRssAfterFirstLintMiB = mebibytes();
  }
  let cpu = process.cpuUsage();
  const started = performance.now();
  for (const file of files) analyzeParsedFile(parseSqlSync(file.source, { file: file.path }));
  const parseAnalyseMs = performance.now() - started;
  const parseAnalyseCpuMs = cpuMs(cpu);
  cpu = process.cpuUsage();
  const engineStarted = performance.now();
  await lint({ files, libraries: [], pgVersion });
  const engineOnlyMs = performance.now() - engineStarted;
  const engineOnlyCpuMs = cpuMs(cpu);
  // One pass with timed listeners, in squawk's default mode (no transaction unless the file says
  // BEGIN): it gives where the rules' time goes and the findings of that mode, sparing a pass.
  const perRuleMs: Record<string, number> = {};
  cpu = process.cpuUsage();
  const instrumentedStarted = performance.now();
  const unwrappedResult = await lint({
    files,
    libraries: [instrumented(perRuleMs)],
    config,
    pgVersion,
    settings: { runnerWrapsInTransaction: false },
  });
  const instrumentedMs = performance.now() - instrumentedStarted;
  const instrumentedCpuMs = cpuMs(cpu);

  const wrappedResult = result!;
  const equivalents: Record<string, string> = {};
  for (const rule of wrappedResult.rules) {
    const squawk = rule.meta.equivalents?.squawk;
    if (squawk !== undefined && rule.enabled) equivalents[rule.id] = squawk;
  }
  const keep = (lintResult: LintResult): ChildFinding[] =>
    lintResult.findings
      .filter((finding) => equivalents[finding.ruleId] !== undefined)
      .map(({ file, line, endLine, ruleId }) => ({ file, line, endLine, ruleId }));
  const output: ChildResult = {
    rules: wrappedResult.rules.filter((rule) => rule.enabled).length,
    statements: wrappedResult.summary.statements,
    findings: wrappedResult.findings.length,
    parseAnalyseMs,
    parseAnalyseCpuMs,
    engineOnlyMs,
    engineOnlyCpuMs,
    lintRunsMs,
    lintRunsCpuMs,
    instrumentedMs,
    instrumentedCpuMs,
    perRuleMs,
    baselineRssMiB,
    peakRssAfterFirstLintMiB,
    peakRssMiB: mebibytes(),
    equivalents,
    wrapped: keep(wrappedResult),
    unwrapped: keep(unwrappedResult),
    statementsByFile: Object.fromEntries(
      wrappedResult.files.map((file) => [
        file.path,
        file.statements.map(({ line, endLine, kind, text }) => ({ line, endLine, kind, text })),
      ]),
    ),
  };
  writeFileSync(job.output, JSON.stringify(output));
}

await main();

import { relative } from "node:path";
import type { ChildFinding, ChildResult } from "./lint-job.js";

/** One finding of `squawk --reporter json`. Its `line` is 0-based (line 0 is the file's first line). */
export interface SquawkFinding {
  file: string;
  line: number;
  rule_name: string;
  message: string;
}

/** A group of differences: same direction, squawk rule and statement kind. */
export interface DifferenceGroup {
  key: string;
  corpus: string;
  mode: string;
  direction: "squawk only" | "confiture only" | "other line" | "other statement";
  squawkRule: string;
  kind: string;
  count: number;
  examples: string[];
}

/** Agreement of one corpus in one mode. */
export interface Agreement {
  squawkFindings: number;
  sameLine: number;
  sameStatement: number;
  perRule: Record<string, { squawk: number; sameLine: number; sameStatement: number }>;
  differences: DifferenceGroup[];
}

type Statement = ChildResult["statementsByFile"][string][number];

/** The statement of `file` that covers 1-based `line`, if any (comments between statements belong to none). */
function statementAt(statements: readonly Statement[] | undefined, line: number): Statement | undefined {
  return statements?.find((statement) => statement.line <= line && line <= statement.endLine);
}

function shorten(text: string): string {
  const flat = text.split(/\s+/).join(" ");
  return flat.length > 140 ? `${flat.slice(0, 137)}...` : flat;
}

/**
 * Squawk's findings (for squawk rules some enabled confiture rule declares as its equivalent)
 * that confiture reports with an equivalent rule at the same file and line, and at the same
 * statement (squawk points at the offending node inside a multi-line statement, confiture often at
 * the statement's first line). Also the confiture findings squawk has no counterpart for.
 */
export function agreement(options: {
  corpus: string;
  mode: string;
  directory: string;
  squawk: readonly SquawkFinding[];
  confiture: readonly ChildFinding[];
  child: ChildResult;
}): Agreement {
  const { child } = options;
  const rulesBySquawk = new Map<string, string[]>();
  for (const [rule, squawk] of Object.entries(child.equivalents))
    rulesBySquawk.set(squawk, [...(rulesBySquawk.get(squawk) ?? []), rule]);
  const ours = new Map<string, ChildFinding[]>();
  for (const finding of options.confiture) ours.set(finding.file, [...(ours.get(finding.file) ?? []), finding]);
  const usedByStatement = new Set<ChildFinding>();
  const perRule: Agreement["perRule"] = {};
  const groups = new Map<string, DifferenceGroup>();
  const note = (
    direction: DifferenceGroup["direction"],
    squawkRule: string,
    statement: Statement | undefined,
    example: string,
  ) => {
    const kind = statement?.kind ?? "(no statement)";
    const key = `${direction}|${squawkRule}|${kind}`;
    const group = groups.get(`${options.corpus}|${options.mode}|${key}`) ?? {
      key,
      corpus: options.corpus,
      mode: options.mode,
      direction,
      squawkRule,
      kind,
      count: 0,
      examples: [],
    };
    group.count++;
    if (group.examples.length < 2) group.examples.push(`${example}: \`${shorten(statement?.text ?? "")}\``);
    groups.set(`${options.corpus}|${options.mode}|${key}`, group);
  };
  const squawkOnly: Array<{ file: string; line: number; rule: string; statement: Statement | undefined }> = [];
  let sameLine = 0;
  let sameStatement = 0;
  let squawkFindings = 0;
  for (const finding of options.squawk) {
    const rules = rulesBySquawk.get(finding.rule_name);
    if (rules === undefined) continue;
    squawkFindings++;
    const file = relative(options.directory, finding.file);
    const line = finding.line + 1;
    const statements = child.statementsByFile[file];
    const statement = statementAt(statements, line);
    const candidates = (ours.get(file) ?? []).filter((candidate) => rules.includes(candidate.ruleId));
    const entry = perRule[finding.rule_name] ?? { squawk: 0, sameLine: 0, sameStatement: 0 };
    perRule[finding.rule_name] = entry;
    entry.squawk++;
    const exact = candidates.find((candidate) => candidate.line === line);
    const near =
      exact ?? candidates.find((candidate) => statement !== undefined && statementAt(statements, candidate.line) === statement);
    if (exact !== undefined) {
      sameLine++;
      entry.sameLine++;
    }
    if (near !== undefined) {
      sameStatement++;
      entry.sameStatement++;
      for (const candidate of candidates)
        if (statementAt(statements, candidate.line) === statement || candidate.line === line) usedByStatement.add(candidate);
      if (exact === undefined) note("other line", finding.rule_name, statement, `${file}:${line} (confiture: ${near.line})`);
    } else squawkOnly.push({ file, line, rule: finding.rule_name, statement });
  }
  const confitureOnly = options.confiture.filter((finding) => !usedByStatement.has(finding));
  // squawk reports some rules once per file (require-lock-timeout, require-statement-timeout) at the
  // first statement it deems slow; pair those with confiture's finding of the same rule in the file.
  for (const missed of squawkOnly) {
    const index = confitureOnly.findIndex(
      (candidate) => candidate.file === missed.file && child.equivalents[candidate.ruleId] === missed.rule,
    );
    if (index === -1) {
      note("squawk only", missed.rule, missed.statement, `${missed.file}:${missed.line}`);
      continue;
    }
    const [paired] = confitureOnly.splice(index, 1);
    note("other statement", missed.rule, missed.statement, `${missed.file}:${missed.line} (confiture: ${paired!.line})`);
  }
  for (const finding of confitureOnly) {
    const statement = statementAt(child.statementsByFile[finding.file], finding.line);
    note("confiture only", child.equivalents[finding.ruleId]!, statement, `${finding.file}:${finding.line} (${finding.ruleId})`);
  }
  const differences = [...groups.values()].sort((left, right) => left.key.localeCompare(right.key));
  return { squawkFindings, sameLine, sameStatement, perRule, differences };
}

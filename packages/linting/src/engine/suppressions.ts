import type { Finding } from "../types.js";
import type { Directive } from "./directives.js";

type IgnoreDirective = Exclude<Directive, { kind: "transaction" }>;

/** What the suppression step needs to know about a finding's rule. */
export interface SuppressionLookup {
  /** The squawk rule the finding's rule is equivalent to. */
  squawkEquivalent(finding: Finding): string | undefined;
  /** The first line of the statement the finding is about, when it is about one. */
  statementLine(finding: Finding): number | undefined;
}

/** A suppression that matched nothing: the directive and the name in it (undefined for "all rules"). */
export interface UnusedSuppression {
  directive: IgnoreDirective;
  name: string | undefined;
}

/** Rules of the engine itself; syntax and rule crashes cannot be silenced by comments. */
export const CORE_RULES = new Set(["parse-error", "rule-error", "unused-suppression", "input-error"]);

function nameMatches(directive: IgnoreDirective, name: string, finding: Finding, lookup: SuppressionLookup): boolean {
  if (directive.source === "squawk") return lookup.squawkEquivalent(finding) === name;
  return finding.ruleId === name || `${finding.library}/${finding.ruleId}` === name;
}

function covers(directive: IgnoreDirective, finding: Finding, lookup: SuppressionLookup): boolean {
  if (
    directive.kind === "ignore-next-line" &&
    finding.line !== directive.line &&
    lookup.statementLine(finding) !== directive.line
  ) {
    return false;
  }
  return directive.source === "confiture" || lookup.squawkEquivalent(finding) !== undefined;
}

/**
 * Drops the findings that `confiture-ignore-*` or `squawk-ignore*` comments suppress, and lists
 * the suppressions that suppressed nothing.
 */
export function applySuppressions(
  findings: readonly Finding[],
  directives: readonly Directive[],
  lookup: SuppressionLookup,
): { kept: Finding[]; unused: UnusedSuppression[] } {
  const ignores = directives.filter((directive): directive is IgnoreDirective => directive.kind !== "transaction");
  if (ignores.length === 0) return { kept: [...findings], unused: [] };
  const used = new Map<IgnoreDirective, Set<string | undefined>>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    let suppressed = false;
    if (!CORE_RULES.has(finding.ruleId)) {
      for (const directive of ignores) {
        if (!covers(directive, finding, lookup)) continue;
        const names =
          directive.rules.length === 0
            ? [undefined]
            : directive.rules.filter((name) => nameMatches(directive, name, finding, lookup));
        if (names.length === 0) continue;
        suppressed = true;
        const set = used.get(directive) ?? new Set();
        for (const name of names) set.add(name);
        used.set(directive, set);
      }
    }
    if (!suppressed) kept.push(finding);
  }
  const unused: UnusedSuppression[] = [];
  for (const directive of ignores) {
    const names = directive.rules.length === 0 ? [undefined] : directive.rules;
    for (const name of names) if (!used.get(directive)?.has(name)) unused.push({ directive, name });
  }
  return { kept, unused };
}

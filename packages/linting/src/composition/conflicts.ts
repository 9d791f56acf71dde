import type { ConflictResolution } from "../config.js";
import { CompositionConflictError } from "../errors.js";
import type { ComposedRule, ConflictKind, ConflictRecord, RuleReference } from "./types.js";

function reference(composed: ComposedRule): RuleReference {
  return { rule: composed.id, library: composed.library };
}

function label(composed: ComposedRule): string {
  return `${composed.library}/${composed.id}`;
}

/**
 * Resolves one conflict between rules (given in composition order). `prefer-first` keeps the rule
 * added first and disables the others, `prefer-last` the reverse, `warn` keeps all and records it,
 * `error` throws.
 */
export function resolveConflict(
  kind: ConflictKind,
  rules: ComposedRule[],
  resolution: ConflictResolution,
  detail: string,
): ConflictRecord {
  const ordered = [...rules].sort((left, right) => left.order - right.order);
  const names = ordered.map(label).join(", ");
  if (resolution === "error") {
    throw new CompositionConflictError(
      `${kind} conflict between ${names}: ${detail}. Disable one of them in "rules", or set ` +
        `conflictResolution.${kind} to "prefer-first", "prefer-last" or "warn"`,
    );
  }
  let winner: ComposedRule | undefined;
  if (resolution === "prefer-first") winner = ordered[0];
  if (resolution === "prefer-last") winner = ordered[ordered.length - 1];
  if (winner !== undefined) {
    for (const composed of ordered) {
      if (composed === winner) continue;
      composed.enabled = false;
      composed.shadowed = true;
    }
  }
  return { kind, rules: ordered.map(reference), resolution, winner: winner === undefined ? null : reference(winner), detail };
}

/** Groups rules with the same id from different libraries. */
export function findDuplicates(rules: readonly ComposedRule[]): ComposedRule[][] {
  const byId = new Map<string, ComposedRule[]>();
  for (const composed of rules) {
    const group = byId.get(composed.id) ?? [];
    group.push(composed);
    byId.set(composed.id, group);
  }
  return [...byId.values()].filter((group) => group.length > 1);
}

/** Pairs of enabled rules where one declares it cannot run with the other (`meta.conflictsWith`). */
export function findIncompatible(rules: readonly ComposedRule[]): Array<{ pair: [ComposedRule, ComposedRule]; detail: string }> {
  const pairs: Array<{ pair: [ComposedRule, ComposedRule]; detail: string }> = [];
  const seen = new Set<string>();
  for (const composed of rules) {
    for (const otherId of composed.rule.meta.conflictsWith ?? []) {
      for (const other of rules) {
        if (other === composed || (other.id !== otherId && `${other.library}/${other.id}` !== otherId)) continue;
        const key = [label(composed), label(other)].sort().join("|");
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push({ pair: [composed, other], detail: `${label(composed)} declares it conflicts with ${otherId}` });
      }
    }
  }
  return pairs;
}

function controlKeys(composed: ComposedRule): string[] {
  return (composed.rule.meta.compliance ?? []).map(
    (control) => `${control.framework.trim().toLowerCase()} ${control.control.trim().toLowerCase()}`,
  );
}

/**
 * Pairs of enabled rules from different libraries that cover the same squawk rule or the same
 * compliance control. Rules of one library may share a control on purpose, so only pairs across
 * libraries count.
 */
export function findOverlaps(rules: readonly ComposedRule[]): Array<{ pair: [ComposedRule, ComposedRule]; detail: string }> {
  const pairs: Array<{ pair: [ComposedRule, ComposedRule]; detail: string }> = [];
  for (let i = 0; i < rules.length; i++) {
    const left = rules[i]!;
    const leftControls = controlKeys(left);
    const leftSquawk = left.rule.meta.equivalents?.squawk;
    for (let j = i + 1; j < rules.length; j++) {
      const right = rules[j]!;
      if (right.library === left.library) continue;
      const rightSquawk = right.rule.meta.equivalents?.squawk;
      if (leftSquawk !== undefined && leftSquawk === rightSquawk) {
        pairs.push({ pair: [left, right], detail: `both cover squawk's ${leftSquawk}` });
        continue;
      }
      const shared = controlKeys(right).find((key) => leftControls.includes(key));
      if (shared !== undefined) pairs.push({ pair: [left, right], detail: `both cover the control ${shared}` });
    }
  }
  return pairs;
}

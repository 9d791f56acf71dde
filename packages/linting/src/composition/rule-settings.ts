import type { RuleLevel, RuleSetting } from "../config.js";
import { isRemovedIn } from "../define-library.js";
import { RemovedRuleError, RuleOptionsError, UnknownRuleError } from "../errors.js";
import type { Severity } from "../types.js";
import type { ComposedRule } from "./types.js";

/** Maps a config level to a severity (`off` to undefined). */
export function levelToSeverity(level: RuleLevel): Severity | undefined {
  if (level === "off") return undefined;
  return level === "warn" ? "warning" : level;
}

/** The object schema under wrappers (default, optional, nullable...), or undefined when there is none. */
function objectShapeOf(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as { def?: { type?: string; innerType?: unknown; shape?: Record<string, unknown>; catchall?: unknown } };
  for (let depth = 0; depth < 8 && current?.def !== undefined; depth++) {
    const { def } = current;
    if (def.type === "object") {
      // A catchall (passthrough or an explicit one) is the author saying that extra keys are fine.
      const catchallType = (def.catchall as { def?: { type?: string } } | undefined)?.def?.type;
      return catchallType === undefined || catchallType === "never" ? def.shape : undefined;
    }
    if (def.innerType === undefined) return undefined;
    current = def.innerType as typeof current;
  }
  return undefined;
}

/**
 * Keys of a plain-object value that the rule's (non-passthrough) object schema does not declare.
 * zod strips them silently, which turns a misspelt option into the default without a word.
 */
function unknownOptionKeys(schema: unknown, value: unknown): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const shape = objectShapeOf(schema);
  if (shape === undefined) return [];
  return Object.keys(value).filter((key) => !Object.hasOwn(shape, key));
}

/** Parses options with the rule's schema; an absent value falls back to `{}` so object defaults apply. */
export function parseRuleOptions(composed: Pick<ComposedRule, "id" | "rule">, value: unknown): unknown {
  const schema = composed.rule.meta.options;
  if (schema === undefined) return value;
  const unknown = unknownOptionKeys(schema, value);
  if (unknown.length > 0) {
    const known = Object.keys(objectShapeOf(schema) ?? {});
    throw new RuleOptionsError(
      composed.id,
      `unknown option${unknown.length > 1 ? "s" : ""} ${unknown.map((key) => `"${key}"`).join(", ")} ` +
        `(the rule takes ${known.length > 0 ? known.map((key) => `"${key}"`).join(", ") : "no options"})`,
    );
  }
  const first = schema.safeParse(value);
  if (first.success) return first.data;
  if (value === undefined) {
    const fallback = schema.safeParse({});
    if (fallback.success) return fallback.data;
  }
  const detail = first.error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
    .join("; ");
  throw new RuleOptionsError(composed.id, detail);
}

/**
 * A rule's options when the config gives none (the rule is on by default, or set with a bare level):
 * its schema's defaults, so `context.options` is never undefined when the schema can fill it.
 */
export function defaultRuleOptions(composed: Pick<ComposedRule, "rule">): unknown {
  const schema = composed.rule.meta.options;
  if (schema === undefined) return undefined;
  const absent = schema.safeParse(undefined);
  if (absent.success) return absent.data;
  const empty = schema.safeParse({});
  return empty.success ? empty.data : undefined;
}

/** The effective state of a rule after one setting. */
export interface RuleState {
  enabled: boolean;
  severity: Severity;
  options: unknown;
}

/** Applies one config setting to a rule's state. Enabling a removed rule throws with its migration path. */
export function applyRuleSetting(composed: ComposedRule, state: RuleState, setting: RuleSetting): RuleState {
  const [level, options] = typeof setting === "string" ? [setting, undefined] : setting;
  const severity = levelToSeverity(level);
  if (severity === undefined) return { ...state, enabled: false };
  const removed = composed.rule.meta.removed;
  if (removed !== undefined && isRemovedIn(composed.rule, composed.libraryVersion)) {
    throw new RemovedRuleError(composed.id, composed.library, removed.in, removed.migrationPath);
  }
  return {
    enabled: true,
    severity,
    options: typeof setting === "string" ? state.options : parseRuleOptions(composed, options),
  };
}

/** Finds the rules a config key names: `id`, or `library/id`. Throws with a suggestion when none does. */
export function matchRules(rules: readonly ComposedRule[], key: string): ComposedRule[] {
  const exact = rules.filter((composed) => composed.id === key);
  if (exact.length > 0) return exact;
  const qualified = rules.filter((composed) => `${composed.library}/${composed.id}` === key);
  if (qualified.length > 0) return qualified;
  throw new UnknownRuleError(key, closest(key, [...new Set(rules.map((composed) => composed.id))]));
}

function closest(key: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(key.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

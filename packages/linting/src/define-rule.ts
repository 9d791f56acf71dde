import semver from "semver";
import type { z } from "zod";
import { RuleDefinitionError } from "./errors.js";
import type { RuleContext, RuleListener, RuleMeta, Severity } from "./types.js";

const ruleMarker = Symbol.for("confiture.linting.rule");

/** Severities, weakest first. */
export const SEVERITIES: readonly Severity[] = ["info", "warning", "error", "critical"];

/** What a rule author writes. `Options` is inferred from `meta.options`, message ids from `meta.messages`. */
export interface RuleDefinition<Options extends z.ZodType = z.ZodType, MessageIds extends string = string> {
  /** kebab-case, optionally namespaced with `/` (`hipaa/phi-requires-rls`). */
  id: string;
  /** The rule's own semver version. */
  version: string;
  meta: RuleMeta<Options, MessageIds>;
  create(context: RuleContext<z.output<Options>, MessageIds>): RuleListener;
}

/** A rule checked by `defineRule`. */
export interface Rule<Options extends z.ZodType = z.ZodType, MessageIds extends string = string>
  extends RuleDefinition<Options, MessageIds> {
  readonly [ruleMarker]: true;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

function check(condition: boolean, id: string, problem: string): void {
  if (!condition) throw new RuleDefinitionError(`rule "${id}": ${problem}`);
}

/**
 * Defines a rule. Validates its id, semver version, severity, message templates and version
 * metadata at definition time, so a broken rule fails when its library loads, not mid-run.
 */
export function defineRule<Options extends z.ZodType = z.ZodUndefined, const MessageIds extends string = string>(
  definition: RuleDefinition<Options, MessageIds>,
): Rule<Options, MessageIds> {
  const { id, version, meta } = definition;
  check(typeof id === "string" && idPattern.test(id), String(id), "id must be kebab-case (optionally namespaced with /)");
  check(semver.valid(version) !== null, id, `version "${version}" is not a semver version`);
  check(SEVERITIES.includes(meta.severity), id, `severity "${meta.severity}" is not one of ${SEVERITIES.join(", ")}`);
  check(typeof meta.description === "string" && meta.description.length > 0, id, "meta.description is required");
  check(Object.keys(meta.messages).length > 0, id, "meta.messages needs at least one message");
  if (meta.deprecated) check(semver.valid(meta.deprecated.since) !== null, id, "meta.deprecated.since must be a semver version");
  if (meta.removed) {
    check(semver.valid(meta.removed.in) !== null, id, "meta.removed.in must be a semver version");
    check(meta.removed.migrationPath.length > 0, id, "meta.removed.migrationPath must say what to use instead");
  }
  check(typeof definition.create === "function", id, "create must be a function");
  const rule = { ...definition } as Rule<Options, MessageIds>;
  Object.defineProperty(rule, ruleMarker, { value: true, enumerable: false });
  return Object.freeze(rule);
}

/** True for a rule made by `defineRule`, even by another copy of this package. */
export function isRule(value: unknown): value is Rule {
  return typeof value === "object" && value !== null && ruleMarker in value;
}

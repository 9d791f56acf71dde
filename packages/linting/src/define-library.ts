import semver from "semver";
import { defineRule, isRule, type Rule, type RuleDefinition } from "./define-rule.js";
import { ENGINE_VERSION } from "./engine-version.js";
import { EngineIncompatibleError, LibraryDefinitionError } from "./errors.js";

const libraryMarker = Symbol.for("confiture.linting.library");

/** What a library author writes. */
export interface LibraryDefinition {
  /** Short name shown in findings: `general`, `hipaa`, or a plugin's own. */
  name: string;
  /** The library's semver version. */
  version: string;
  /** The rule-engine range the library needs, e.g. `^1`. */
  engine?: string;
  description?: string;
  /** Rules as an alphabetical map (`src/rules/index.ts`) or a list. */
  rules: Record<string, Rule> | readonly Rule[];
  /**
   * Where a rule's documentation is when its `meta.docs` does not say: usually `ruleReadmes(packageRoot)`,
   * the README each rule folder ships in the package, so the docs work offline and match the installed version.
   */
  docs?: (ruleId: string) => string | undefined;
}

/** A library checked by `defineLibrary`: rules keyed by id, `recommended` computed from rule meta. */
export interface Library {
  readonly name: string;
  readonly version: string;
  readonly engine: string;
  readonly description?: string;
  readonly rules: Readonly<Record<string, Rule>>;
  /** Ids of the rules on by default: `meta.recommended`, else every rule neither deprecated nor removed. */
  readonly recommended: readonly string[];
  /** Where a rule's documentation is when its `meta.docs` does not say. */
  readonly docs?: (ruleId: string) => string | undefined;
}

/** Whether a rule is on by default in its library. */
export function isRecommended(rule: Rule, libraryVersion: string): boolean {
  if (isRemovedIn(rule, libraryVersion)) return false;
  return rule.meta.recommended ?? rule.meta.deprecated === undefined;
}

/** A rule is removed once its library reaches the version `meta.removed.in`. */
export function isRemovedIn(rule: Rule, libraryVersion: string): boolean {
  return rule.meta.removed !== undefined && semver.gte(libraryVersion, rule.meta.removed.in);
}

/** Refuses a library whose engine range does not include this engine. */
export function assertEngineCompatible(library: Pick<Library, "name" | "engine">): void {
  if (!semver.satisfies(ENGINE_VERSION, library.engine)) {
    throw new EngineIncompatibleError(library.name, library.engine, ENGINE_VERSION);
  }
}

/** Defines a rule library. Checks names and semver, refuses an incompatible engine range. */
export function defineLibrary(definition: LibraryDefinition): Library {
  const { name, version } = definition;
  const engine = definition.engine ?? `^${semver.major(ENGINE_VERSION)}`;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new LibraryDefinitionError(`library name "${name}" must be short kebab-case`);
  if (semver.valid(version) === null) throw new LibraryDefinitionError(`library "${name}": version "${version}" is not semver`);
  if (semver.validRange(engine) === null)
    throw new LibraryDefinitionError(`library "${name}": engine "${engine}" is not a semver range`);
  assertEngineCompatible({ name, engine });
  const list = Array.isArray(definition.rules) ? definition.rules : Object.values(definition.rules);
  const rules: Record<string, Rule> = {};
  for (const rule of list as Rule[]) {
    if (!isRule(rule)) throw new LibraryDefinitionError(`library "${name}": every rule must be made with defineRule`);
    if (rules[rule.id] !== undefined) throw new LibraryDefinitionError(`library "${name}": two rules have the id "${rule.id}"`);
    rules[rule.id] = rule;
  }
  const recommended = Object.values(rules)
    .filter((rule) => isRecommended(rule, version))
    .map((rule) => rule.id)
    .sort();
  const library: Library = {
    name,
    version,
    engine,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    ...(definition.docs === undefined ? {} : { docs: definition.docs }),
    rules: Object.freeze(rules),
    recommended: Object.freeze(recommended),
  };
  Object.defineProperty(library, libraryMarker, { value: true, enumerable: false });
  return Object.freeze(library);
}

/** True for a library made by `defineLibrary`, even by another copy of this package. */
export function isLibrary(value: unknown): value is Library {
  return typeof value === "object" && value !== null && libraryMarker in value;
}

function looksLikeRule(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === "string" &&
    typeof record.version === "string" &&
    typeof record.meta === "object" &&
    typeof record.create === "function"
  );
}

/**
 * True for a library object, made by `defineLibrary` or written by hand in the same shape (a
 * package may publish its library without importing this engine at run time).
 */
export function isLibraryLike(value: unknown): boolean {
  if (isLibrary(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  const rules = record.rules;
  if (typeof record.name !== "string" || typeof record.version !== "string" || typeof rules !== "object" || rules === null)
    return false;
  return Object.values(rules).every(looksLikeRule);
}

/** Turns a library-like object into a checked `Library` (its rules go through `defineRule`). */
export function toLibrary(value: unknown): Library {
  if (isLibrary(value)) return value;
  if (!isLibraryLike(value)) throw new LibraryDefinitionError("expected a rule library: an object with name, version and rules");
  const record = value as LibraryDefinition;
  const list = Array.isArray(record.rules) ? record.rules : Object.values(record.rules);
  return defineLibrary({
    ...record,
    rules: (list as RuleDefinition[]).map((rule) => (isRule(rule) ? rule : defineRule(rule))),
  });
}

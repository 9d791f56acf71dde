import type { ConflictResolution, RuleSetting } from "../config.js";
import type { ComplianceControl } from "../types.js";
import { assertEngineCompatible, isRecommended, isRemovedIn, type Library, toLibrary } from "../define-library.js";
import { ENGINE_VERSION } from "../engine-version.js";
import { LibraryDefinitionError } from "../errors.js";
import { timed } from "../events.js";
import { findDuplicates, findIncompatible, findOverlaps, resolveConflict } from "./conflicts.js";
import { applyRuleSetting, defaultRuleOptions, matchRules, parseRuleOptions } from "./rule-settings.js";
import type { ComposedRule, Composition, CompositionAudit, ConflictRecord, ConflictResolutions } from "./types.js";

/**
 * Default resolutions. Rules declared incompatible are a mistake to fix. Two libraries may share a
 * rule id on purpose (compliance packs built from one building block, each citing its own control):
 * findings name their library and config can say `library/id`, so both stay, with a warning.
 */
export const DEFAULT_CONFLICT_RESOLUTIONS: ConflictResolutions = { duplicate: "warn", incompatible: "error", overlap: "warn" };

/** What to compose. */
export interface ComposeOptions {
  /** Libraries in order: later ones are "last" for `prefer-last`. */
  libraries: readonly Library[];
  /** Per-rule overrides and disables, keyed by id or `library/id`. */
  rules?: Record<string, RuleSetting>;
  conflictResolution?: ConflictResolution | Partial<ConflictResolutions>;
  /**
   * Which rules start enabled, as ESLint's `recommended` and `all`: `recommended` (default) the
   * libraries' recommended sets; `all` every rule that is not deprecated or removed, including the
   * opt-in ones that are mostly noise on real projects (naming conventions, type preferences).
   */
  preset?: "recommended" | "all";
}

function resolutions(option: ComposeOptions["conflictResolution"]): ConflictResolutions {
  if (option === undefined) return DEFAULT_CONFLICT_RESOLUTIONS;
  if (typeof option === "string") return { duplicate: option, incompatible: option, overlap: option };
  return { ...DEFAULT_CONFLICT_RESOLUTIONS, ...option };
}

function uniqueLibraries(libraries: readonly Library[]): Library[] {
  const byName = new Map<string, Library>();
  for (const given of libraries) {
    const library = toLibrary(given);
    assertEngineCompatible(library);
    const known = byName.get(library.name);
    if (known !== undefined && known.version !== library.version) {
      throw new LibraryDefinitionError(`library "${library.name}" is given twice, as ${known.version} and ${library.version}`);
    }
    byName.set(library.name, library);
  }
  return [...byName.values()];
}

/**
 * Rules with one id in several libraries are one check (compliance packs built from one building
 * block, each citing its own control). Each enabled copy, and so the one finding they are merged
 * into, cites the controls of every copy still in play: enabled, or shadowed by a conflict
 * resolution in favour of another. A copy disabled in config takes its controls with it.
 */
function shareControls(rules: ComposedRule[]): void {
  for (const group of findDuplicates(rules)) {
    const inPlay = group.filter((composed) => composed.enabled || composed.shadowed);
    const seen = new Set<string>();
    const controls: ComplianceControl[] = [];
    for (const composed of inPlay) {
      for (const control of composed.rule.meta.compliance ?? []) {
        const key = `${control.framework}\u0000${control.control}`;
        if (seen.has(key)) continue;
        seen.add(key);
        controls.push(control);
      }
    }
    if (controls.length === 0) continue;
    for (const composed of group) if (composed.enabled) composed.compliance = controls;
  }
}

/**
 * Composes libraries in order into one rule set: applies recommended sets, config overrides and
 * disables, detects duplicate, incompatible and overlapping rules and resolves them, and records
 * everything in an audit trail.
 */
export function composeLibraries(options: ComposeOptions): Composition {
  return timed("rule_composition", () => compose(options));
}

function compose(options: ComposeOptions): Composition {
  const libraries = uniqueLibraries(options.libraries);
  const resolution = resolutions(options.conflictResolution);
  const warnings: string[] = [];
  const conflicts: ConflictRecord[] = [];
  const rules: ComposedRule[] = [];
  for (const library of libraries) {
    for (const id of Object.keys(library.rules).sort()) {
      const rule = library.rules[id]!;
      const enabled =
        options.preset === "all"
          ? !isRemovedIn(rule, library.version) && rule.meta.deprecated === undefined
          : isRecommended(rule, library.version);
      const docs = rule.meta.docs ?? library.docs?.(id);
      rules.push({
        id,
        library: library.name,
        libraryVersion: library.version,
        rule,
        ...(docs === undefined ? {} : { docs }),
        enabled,
        severity: rule.meta.severity,
        options: defaultRuleOptions({ rule }),
        order: rules.length,
        shadowed: false,
      });
    }
  }
  timed("rule_conflict_detection", () => {
    for (const group of findDuplicates(rules)) {
      conflicts.push(
        resolveConflict("duplicate", group, resolution.duplicate, `rule id "${group[0]!.id}" is defined by several libraries`),
      );
    }
  });
  const configured = new Set<ComposedRule>();
  const overridden: CompositionAudit["overridden"] = [];
  for (const [key, setting] of Object.entries(options.rules ?? {})) {
    for (const composed of matchRules(rules, key)) {
      if (composed.shadowed) continue;
      const before = { enabled: composed.enabled, severity: composed.severity, options: composed.options };
      const after = applyRuleSetting(composed, before, setting);
      Object.assign(composed, after);
      configured.add(composed);
      if (after.enabled && (after.severity !== composed.rule.meta.severity || typeof setting !== "string")) {
        overridden.push({
          rule: composed.id,
          library: composed.library,
          ...(after.severity === composed.rule.meta.severity
            ? {}
            : { severity: { from: composed.rule.meta.severity, to: after.severity } }),
          options: typeof setting !== "string",
        });
      }
    }
  }
  for (const composed of rules) {
    if (composed.enabled && !configured.has(composed)) composed.options = parseRuleOptions(composed, undefined);
  }
  timed("rule_conflict_detection", () => {
    for (const { pair, detail } of findIncompatible(rules.filter((composed) => composed.enabled))) {
      if (!pair[0].enabled || !pair[1].enabled) continue;
      conflicts.push(resolveConflict("incompatible", pair, resolution.incompatible, detail));
    }
    for (const { pair, detail } of findOverlaps(rules.filter((composed) => composed.enabled))) {
      if (!pair[0].enabled || !pair[1].enabled) continue;
      conflicts.push(resolveConflict("overlap", pair, resolution.overlap, detail));
    }
  });
  for (const conflict of conflicts) {
    if (conflict.resolution === "warn")
      warnings.push(
        `${conflict.kind} conflict between ${conflict.rules.map((r) => `${r.library}/${r.rule}`).join(" and ")}: ${conflict.detail}`,
      );
  }
  shareControls(rules);
  const deprecations: CompositionAudit["deprecations"] = [];
  for (const composed of rules) {
    const deprecated = composed.rule.meta.deprecated;
    if (!composed.enabled || deprecated === undefined) continue;
    const removal = composed.rule.meta.removed;
    const message =
      `rule "${composed.id}" of ${composed.library} is deprecated since ${deprecated.since}` +
      (deprecated.replacedBy ? `; use "${deprecated.replacedBy}" instead` : "") +
      (removal ? ` (it will be removed in ${removal.in})` : "") +
      (deprecated.reason ? `: ${deprecated.reason}` : "");
    warnings.push(message);
    deprecations.push({
      rule: composed.id,
      library: composed.library,
      since: deprecated.since,
      ...(deprecated.replacedBy === undefined ? {} : { replacedBy: deprecated.replacedBy }),
      message,
    });
  }
  const audit: CompositionAudit = {
    engine: ENGINE_VERSION,
    libraries: libraries.map((library) => ({ name: library.name, version: library.version })),
    enabled: rules.filter((r) => r.enabled).map((r) => ({ rule: r.id, library: r.library, severity: r.severity })),
    disabled: rules
      .filter((r) => !r.enabled)
      .map((r) => ({
        rule: r.id,
        library: r.library,
        reason: r.shadowed
          ? "conflict"
          : isRemovedIn(r.rule, r.libraryVersion)
            ? "removed"
            : configured.has(r)
              ? "config"
              : "not-recommended",
      })),
    overridden: overridden.filter((entry) => rules.some((r) => r.enabled && r.id === entry.rule && r.library === entry.library)),
    conflicts,
    deprecations,
  };
  return { rules, audit, warnings };
}

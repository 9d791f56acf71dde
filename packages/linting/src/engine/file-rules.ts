import picomatch from "picomatch";
import { applyRuleSetting, matchRules, type RuleState } from "../composition/rule-settings.js";
import type { ComposedRule } from "../composition/types.js";
import type { LintOverride } from "../config.js";
import type { LintSettings } from "../types.js";

/** The rule states and settings for one file, after the overrides whose globs match it. */
export interface FileRules {
  states: Map<ComposedRule, RuleState>;
  settings: LintSettings;
}

/** Resolves per-file rule states and settings from flat-config style overrides, cached by path. */
export class FileRulesResolver {
  private readonly cache = new Map<string, FileRules>();
  private readonly matchers: Array<{ override: LintOverride; matches: (path: string) => boolean }>;
  private readonly base: FileRules;

  constructor(
    private readonly rules: readonly ComposedRule[],
    overrides: readonly LintOverride[],
    settings: LintSettings,
  ) {
    this.matchers = overrides.map((override) => ({ override, matches: picomatch(override.files, { dot: true }) }));
    const states = new Map<ComposedRule, RuleState>();
    for (const composed of rules)
      states.set(composed, { enabled: composed.enabled, severity: composed.severity, options: composed.options });
    this.base = { states, settings };
    // Validate every override up front so a typo fails before linting starts.
    for (const { override } of this.matchers) this.applyOverride(this.base, override);
  }

  private applyOverride(current: FileRules, override: LintOverride): FileRules {
    const states = new Map(current.states);
    for (const [key, setting] of Object.entries(override.rules ?? {})) {
      for (const composed of matchRules(this.rules, key)) {
        if (composed.shadowed) continue;
        states.set(composed, applyRuleSetting(composed, states.get(composed)!, setting));
      }
    }
    return { states, settings: { ...current.settings, ...stripUndefined(override.settings ?? {}) } };
  }

  /** The rules and settings that apply to `path` (relative to the config's directory). */
  resolve(path: string): FileRules {
    const normalized = path.replace(/\\/g, "/").replace(/^\.\//, "");
    const cached = this.cache.get(normalized);
    if (cached !== undefined) return cached;
    let current = this.base;
    for (const { override, matches } of this.matchers) {
      if (matches(normalized)) current = this.applyOverride(current, override);
    }
    this.cache.set(normalized, current);
    return current;
  }

  /** Whether a rule is enabled for at least one file (its schemaEnd and live visitors then run). */
  enabledAnywhere(composed: ComposedRule): boolean {
    if (this.base.states.get(composed)?.enabled) return true;
    for (const resolved of this.cache.values()) if (resolved.states.get(composed)?.enabled) return true;
    return false;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

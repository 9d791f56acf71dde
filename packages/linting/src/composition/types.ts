import type { ConflictResolution } from "../config.js";
import type { Rule } from "../define-rule.js";
import type { Severity } from "../types.js";

/** The three kinds of conflict the composer detects. */
export type ConflictKind = "duplicate" | "incompatible" | "overlap";

/** Names one rule of one library. */
export interface RuleReference {
  rule: string;
  library: string;
}

/** One conflict and how it was resolved. `winner` is null when both rules stay (`warn`). */
export interface ConflictRecord {
  kind: ConflictKind;
  rules: RuleReference[];
  resolution: ConflictResolution;
  winner: RuleReference | null;
  detail: string;
}

/** The audit trail of one composition. */
export interface CompositionAudit {
  engine: string;
  libraries: Array<{ name: string; version: string }>;
  enabled: Array<RuleReference & { severity: Severity }>;
  disabled: Array<RuleReference & { reason: "not-recommended" | "config" | "conflict" | "removed" }>;
  overridden: Array<RuleReference & { severity?: { from: Severity; to: Severity }; options: boolean }>;
  conflicts: ConflictRecord[];
  deprecations: Array<RuleReference & { since: string; replacedBy?: string; message: string }>;
}

/** One rule in a composition, enabled or not. */
export interface ComposedRule {
  id: string;
  library: string;
  libraryVersion: string;
  rule: Rule;
  /** Where the rule's documentation is: `meta.docs`, else the README its library ships (`LibraryDefinition.docs`). */
  docs?: string;
  enabled: boolean;
  severity: Severity;
  /** Options parsed by the rule's zod schema (defaults filled), or undefined without a schema. */
  options: unknown;
  /** Position in composition order (library order, then rule id). */
  order: number;
  /** True when removed by a conflict resolution (it cannot be re-enabled per file). */
  shadowed: boolean;
}

/** What the composer returns. */
export interface Composition {
  rules: ComposedRule[];
  audit: CompositionAudit;
  /** Human warnings: deprecations, conflicts resolved with `warn`. */
  warnings: string[];
}

/** Resolutions per conflict kind. */
export type ConflictResolutions = Record<ConflictKind, ConflictResolution>;

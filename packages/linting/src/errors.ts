const marker = Symbol.for("confiture.linting.error");

/** The codes of every error @confiture/linting throws. Findings are data and never thrown. */
export type LintingErrorCode =
  | "CONFITURE_LINT_RULE_DEFINITION"
  | "CONFITURE_LINT_LIBRARY_DEFINITION"
  | "CONFITURE_LINT_ENGINE_INCOMPATIBLE"
  | "CONFITURE_LINT_RULE_REMOVED"
  | "CONFITURE_LINT_UNKNOWN_RULE"
  | "CONFITURE_LINT_RULE_OPTIONS"
  | "CONFITURE_LINT_CONFLICT"
  | "CONFITURE_LINT_CONFIG";

/** The base of every error of @confiture/linting. `isInstance` works across duplicate package copies. */
export class LintingError extends Error {
  readonly code: LintingErrorCode;
  readonly [marker] = true;
  constructor(code: LintingErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "LintingError";
  }
  /** True for any error of this package, even one thrown by another copy of it. */
  static isInstance(error: unknown): error is LintingError {
    return typeof error === "object" && error !== null && marker in error;
  }
}

function hasCode(error: unknown, code: LintingErrorCode): boolean {
  return LintingError.isInstance(error) && error.code === code;
}

/** A rule given to `defineRule` is malformed (bad id, version or message ids). */
export class RuleDefinitionError extends LintingError {
  override readonly code = "CONFITURE_LINT_RULE_DEFINITION" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_LINT_RULE_DEFINITION", message, options);
    this.name = "RuleDefinitionError";
  }
  static override isInstance(error: unknown): error is RuleDefinitionError {
    return hasCode(error, "CONFITURE_LINT_RULE_DEFINITION");
  }
}

/** A library given to `defineLibrary` (or loaded from a package) is malformed. */
export class LibraryDefinitionError extends LintingError {
  override readonly code = "CONFITURE_LINT_LIBRARY_DEFINITION" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_LINT_LIBRARY_DEFINITION", message, options);
    this.name = "LibraryDefinitionError";
  }
  static override isInstance(error: unknown): error is LibraryDefinitionError {
    return hasCode(error, "CONFITURE_LINT_LIBRARY_DEFINITION");
  }
}

/** A library needs an engine major this package does not provide. */
export class EngineIncompatibleError extends LintingError {
  override readonly code = "CONFITURE_LINT_ENGINE_INCOMPATIBLE" as const;
  constructor(
    readonly library: string,
    readonly required: string,
    readonly provided: string,
    options?: { cause?: unknown },
  ) {
    super(
      "CONFITURE_LINT_ENGINE_INCOMPATIBLE",
      `library "${library}" needs rule engine ${required}, but @confiture/linting provides engine ${provided}; ` +
        "install a version of the library built for this engine, or upgrade @confiture/linting",
      options,
    );
    this.name = "EngineIncompatibleError";
  }
  static override isInstance(error: unknown): error is EngineIncompatibleError {
    return hasCode(error, "CONFITURE_LINT_ENGINE_INCOMPATIBLE");
  }
}

/** The configuration enables a rule its library has removed. */
export class RemovedRuleError extends LintingError {
  override readonly code = "CONFITURE_LINT_RULE_REMOVED" as const;
  constructor(
    readonly rule: string,
    readonly library: string,
    readonly removedIn: string,
    readonly migrationPath: string,
    options?: { cause?: unknown },
  ) {
    super(
      "CONFITURE_LINT_RULE_REMOVED",
      `rule "${rule}" was removed from library "${library}" in ${removedIn}: ${migrationPath}`,
      options,
    );
    this.name = "RemovedRuleError";
  }
  static override isInstance(error: unknown): error is RemovedRuleError {
    return hasCode(error, "CONFITURE_LINT_RULE_REMOVED");
  }
}

/** The configuration names a rule no library provides. */
export class UnknownRuleError extends LintingError {
  override readonly code = "CONFITURE_LINT_UNKNOWN_RULE" as const;
  constructor(
    readonly rule: string,
    readonly suggestion?: string,
    options?: { cause?: unknown },
  ) {
    super(
      "CONFITURE_LINT_UNKNOWN_RULE",
      `unknown rule "${rule}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}; run \`confiture rules\` to list the rules`,
      options,
    );
    this.name = "UnknownRuleError";
  }
  static override isInstance(error: unknown): error is UnknownRuleError {
    return hasCode(error, "CONFITURE_LINT_UNKNOWN_RULE");
  }
}

/** Options given to a rule do not match its zod schema. */
export class RuleOptionsError extends LintingError {
  override readonly code = "CONFITURE_LINT_RULE_OPTIONS" as const;
  constructor(
    readonly rule: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super("CONFITURE_LINT_RULE_OPTIONS", `invalid options for rule "${rule}": ${detail}`, options);
    this.name = "RuleOptionsError";
  }
  static override isInstance(error: unknown): error is RuleOptionsError {
    return hasCode(error, "CONFITURE_LINT_RULE_OPTIONS");
  }
}

/** The composer met a conflict whose resolution is `error`. */
export class CompositionConflictError extends LintingError {
  override readonly code = "CONFITURE_LINT_CONFLICT" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_LINT_CONFLICT", message, options);
    this.name = "CompositionConflictError";
  }
  static override isInstance(error: unknown): error is CompositionConflictError {
    return hasCode(error, "CONFITURE_LINT_CONFLICT");
  }
}

/** A lint configuration does not match the schema; the message names the key path. */
export class LintConfigError extends LintingError {
  override readonly code = "CONFITURE_LINT_CONFIG" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_LINT_CONFIG", message, options);
    this.name = "LintConfigError";
  }
  static override isInstance(error: unknown): error is LintConfigError {
    return hasCode(error, "CONFITURE_LINT_CONFIG");
  }
}

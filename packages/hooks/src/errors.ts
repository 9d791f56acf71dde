const marker = Symbol.for("confiture.hooks.error");

/** The codes of every error this package throws or records. */
export type HooksErrorCode =
  | "CONFITURE_HOOKS_CONTEXT"
  | "CONFITURE_HOOKS_GRAPH"
  | "CONFITURE_HOOKS_CONFIG"
  | "CONFITURE_HOOKS_REGISTRATION"
  | "CONFITURE_HOOKS_FAILED"
  | "CONFITURE_HOOKS_TIMEOUT"
  | "CONFITURE_HOOKS_CANCELLED";

/** The base of every error of @confiture/hooks. `isInstance` works across duplicate package copies. */
export class HooksError extends Error {
  readonly code: HooksErrorCode;
  readonly [marker] = true;
  constructor(code: HooksErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "HooksError";
  }
  static isInstance(error: unknown): error is HooksError {
    return typeof error === "object" && error !== null && marker in error;
  }
}

function hasCode(error: unknown, code: HooksErrorCode): boolean {
  return HooksError.isInstance(error) && error.code === code;
}

/** A context that does not match its phase's schema; `issues` name the key paths. */
export class HookContextError extends HooksError {
  constructor(
    readonly phase: string,
    readonly issues: readonly { path: string; message: string }[],
    options?: { cause?: unknown },
  ) {
    const listed = issues.map((issue) => `${issue.path || "(root)"}: ${issue.message}`).join("; ");
    super("CONFITURE_HOOKS_CONTEXT", `invalid context for phase "${phase}": ${listed}`, options);
    this.name = "HookContextError";
  }
  static override isInstance(error: unknown): error is HookContextError {
    return hasCode(error, "CONFITURE_HOOKS_CONTEXT");
  }
}

/** A dependency cycle or a missing dependency in a DAG phase; names the hooks involved. */
export class HookGraphError extends HooksError {
  constructor(
    message: string,
    readonly detail: { cycle?: readonly string[]; hook?: string; missingDependency?: string },
  ) {
    super("CONFITURE_HOOKS_GRAPH", message);
    this.name = "HookGraphError";
  }
  static override isInstance(error: unknown): error is HookGraphError {
    return hasCode(error, "CONFITURE_HOOKS_GRAPH");
  }
}

/** A hooks section of a config that cannot be loaded (bad shape, missing module or export). */
export class HookConfigError extends HooksError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_HOOKS_CONFIG", message, options);
    this.name = "HookConfigError";
  }
  static override isInstance(error: unknown): error is HookConfigError {
    return hasCode(error, "CONFITURE_HOOKS_CONFIG");
  }
}

/** A hook that cannot be registered (a duplicate name, a bad phase). */
export class HookRegistrationError extends HooksError {
  constructor(message: string) {
    super("CONFITURE_HOOKS_REGISTRATION", message);
    this.name = "HookRegistrationError";
  }
  static override isInstance(error: unknown): error is HookRegistrationError {
    return hasCode(error, "CONFITURE_HOOKS_REGISTRATION");
  }
}

/** A hook that returned `{ success: false }`. Recorded in results, not thrown at the caller. */
export class HookFailedError extends HooksError {
  constructor(
    readonly hook: string,
    message?: string,
  ) {
    super("CONFITURE_HOOKS_FAILED", `hook "${hook}" reported failure${message ? `: ${message}` : ""}`);
    this.name = "HookFailedError";
  }
  static override isInstance(error: unknown): error is HookFailedError {
    return hasCode(error, "CONFITURE_HOOKS_FAILED");
  }
}

/** A hook or a phase that ran out of time. Recorded in results, not thrown at the caller. */
export class HookTimeoutError extends HooksError {
  constructor(
    readonly scope: "hook" | "phase",
    readonly timeoutMs: number,
    subject: string,
  ) {
    super("CONFITURE_HOOKS_TIMEOUT", `${scope} "${subject}" timed out after ${timeoutMs} ms`);
    this.name = "HookTimeoutError";
  }
  static override isInstance(error: unknown): error is HookTimeoutError {
    return hasCode(error, "CONFITURE_HOOKS_TIMEOUT");
  }
}

/** A hook stopped because another hook failed under fail-fast, or the caller aborted the phase. */
export class HookCancelledError extends HooksError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super("CONFITURE_HOOKS_CANCELLED", reason, options);
    this.name = "HookCancelledError";
  }
  static override isInstance(error: unknown): error is HookCancelledError {
    return hasCode(error, "CONFITURE_HOOKS_CANCELLED");
  }
}

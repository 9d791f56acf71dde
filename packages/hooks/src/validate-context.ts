import { type PhaseContextInput, type PhaseContextMap, phaseContextSchemas } from "./contexts.js";
import { HookContextError } from "./errors.js";
import { type HookPhase, isHookPhase } from "./events.js";

/**
 * Checks a context against its phase's schema and applies defaults. Throws `HookContextError`
 * naming each wrong key path. Unknown keys are kept (hooks may pass their own data along).
 */
export function validateContext<P extends HookPhase>(phase: P, context: PhaseContextInput[P]): PhaseContextMap[P] {
  if (!isHookPhase(phase)) throw new HookContextError(String(phase), [{ path: "", message: "unknown phase" }]);
  const parsed = phaseContextSchemas[phase].safeParse(context);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
    throw new HookContextError(phase, issues, { cause: parsed.error });
  }
  return parsed.data as PhaseContextMap[P];
}

import type { LockMode, RelationReference } from "../types.js";
import type { AnalysisContext, Verdict } from "./verdict.js";

/** Analyses one statement node into the verdict of its scope. */
export type Analyzer = (payload: Record<string, unknown>, scope: StatementScope) => void;

/** A statement being analysed: its classification and the verdict to fill. */
export interface StatementScope {
  kind: string;
  relations: RelationReference[];
  context: AnalysisContext;
  verdict: Verdict;
}

/** Lock every relation the statement targets. */
export function lockTargets(scope: StatementScope, mode: LockMode): void {
  for (const relation of scope.relations) if (relation.role === "target") scope.verdict.lock(relation, mode);
}

/** Lock every relation the statement only references. */
export function lockReferenced(scope: StatementScope, mode: LockMode): void {
  for (const relation of scope.relations) if (relation.role === "referenced") scope.verdict.lock(relation, mode);
}

/** A query reads its tables under ACCESS SHARE. */
export function readQuery(scope: StatementScope): void {
  lockReferenced(scope, "AccessShareLock");
}

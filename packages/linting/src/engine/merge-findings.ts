import type { ComplianceControl, Finding, Severity } from "../types.js";

const severityRank: Record<Severity, number> = { critical: 0, error: 1, warning: 2, info: 3 };

function placeKey(finding: Finding): string {
  return [finding.ruleId, finding.messageId, finding.file, finding.line, finding.column, finding.statementIndex ?? ""].join(
    "\u0000",
  );
}

function unionControls(
  left: ComplianceControl[] | undefined,
  right: ComplianceControl[] | undefined,
): ComplianceControl[] | undefined {
  if (right === undefined || right.length === 0) return left;
  const merged = [...(left ?? [])];
  const seen = new Set(merged.map((control) => `${control.framework}\u0000${control.control}`));
  for (const control of right) {
    const key = `${control.framework}\u0000${control.control}`;
    if (!seen.has(key)) {
      seen.add(key);
      merged.push(control);
    }
  }
  return merged;
}

/**
 * One finding per check and place: the same rule id reported at the same place with the same message
 * id by several libraries (compliance packs sharing a building block) is one problem. The first
 * report stays, at the highest severity of the copies, citing every library's controls and naming
 * every library in `libraries`. Reports of one library are never merged with each other.
 */
export function mergeDuplicateFindings(findings: readonly Finding[]): Finding[] {
  const merged: Finding[] = [];
  const byPlace = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = placeKey(finding);
    const candidates = byPlace.get(key);
    const target = candidates?.find((candidate) => !(candidate.libraries ?? [candidate.library]).includes(finding.library));
    if (target === undefined) {
      const copy = { ...finding };
      merged.push(copy);
      if (candidates === undefined) byPlace.set(key, [copy]);
      else candidates.push(copy);
      continue;
    }
    target.libraries = [...(target.libraries ?? [target.library]), finding.library];
    if (severityRank[finding.severity] < severityRank[target.severity]) target.severity = finding.severity;
    const compliance = unionControls(target.compliance, finding.compliance);
    if (compliance !== undefined) target.compliance = compliance;
  }
  return merged;
}

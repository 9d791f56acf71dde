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
  // Per place: its merged findings in order, and per library how far along them it has reported.
  // The n-th report of a library at a place joins the first merged finding it is not part of yet;
  // the cursor only moves forward, so a file with 200,000 findings at one place stays linear.
  const places = new Map<string, { entries: Finding[]; cursors: Map<string, number> }>();
  for (const finding of findings) {
    const key = placeKey(finding);
    let place = places.get(key);
    if (place === undefined) {
      place = { entries: [], cursors: new Map() };
      places.set(key, place);
    }
    let cursor = place.cursors.get(finding.library) ?? 0;
    while (cursor < place.entries.length && librariesOf(place.entries[cursor]!).includes(finding.library)) cursor++;
    const target = place.entries[cursor];
    if (target === undefined) {
      const copy = { ...finding };
      merged.push(copy);
      place.entries.push(copy);
      place.cursors.set(finding.library, place.entries.length);
      continue;
    }
    place.cursors.set(finding.library, cursor + 1);
    target.libraries = [...librariesOf(target), finding.library];
    if (severityRank[finding.severity] < severityRank[target.severity]) target.severity = finding.severity;
    const compliance = unionControls(target.compliance, finding.compliance);
    if (compliance !== undefined) target.compliance = compliance;
  }
  return merged;
}

function librariesOf(finding: Finding): string[] {
  return finding.libraries ?? [finding.library];
}

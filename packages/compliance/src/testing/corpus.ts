import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type Library, lint } from "@confiture/linting";

/** One labelled corpus file's outcome for its rule. */
export interface CorpusFileResult {
  ruleId: string;
  file: string;
  kind: "violating" | "compliant";
  truePositives: number;
  falsePositives: Array<{ line: number }>;
  falseNegatives: Array<{ line: number }>;
}

/** Precision and recall of a pack on its labelled corpus. */
export interface CorpusEvaluation {
  library: string;
  files: number;
  rules: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  results: CorpusFileResult[];
}

const marker = "-- expect:";

/** Lines labelled `-- expect: <rule-id>[, ...]` for a rule, read from comment text at the end of lines. */
export function expectedLines(source: string, ruleId: string): number[] {
  const lines: number[] = [];
  source.split("\n").forEach((line, index) => {
    const at = line.indexOf(marker);
    if (at === -1) return;
    const ids = line
      .slice(at + marker.length)
      .split(",")
      .map((id) => id.trim());
    if (ids.includes(ruleId)) lines.push(index + 1);
  });
  return lines;
}

/**
 * Lints every file of `<corpusDirectory>/<rule-id>/` with the pack (statement, schema and file rules;
 * no database) and compares the rule's findings with the file's labels at file-and-line level.
 * Files named `violating-*` must carry labels; files named `compliant-*` must draw no finding of the rule.
 */
export async function evaluateCorpus(library: Library, corpusDirectory: string): Promise<CorpusEvaluation> {
  const results: CorpusFileResult[] = [];
  const folders = readdirSync(corpusDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const ruleId of folders) {
    if (!library.rules[ruleId])
      throw new Error(`${join(corpusDirectory, ruleId)}: no rule ${ruleId} in the ${library.name} pack`);
    for (const name of readdirSync(join(corpusDirectory, ruleId))
      .filter((file) => file.endsWith(".sql"))
      .sort()) {
      const path = join(corpusDirectory, ruleId, name);
      const source = readFileSync(path, "utf8");
      const result = await lint({
        files: [{ path: `${ruleId}/${name}`, source }],
        libraries: [library],
        config: { useGeneral: false },
      });
      const found = result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.line);
      const expected = expectedLines(source, ruleId);
      const remaining = [...expected];
      const falsePositives: Array<{ line: number }> = [];
      let truePositives = 0;
      for (const line of found) {
        const index = remaining.indexOf(line);
        if (index === -1) falsePositives.push({ line });
        else {
          remaining.splice(index, 1);
          truePositives += 1;
        }
      }
      results.push({
        ruleId,
        file: relative(corpusDirectory, path),
        kind: name.startsWith("compliant") ? "compliant" : "violating",
        truePositives,
        falsePositives,
        falseNegatives: remaining.map((line) => ({ line })),
      });
    }
  }
  const sum = (pick: (result: CorpusFileResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const truePositives = sum((result) => result.truePositives);
  const falsePositives = sum((result) => result.falsePositives.length);
  const falseNegatives = sum((result) => result.falseNegatives.length);
  return {
    library: library.name,
    files: results.length,
    rules: folders.length,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
    results,
  };
}

/** Findings of the packs on migrations that carry no sensitive data (must be none). */
export async function findingsOnCleanMigrations(libraries: Library[], directory: string) {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => ({ path: join(directory, name), source: readFileSync(join(directory, name), "utf8") }));
  const result = await lint({ files, libraries, config: { useGeneral: false } });
  return result.findings.filter((finding) => libraries.some((library) => library.name === finding.library));
}

/** Prints an evaluation as a table for `pnpm eval`. */
export function formatCorpusEvaluation(evaluation: CorpusEvaluation): string {
  const lines = [
    `${evaluation.library}: ${evaluation.rules} rules, ${evaluation.files} files: precision ${(evaluation.precision * 100).toFixed(1)}%, recall ${(evaluation.recall * 100).toFixed(1)}% (TP ${evaluation.truePositives}, FP ${evaluation.falsePositives}, FN ${evaluation.falseNegatives})`,
  ];
  for (const result of evaluation.results) {
    for (const miss of result.falsePositives) lines.push(`  false positive  ${result.file}:${miss.line}`);
    for (const miss of result.falseNegatives) lines.push(`  false negative  ${result.file}:${miss.line}`);
  }
  const missingKinds = [...new Set(evaluation.results.map((result) => result.ruleId))].filter(
    (ruleId) =>
      evaluation.results.filter((result) => result.ruleId === ruleId && result.kind === "violating").length < 2 ||
      evaluation.results.filter((result) => result.ruleId === ruleId && result.kind === "compliant").length < 2,
  );
  if (missingKinds.length > 0)
    lines.push(`  rules with fewer than 2 violating and 2 compliant files: ${missingKinds.join(", ")}`);
  return lines.join("\n");
}

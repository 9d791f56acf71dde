import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type ComposedRule, composeLibraries, general } from "@confiture/linting";
import type { Command } from "commander";
import { closest } from "fastest-levenshtein";
import { addCommonOptions, type CommonOptions, writeJson } from "../common-options.js";
import { loadCommandConfig } from "../command-config.js";
import { asUsageError, lintSection, type RuleSelectionOptions, selectLibraries } from "../config/lint-setup.js";
import { UsageError } from "../errors.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface ExplainOptions extends CommonOptions, RuleSelectionOptions {}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The rule a name means: `id` or `library/id`; the first library's rule when two share an id. */
function findRule(rules: readonly ComposedRule[], name: string): ComposedRule {
  const found = rules.find((rule) => rule.id === name || `${rule.library}/${rule.id}` === name);
  if (found !== undefined) return found;
  const names = rules.map((rule) => rule.id);
  const suggestion = names.length === 0 ? undefined : closest(name, names);
  throw new UsageError(
    `unknown rule "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (confiture rules lists them)`,
  );
}

/** The README the installed package carries, read from disk: no network. Undefined for a web link. */
async function readReadme(docs: string | undefined): Promise<string | undefined> {
  if (docs === undefined || !docs.startsWith("file:")) return undefined;
  return readFile(fileURLToPath(docs), "utf8").catch(() => undefined);
}

/** What `explain` prints when a rule ships no README: its meta, and the link its author gave. */
function summary(composed: ComposedRule): string {
  const { meta } = composed.rule;
  const lines = [`# ${composed.id} (${composed.library})`, "", meta.description, "", `Severity: ${composed.severity}`];
  for (const control of meta.compliance ?? []) lines.push(`Control: ${control.framework} ${control.control}`);
  if (composed.docs !== undefined) lines.push(`Docs: ${composed.docs}`);
  return `${lines.join("\n")}\n`;
}

/** `confiture explain <rule>`: a rule's README (what, why, the lock, how to do it safely, examples), offline. */
export const explainCommand: CommandModule = {
  name: "explain",
  register(program: Command, runtime: CliRuntime) {
    const command = program
      .command("explain")
      .description("print a rule's documentation (what it flags, why, the lock, the safe way), offline")
      .argument("<rule>", "rule id, or library/id when two libraries share an id")
      .addHelpText(
        "after",
        `
Reads the README that the installed package ships beside the rule, so it matches your version.

Examples:
  $ confiture explain require-concurrent-index-creation
  $ confiture explain hipaa/phi-column-plaintext --library @confiture/rules-hipaa`,
      );
    addCommonOptions(command)
      .option("--library <package>", "add a rule library by npm package name or path (repeatable)", collect)
      .action(async (name: string, options: ExplainOptions) => {
        const loaded = await loadCommandConfig(runtime, options);
        let rules: ComposedRule[];
        try {
          const section = lintSection(loaded, options);
          const libraries = await selectLibraries(general, section, loaded, runtime.io, options);
          rules = composeLibraries({ libraries, conflictResolution: "warn" }).rules;
        } catch (error) {
          throw asUsageError(error);
        }
        const composed = findRule(rules, name);
        const readme = await readReadme(composed.docs);
        if (options.format === "json") {
          writeJson(runtime, {
            id: composed.id,
            library: composed.library,
            description: composed.rule.meta.description,
            severity: composed.severity,
            docs: composed.docs ?? null,
            readme: readme ?? null,
          });
        } else runtime.io.stdout.write(readme ?? summary(composed));
      });
  },
};

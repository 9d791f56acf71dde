import { composeLibraries, type Composition, general } from "@confiture/linting";
import type { Command } from "commander";
import { addCommonOptions, type CommonOptions, writeJson } from "../common-options.js";
import { loadCommandConfig } from "../command-config.js";
import { asUsageError, lintSection, type RuleSelectionOptions, selectLibraries } from "../config/lint-setup.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface RulesOptions extends CommonOptions, RuleSelectionOptions {}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The `confiture rules` JSON contract: one entry per rule, and the audit trail. */
export function rulesReport(composition: Composition) {
  return {
    rules: composition.rules.map((composed) => ({
      id: composed.id,
      library: composed.library,
      version: composed.rule.version,
      severity: composed.severity,
      enabled: composed.enabled,
      deprecated: composed.rule.meta.deprecated !== undefined,
      replacedBy: composed.rule.meta.deprecated?.replacedBy ?? null,
      compliance: composed.rule.meta.compliance ?? [],
      equivalents: composed.rule.meta.equivalents ?? {},
      description: composed.rule.meta.description,
    })),
    audit: composition.audit,
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd(),
  );
}

function formatText(composition: Composition): string {
  const report = rulesReport(composition);
  const rows = [["RULE", "LIBRARY", "VERSION", "SEVERITY", "ENABLED", "SQUAWK", "NOTES"]];
  for (const rule of report.rules) {
    const notes = [
      rule.deprecated ? `deprecated${rule.replacedBy ? ` -> ${rule.replacedBy}` : ""}` : "",
      rule.compliance.map((control) => `${control.framework} ${control.control}`).join(", "),
    ].filter(Boolean);
    rows.push([
      rule.id,
      rule.library,
      rule.version,
      rule.severity,
      rule.enabled ? "yes" : "no",
      rule.equivalents.squawk ?? "",
      notes.join("; "),
    ]);
  }
  const { audit } = composition;
  const lines = [...table(rows), "", "Audit"];
  lines.push(
    `  libraries: ${audit.libraries.map((library) => `${library.name}@${library.version}`).join(", ")} (engine ${audit.engine})`,
  );
  lines.push(`  enabled: ${audit.enabled.length}, disabled: ${audit.disabled.length}, overridden: ${audit.overridden.length}`);
  for (const entry of audit.overridden) {
    lines.push(
      `  overridden ${entry.library}/${entry.rule}: ${entry.severity ? `${entry.severity.from} -> ${entry.severity.to}` : ""}${entry.options ? " (options)" : ""}`,
    );
  }
  for (const conflict of audit.conflicts) {
    const winner = conflict.winner ? `kept ${conflict.winner.library}/${conflict.winner.rule}` : "kept both";
    lines.push(
      `  conflict (${conflict.kind}, ${conflict.resolution}): ${conflict.rules.map((r) => `${r.library}/${r.rule}`).join(" vs ")}: ${conflict.detail}; ${winner}`,
    );
  }
  for (const deprecation of audit.deprecations) lines.push(`  deprecated: ${deprecation.message}`);
  return `${lines.join("\n")}\n`;
}

/** `confiture rules`: the composed rules and the audit trail of the composition. */
export const rulesCommand: CommandModule = {
  name: "rules",
  register(program: Command, runtime: CliRuntime) {
    const command = program
      .command("rules")
      .description("list the composed rules (id, library, version, severity, enabled) and the audit trail")
      .addHelpText(
        "after",
        `
Shows what \`confiture lint\` would run with this config: every library in composition order, each
rule's state, and how conflicts between libraries (duplicate ids, incompatible or overlapping
rules) were resolved.

Examples:
  $ confiture rules
  $ confiture rules --format json | jq '.rules[] | select(.library == "hipaa")'
  $ confiture rules --library @confiture/rules-pci`,
      );
    addCommonOptions(command)
      .option("--library <package>", "add a rule library by npm package name or path (repeatable)", collect)
      .option("--rule <id=level>", "set a rule: off, info, warn, error or critical (repeatable)", collect)
      .action(async (options: RulesOptions) => {
        const { io } = runtime;
        const loaded = await loadCommandConfig(runtime, options);
        let composition: Composition;
        try {
          const section = lintSection(loaded, options);
          const libraries = await selectLibraries(general, section, loaded, io, options);
          composition = composeLibraries({
            libraries,
            rules: section.rules,
            preset: section.preset,
            ...(section.conflictResolution === undefined ? {} : { conflictResolution: section.conflictResolution }),
          });
        } catch (error) {
          throw asUsageError(error);
        }
        if (options.format === "json") writeJson(runtime, rulesReport(composition));
        else io.stdout.write(formatText(composition));
      });
  },
};

import type { PgVersion, SchemaModel, Statement } from "@confiture/sql";
import type { ComposedRule } from "../composition/types.js";
import { RuleDefinitionError } from "../errors.js";
import { formatMessage } from "../messages.js";
import type { Finding, LintSettings, ReportDescriptor, RuleContext, RuleListener } from "../types.js";
import type { MigrationInfo } from "../layouts/types.js";
import type { FileRulesResolver } from "./file-rules.js";

/** What every rule of a run reads while it runs; the engine moves it along. */
export interface RunCursor {
  file: string;
  schema: SchemaModel;
  pgVersion: PgVersion;
  settings: LintSettings;
  statement: Statement | undefined;
  files: readonly string[];
  /** What the current file is to its runner (role, pair, transaction). */
  migration: MigrationInfo | undefined;
}

/** After this many crashes a rule is stopped for the rest of the run. */
const maximumCrashes = 10;

/** The location of a statement as a finding needs it. */
export function statementLocation(statement: Statement): Pick<Finding, "line" | "column" | "endLine" | "endColumn"> {
  return {
    line: statement.start.line,
    column: statement.start.column,
    endLine: statement.end.line,
    endColumn: statement.end.column,
  };
}

/** Runs one composed rule: builds its context, calls its visitors, turns crashes into findings. */
export class RuleRunner {
  listener: RuleListener | undefined;
  private crashes = 0;
  /** Time spent in this rule's visitors, counted when `timing` is on. */
  elapsedMs = 0;

  constructor(
    readonly composed: ComposedRule,
    private readonly cursor: RunCursor,
    private readonly resolver: FileRulesResolver,
    private readonly sink: Finding[],
    private readonly timing = false,
  ) {
    const runner = this;
    const context: RuleContext = {
      ruleId: composed.id,
      get options() {
        return runner.resolver.resolve(runner.cursor.file).states.get(composed)?.options;
      },
      get pgVersion() {
        return runner.cursor.pgVersion;
      },
      get file() {
        return runner.cursor.file;
      },
      get schema() {
        return runner.cursor.schema;
      },
      get settings() {
        return runner.cursor.settings;
      },
      get files() {
        return runner.cursor.files;
      },
      get migration() {
        return runner.cursor.migration;
      },
      report: (descriptor) => runner.report(descriptor),
    };
    this.invoke(() => {
      this.listener = composed.rule.create(context);
    });
  }

  /** False once the rule crashed too often or its `create` failed. */
  get active(): boolean {
    return this.listener !== undefined && this.crashes < maximumCrashes;
  }

  private report(descriptor: ReportDescriptor): void {
    const { meta } = this.composed.rule;
    const template = (meta.messages as Record<string, string>)[descriptor.messageId];
    if (template === undefined) {
      throw new RuleDefinitionError(`rule "${this.composed.id}" reported the unknown messageId "${descriptor.messageId}"`);
    }
    const statement = descriptor.statement ?? this.cursor.statement;
    const location = descriptor.location;
    const file = location?.file ?? statement?.file ?? this.cursor.file;
    const state = this.resolver.resolve(file).states.get(this.composed);
    if (state === undefined || !state.enabled) return;
    const place =
      location !== undefined
        ? {
            line: location.line,
            column: location.column,
            endLine: location.endLine ?? location.line,
            endColumn: location.endColumn ?? location.column,
          }
        : statement !== undefined
          ? statementLocation(statement)
          : { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const finding: Finding = {
      ruleId: this.composed.id,
      library: this.composed.library,
      severity: state.severity,
      messageId: descriptor.messageId,
      message: formatMessage(template, descriptor.data),
      file,
      ...place,
      ...(descriptor.help === undefined ? {} : { help: formatMessage(descriptor.help, descriptor.data) }),
      ...(this.composed.docs === undefined ? {} : { docsUrl: this.composed.docs }),
      ...(meta.compliance === undefined || meta.compliance.length === 0 ? {} : { compliance: meta.compliance }),
      ...(descriptor.fix === undefined ? {} : { fix: descriptor.fix }),
      // The statement a narrowed location sits in still anchors next-line suppressions and the code frame.
      ...(statement !== undefined && file === (statement.file ?? this.cursor.file) ? { statementIndex: statement.index } : {}),
    };
    this.sink.push(finding);
  }

  /** Calls a visitor; a throw becomes a `rule-error` finding, never a crash of the run. */
  invoke(visit: () => void): void {
    const started = this.timing ? performance.now() : 0;
    try {
      visit();
    } catch (error) {
      this.crash(error);
    }
    if (this.timing) this.elapsedMs += performance.now() - started;
  }

  /** Awaits an async visitor with the same protection. */
  async invokeAsync(visit: () => Promise<void>): Promise<void> {
    const started = this.timing ? performance.now() : 0;
    try {
      await visit();
    } catch (error) {
      this.crash(error);
    }
    if (this.timing) this.elapsedMs += performance.now() - started;
  }

  private crash(error: unknown): void {
    this.crashes++;
    const statement = this.cursor.statement;
    const reason = error instanceof Error ? error.message : String(error);
    const stopped = this.crashes >= maximumCrashes ? ` (stopped after ${maximumCrashes} crashes)` : "";
    this.sink.push({
      ruleId: "rule-error",
      library: "core",
      severity: "error",
      messageId: "ruleError",
      message: `rule "${this.composed.library}/${this.composed.id}" failed: ${reason}${stopped}`,
      file: this.cursor.file,
      ...(statement === undefined ? { line: 1, column: 1, endLine: 1, endColumn: 1 } : statementLocation(statement)),
      ...(statement === undefined ? {} : { statementIndex: statement.index }),
      help: "This is a bug in the rule, not in the migration: report it to the rule's library.",
    });
  }
}

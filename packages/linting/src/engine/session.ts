import type { Node } from "@pgsql/types";
import type { LintSettings, SessionState } from "../types.js";

type Values = { lockTimeout?: string; statementTimeout?: string };
type Untyped = Record<string, unknown>;

const runnerValue = "set by the runner";

/** `0` (in any unit) disables a timeout: it is not a timeout. Reads one setting value, not SQL. */
function isDisabled(value: string | undefined): boolean {
  return value !== undefined && /^\s*0+(\.0*)?\s*(us|ms|s|min|h|d)?\s*$/i.test(value);
}

function constantText(node: unknown): string | undefined {
  const constant = (node as Untyped | undefined)?.A_Const as Untyped | undefined;
  if (constant === undefined) return undefined;
  if (constant.sval !== undefined) return String((constant.sval as Untyped).sval ?? "");
  if (constant.ival !== undefined) return String((constant.ival as Untyped).ival ?? 0);
  if (constant.fval !== undefined) return String((constant.fval as Untyped).fval ?? "0");
  if (constant.boolval !== undefined) return String((constant.boolval as Untyped).boolval ?? false);
  return undefined;
}

function settingKey(name: unknown): keyof Values | undefined {
  const lower = typeof name === "string" ? name.toLowerCase() : "";
  if (lower === "lock_timeout") return "lockTimeout";
  if (lower === "statement_timeout") return "statementTimeout";
  return undefined;
}

/** The session state of one file as its statements run: timeouts and transactions. */
export class SessionTracker {
  private explicit = false;
  private runnerOpen: boolean;
  private readonly session: Values = {};
  private local: Values = {};
  private readonly runnerDefaults: Values;

  constructor(settings: LintSettings, wrapsInTransaction: boolean) {
    this.runnerOpen = wrapsInTransaction;
    this.runnerDefaults = {
      ...(settings.runnerSetsLockTimeout ? { lockTimeout: runnerValue } : {}),
      ...(settings.runnerSetsStatementTimeout ? { statementTimeout: runnerValue } : {}),
    };
  }

  private value(key: keyof Values): string | undefined {
    return this.local[key] ?? this.session[key] ?? this.runnerDefaults[key];
  }

  /** The state before the next statement. */
  state(): SessionState {
    const lockTimeout = this.value("lockTimeout");
    const statementTimeout = this.value("statementTimeout");
    return {
      lockTimeoutSet: lockTimeout !== undefined && !isDisabled(lockTimeout),
      statementTimeoutSet: statementTimeout !== undefined && !isDisabled(statementTimeout),
      inTransaction: this.explicit || this.runnerOpen,
      inExplicitTransaction: this.explicit,
      inRunnerTransaction: this.runnerOpen,
      ...(lockTimeout === undefined ? {} : { lockTimeout }),
      ...(statementTimeout === undefined ? {} : { statementTimeout }),
    };
  }

  private assign(key: keyof Values, value: string | undefined, local: boolean): void {
    if (local) {
      // SET LOCAL outside a transaction block has no effect (PostgreSQL only warns).
      if (!(this.explicit || this.runnerOpen)) return;
      if (value === undefined) delete this.local[key];
      else this.local[key] = value;
      return;
    }
    delete this.local[key];
    if (value === undefined) delete this.session[key];
    else this.session[key] = value;
  }

  private endTransaction(chain: boolean): void {
    this.local = {};
    if (chain) return;
    this.explicit = false;
    this.runnerOpen = false;
  }

  /** Updates the state after a statement ran. */
  apply(node: Node | undefined): void {
    if (node === undefined) return;
    const untyped = node as unknown as Untyped;
    const transaction = untyped.TransactionStmt as Untyped | undefined;
    if (transaction !== undefined) {
      const kind = String(transaction.kind);
      if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") this.explicit = true;
      else if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK" || kind === "TRANS_STMT_PREPARE") {
        this.endTransaction(transaction.chain === true);
      }
      return;
    }
    const set = untyped.VariableSetStmt as Untyped | undefined;
    if (set !== undefined) {
      const local = set.is_local === true;
      if (set.kind === "VAR_RESET_ALL") {
        this.assign("lockTimeout", undefined, local);
        this.assign("statementTimeout", undefined, local);
        return;
      }
      const key = settingKey(set.name);
      if (key === undefined) return;
      if (set.kind === "VAR_SET_VALUE") {
        const args = (set.args as unknown[] | undefined) ?? [];
        this.assign(key, constantText(args[0]) ?? "", local);
      } else if (set.kind === "VAR_SET_DEFAULT" || set.kind === "VAR_RESET") this.assign(key, undefined, local);
      return;
    }
    this.applySetConfig(untyped);
  }

  /** `SELECT set_config('lock_timeout', '2s', is_local)`. */
  private applySetConfig(untyped: Untyped): void {
    const select = untyped.SelectStmt as Untyped | undefined;
    const targets = select?.targetList as Untyped[] | undefined;
    if (targets === undefined || select?.fromClause !== undefined) return;
    for (const target of targets) {
      const call = ((target.ResTarget as Untyped | undefined)?.val as Untyped | undefined)?.FuncCall as Untyped | undefined;
      const names = (call?.funcname as Untyped[] | undefined) ?? [];
      const last = names[names.length - 1]?.String as Untyped | undefined;
      if (last?.sval !== "set_config") continue;
      const args = (call?.args as unknown[] | undefined) ?? [];
      const key = settingKey(constantText(args[0]));
      if (key === undefined) continue;
      this.assign(key, constantText(args[1]) ?? "", constantText(args[2]) === "true");
    }
  }
}

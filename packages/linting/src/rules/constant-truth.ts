type Untyped = Record<string, unknown>;

/** A constant's value: numbers and strings compare as PostgreSQL compares them, booleans as booleans; null is SQL NULL. */
type Constant = number | string | boolean | null;

const BOOLEAN_TEXT: Record<string, boolean> = { t: true, true: true, y: true, yes: true, on: true, "1": true };
const FALSE_TEXT = new Set(["f", "false", "n", "no", "off", "0"]);

/** The value of a literal (`1`, `1.5`, `'a'`, `true`, `NULL`); undefined for anything else. libpg-query omits zero and false. */
function literal(constant: Untyped): Constant | undefined {
  if (constant.isnull === true) return null;
  if (constant.boolval !== undefined) return (constant.boolval as Untyped).boolval === true;
  if (constant.ival !== undefined) return Number((constant.ival as Untyped).ival ?? 0);
  if (constant.fval !== undefined) return Number((constant.fval as Untyped).fval ?? 0);
  if (constant.sval !== undefined) return String((constant.sval as Untyped).sval ?? "");
  return undefined;
}

/** `'t'::boolean`, `1::int`: casts of literals to boolean or numbers; other casts are not evaluated. */
function cast(payload: Untyped): Constant | undefined {
  const value = evaluate(payload.arg);
  const names = ((payload.typeName as Untyped | undefined)?.names as Untyped[] | undefined) ?? [];
  const type = ((names[names.length - 1]?.String as Untyped | undefined)?.sval as string | undefined) ?? "";
  if (value === undefined || value === null) return value;
  if (type === "bool") {
    if (typeof value === "boolean") return value;
    const text = String(value).trim().toLowerCase();
    return BOOLEAN_TEXT[text] === true ? true : FALSE_TEXT.has(text) ? false : undefined;
  }
  if (["int2", "int4", "int8", "numeric", "float4", "float8"].includes(type)) {
    const number = Number(value);
    return Number.isNaN(number) ? undefined : number;
  }
  return undefined;
}

function compare(operator: string, left: Constant, right: Constant): boolean | null | undefined {
  if (left === null || right === null) return null;
  // 1 = '1' is resolved by PostgreSQL's type rules: leave mixed kinds unevaluated rather than guess.
  if (typeof left !== typeof right) return undefined;
  switch (operator) {
    case "=":
      return left === right;
    case "<>":
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case ">":
      return left > right;
    case "<=":
      return left <= right;
    case ">=":
      return left >= right;
    default:
      return undefined;
  }
}

/**
 * The value of an expression made only of literals (comparisons, AND/OR/NOT, IS [NOT] NULL, casts),
 * with SQL's three-valued logic; undefined as soon as it names a column, calls a function or uses a
 * subquery: then it depends on the rows.
 */
function evaluate(node: unknown): Constant | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const record = node as Untyped;
  if (record.A_Const !== undefined) return literal(record.A_Const as Untyped);
  if (record.TypeCast !== undefined) return cast(record.TypeCast as Untyped);
  const nullTest = record.NullTest as Untyped | undefined;
  if (nullTest !== undefined) {
    const value = evaluate(nullTest.arg);
    if (value === undefined) return undefined;
    return nullTest.nulltesttype === "IS_NULL" ? value === null : value !== null;
  }
  const expression = record.A_Expr as Untyped | undefined;
  if (expression !== undefined) {
    if (expression.kind !== "AEXPR_OP") return undefined;
    const names = (expression.name as Untyped[] | undefined) ?? [];
    const operator = (names[names.length - 1]?.String as Untyped | undefined)?.sval as string | undefined;
    const left = evaluate(expression.lexpr);
    const right = evaluate(expression.rexpr);
    if (operator === undefined || left === undefined || right === undefined) return undefined;
    return compare(operator, left, right);
  }
  const bool = record.BoolExpr as Untyped | undefined;
  if (bool !== undefined) {
    const args = (bool.args as unknown[] | undefined) ?? [];
    if (bool.boolop === "NOT_EXPR") {
      const value = evaluate(args[0]);
      return typeof value === "boolean" ? !value : value === null ? null : undefined;
    }
    return combine(bool.boolop === "AND_EXPR", args);
  }
  return undefined;
}

/** AND / OR with three-valued logic: `x OR true` is true and `x AND false` is false whatever x is. */
function combine(isAnd: boolean, args: unknown[]): Constant | undefined {
  let unknown = false;
  let sawNull = false;
  for (const arg of args) {
    const value = evaluate(arg);
    if (value === !isAnd) return value;
    if (value === undefined) unknown = true;
    else if (value === null) sawNull = true;
    else if (typeof value !== "boolean") return undefined;
  }
  if (unknown) return undefined;
  return sawNull ? null : isAnd;
}

/** Whether a WHERE clause is true for every row (`WHERE true`, `WHERE 1 = 1`, `WHERE x OR true`): as good as none. */
export function isAlwaysTrue(where: unknown): boolean {
  return where === undefined || evaluate(where) === true;
}

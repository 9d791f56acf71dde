import type { AlterTableStmt, ColumnDef, CreateStmt, DropStmt, Node } from "@pgsql/types";
import { alterTableCommands } from "./classify/alter-table.js";
import { columnTypeOf } from "./lock-model/column-types.js";
import type { ColumnType, ColumnTypeLookup } from "./lock-model/verdict.js";
import { nodeOf, stringsOf, unwrapNode } from "./schema/ast.js";
import { relationKey } from "./relations.js";

/**
 * Column types seen so far in a file, so a later `ALTER COLUMN ... TYPE` can be judged. Only what the
 * statements themselves declare is known; an optional fallback answers for pre-existing tables.
 */
export class ColumnTypeTracker {
  private readonly types = new Map<string, ColumnType>();
  private readonly fallback: ColumnTypeLookup | undefined;

  constructor(fallback?: ColumnTypeLookup) {
    this.fallback = fallback;
  }

  /** The lookup to hand to `analyzeStatement`. */
  readonly lookup: ColumnTypeLookup = (relation, column) =>
    this.types.get(`${relation}\u0000${column}`) ?? this.fallback?.(relation, column);

  /** Learn from a statement, after it has been analysed. */
  observe(node: Node | undefined): void {
    const unwrapped = unwrapNode(node);
    if (unwrapped?.tag === "CreateStmt") this.observeCreate(unwrapped.value as CreateStmt);
    else if (unwrapped?.tag === "AlterTableStmt") this.observeAlter(unwrapped.value as AlterTableStmt);
    else if (unwrapped?.tag === "DropStmt") this.observeDrop(unwrapped.value as DropStmt);
  }

  private observeCreate(statement: CreateStmt): void {
    const table = statement.relation;
    if (table?.relname === undefined) return;
    const key = relationKey({ schema: table.schemaname, name: table.relname });
    for (const element of statement.tableElts ?? []) this.setColumn(key, nodeOf<ColumnDef>(element, "ColumnDef"));
  }

  private observeAlter(statement: AlterTableStmt): void {
    const table = statement.relation;
    if (table?.relname === undefined) return;
    const key = relationKey({ schema: table.schemaname, name: table.relname });
    for (const command of alterTableCommands(statement)) {
      const definition = nodeOf<ColumnDef>(command.def, "ColumnDef");
      if (command.subtype === "AT_AddColumn") this.setColumn(key, definition);
      if (command.subtype === "AT_AlterColumnType" && command.name !== undefined && definition !== undefined) {
        this.setColumn(key, { ...definition, colname: command.name });
      }
    }
  }

  private observeDrop(statement: DropStmt): void {
    if (statement.removeType !== "OBJECT_TABLE") return;
    for (const object of statement.objects ?? []) {
      const parts = stringsOf(nodeOf<{ items?: Node[] }>(object, "List")?.items);
      const name = parts[parts.length - 1];
      if (name === undefined) continue;
      const prefix = `${relationKey({ schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name })}\u0000`;
      for (const key of [...this.types.keys()]) if (key.startsWith(prefix)) this.types.delete(key);
    }
  }

  private setColumn(table: string, column: ColumnDef | undefined): void {
    if (column?.colname === undefined) return;
    const type = columnTypeOf(column.typeName);
    if (type !== undefined) this.types.set(`${table}\u0000${column.colname}`, type);
  }
}

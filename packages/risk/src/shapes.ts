/**
 * A generator of table shapes and the operations to time on them, shared by `calibrate` and the
 * out-of-sample evaluation: the two draw from different seeds and size ranges, so the evaluation
 * measures shapes and sizes the calibration never saw.
 */

/** A small deterministic random generator (mulberry32): the same seed draws the same shapes. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A secondary index a shape starts with. */
export type ShapeIndex = "key" | "label" | "code" | "doc" | "key_label";

/** One generated table: `t_<name>` referencing `p_<name>`. */
export interface TableShapeSpec {
  name: string;
  rows: number;
  /** Characters of `label` (text in the database's collation). */
  labelWidth: number;
  /** Characters of `code` (text COLLATE "C"). */
  codeWidth: number;
  /** Characters of `body`, stored out of line (TOAST, uncompressed) when over about 2 kB; 0 for NULL. */
  bodyWidth: number;
  /** Keys of the jsonb `doc`; 0 for NULL. */
  docKeys: number;
  /** How `key` is distributed: all distinct in random order, in physical order, or ten values. */
  keyOrder: "random" | "sequential" | "few";
  fillFactor: number;
  indexes: ShapeIndex[];
  /** Rows of the referenced table `p_<name>` (`parent_id` points at random ones). */
  parentRows: number;
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

/** Random shapes with rows drawn log-uniformly from [minimumRows, maximumRows], at most `maximumBytes` of heap and TOAST. */
export function generateShapes(
  seed: number,
  count: number,
  range: { minimumRows: number; maximumRows: number; maximumBytes: number; prefix: string },
): TableShapeSpec[] {
  const random = seededRandom(seed);
  const shapes: TableShapeSpec[] = [];
  for (let index = 0; index < count; index += 1) {
    const labelWidth = pick(random, [8, 16, 32, 64, 120]);
    const codeWidth = pick(random, [6, 12, 24, 48]);
    const bodyWidth = random() < 0.35 ? pick(random, [3000, 6000, 12000]) : random() < 0.3 ? 200 : 0;
    const docKeys = random() < 0.5 ? pick(random, [2, 4, 8]) : 0;
    const rowBytes = 60 + labelWidth + codeWidth + bodyWidth + docKeys * 14;
    const logRows = Math.log(range.minimumRows) + random() * (Math.log(range.maximumRows) - Math.log(range.minimumRows));
    const rows = Math.max(1000, Math.min(Math.round(Math.exp(logRows)), Math.floor(range.maximumBytes / rowBytes)));
    const available: ShapeIndex[] = ["key", "label", "code", "key_label", ...(docKeys > 0 ? (["doc"] as const) : [])];
    const indexes = available.filter(() => random() < 0.45);
    shapes.push({
      name: `${range.prefix}${index}`,
      rows,
      labelWidth,
      codeWidth,
      bodyWidth,
      docKeys,
      keyOrder: pick(random, ["random", "random", "sequential", "few"] as const),
      fillFactor: pick(random, [100, 100, 90, 70, 50]),
      indexes,
      parentRows: Math.round(rows * pick(random, [0.01, 0.2, 1, 4])) + 100,
    });
  }
  return shapes;
}

const text = (width: number, salt: string) => `substr(repeat(md5(g::text || '${salt}'), ${Math.ceil(width / 32)}), 1, ${width})`;

/** The SQL that creates a shape's tables in `schema` (quoted), fills them and analyses them; VACUUM is separate. */
export function createShapeSql(schema: string, shape: TableShapeSpec): string[] {
  const table = `${schema}.t_${shape.name}`;
  const parent = `${schema}.p_${shape.name}`;
  const key =
    shape.keyOrder === "sequential"
      ? "g"
      : shape.keyOrder === "few"
        ? "(hashint4(g) & 2147483647) % 10"
        : "hashint4(g) & 2147483647";
  const doc =
    shape.docKeys === 0
      ? "NULL"
      : `jsonb_build_object(${Array.from({ length: shape.docKeys }, (_, index) => `'k${index}', (g * ${index + 7}) % 1000`).join(", ")})`;
  const indexSql: Record<ShapeIndex, string> = {
    key: `CREATE INDEX ON ${table} (key)`,
    label: `CREATE INDEX ON ${table} (label)`,
    code: `CREATE INDEX ON ${table} (code)`,
    doc: `CREATE INDEX ON ${table} USING gin (doc)`,
    key_label: `CREATE INDEX ON ${table} (key, label)`,
  };
  return [
    `DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${parent}`,
    `CREATE TABLE ${parent} (id integer PRIMARY KEY)`,
    `INSERT INTO ${parent} SELECT g FROM generate_series(1, ${shape.parentRows}) AS g ORDER BY hashint4(g)`,
    `CREATE TABLE ${table} (id integer PRIMARY KEY, key integer, parent_id integer, label text, code text COLLATE "C", body text, doc jsonb) WITH (fillfactor = ${shape.fillFactor})`,
    `ALTER TABLE ${table} ALTER COLUMN body SET STORAGE EXTERNAL`,
    `INSERT INTO ${table} SELECT g, ${key}, 1 + (hashint4(g + 7) & 2147483647) % ${shape.parentRows}, ${text(shape.labelWidth, "l")}, ${text(shape.codeWidth, "c")}, ${shape.bodyWidth === 0 ? "NULL" : text(shape.bodyWidth, "b")}, ${doc} FROM generate_series(1, ${shape.rows}) AS g`,
    ...shape.indexes.map((index) => indexSql[index]),
  ];
}

/** A timed operation and the statement that undoes it (so operations can repeat on the same table). */
export interface ShapeOperation {
  name: string;
  sql: string;
  undo: string;
  /** Run inside a transaction that is rolled back (DML), so the table is unchanged afterwards. */
  rollback?: boolean;
  /** Run first, untimed (a NOT VALID constraint that the operation then validates). */
  setup?: string | undefined;
}

/** The operations timed on a shape, written for the table `<schema>.t_<name>`. */
export function shapeOperations(schema: string, shape: TableShapeSpec): ShapeOperation[] {
  const table = `${schema}.t_${shape.name}`;
  const parent = `${schema}.p_${shape.name}`;
  const operations: ShapeOperation[] = [
    {
      name: "catalog",
      sql: `ALTER TABLE ${table} ADD COLUMN note text DEFAULT 'none'`,
      undo: `ALTER TABLE ${table} DROP COLUMN note`,
    },
    {
      name: "catalog_default",
      sql: `ALTER TABLE ${table} ALTER COLUMN label SET DEFAULT 'unknown'`,
      undo: `ALTER TABLE ${table} ALTER COLUMN label DROP DEFAULT`,
    },
    { name: "catalog_comment", sql: `COMMENT ON TABLE ${table} IS 'measured'`, undo: `COMMENT ON TABLE ${table} IS NULL` },
    {
      name: "rewrite_type",
      sql: `ALTER TABLE ${table} ALTER COLUMN key TYPE bigint`,
      undo: `ALTER TABLE ${table} ALTER COLUMN key TYPE integer`,
    },
    {
      name: "rewrite_default",
      sql: `ALTER TABLE ${table} ADD COLUMN noise double precision DEFAULT random()`,
      undo: `ALTER TABLE ${table} DROP COLUMN noise`,
    },
    {
      name: "check",
      sql: `ALTER TABLE ${table} ADD CONSTRAINT t_check CHECK (key >= 0)`,
      undo: `ALTER TABLE ${table} DROP CONSTRAINT t_check`,
    },
    {
      name: "not_null",
      sql: `ALTER TABLE ${table} ALTER COLUMN parent_id SET NOT NULL`,
      undo: `ALTER TABLE ${table} ALTER COLUMN parent_id DROP NOT NULL`,
    },
    {
      name: "foreign_key",
      sql: `ALTER TABLE ${table} ADD CONSTRAINT t_parent FOREIGN KEY (parent_id) REFERENCES ${parent} (id)`,
      undo: `ALTER TABLE ${table} DROP CONSTRAINT t_parent`,
    },
    {
      name: "validate_foreign_key",
      setup: `ALTER TABLE ${table} ADD CONSTRAINT t_parent_late FOREIGN KEY (parent_id) REFERENCES ${parent} (id) NOT VALID`,
      sql: `ALTER TABLE ${table} VALIDATE CONSTRAINT t_parent_late`,
      undo: `ALTER TABLE ${table} DROP CONSTRAINT t_parent_late`,
    },
    { name: "index_key", sql: `CREATE INDEX t_key_new ON ${table} (key)`, undo: `DROP INDEX ${schema}.t_key_new` },
    { name: "index_label", sql: `CREATE INDEX t_label_new ON ${table} (label)`, undo: `DROP INDEX ${schema}.t_label_new` },
    { name: "index_code", sql: `CREATE UNIQUE INDEX t_code_new ON ${table} (code, id)`, undo: `DROP INDEX ${schema}.t_code_new` },
    {
      name: "index_concurrently",
      sql: `CREATE INDEX CONCURRENTLY t_parent_new ON ${table} (parent_id)`,
      undo: `DROP INDEX ${schema}.t_parent_new`,
    },
    {
      name: "index_concurrently_label",
      sql: `CREATE INDEX CONCURRENTLY t_label_concurrent ON ${table} (label)`,
      undo: `DROP INDEX ${schema}.t_label_concurrent`,
    },
    // Ranges of the primary key, which the planner estimates from its histogram: DML is priced by the
    // rows EXPLAIN expects, and an expression it cannot estimate (id % 4 = 0: 0.5%) would bias the fit.
    {
      name: "update",
      sql: `UPDATE ${table} SET key = key WHERE id <= ${Math.round(shape.rows / 4)}`,
      undo: "",
      rollback: true,
    },
    { name: "delete", sql: `DELETE FROM ${table} WHERE id > ${Math.round(shape.rows / 2)}`, undo: "", rollback: true },
  ];
  if (shape.docKeys > 0)
    operations.push({
      name: "index_doc",
      sql: `CREATE INDEX t_doc_new ON ${table} USING gin (doc)`,
      undo: `DROP INDEX ${schema}.t_doc_new`,
    });
  return operations;
}

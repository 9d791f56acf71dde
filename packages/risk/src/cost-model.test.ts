import { describe, expect, it } from "vitest";
import { assessRisk } from "./assess.js";
import type { RiskInputs, TableStatistics } from "./table-statistics.js";

/** A table as the catalog would describe it: 100 bytes a row, one primary key. */
function table(relation: string, rows: number, extra: Partial<TableStatistics> = {}): TableStatistics {
  return {
    relation,
    rowEstimate: rows,
    tableBytes: rows * 100,
    indexBytes: rows * 20,
    toastBytes: 0,
    totalBytes: rows * 120,
    dependencies: 0,
    source: "snapshot",
    columns: [
      { name: "id", type: "integer", averageWidth: 4, collated: false, correlation: 1 },
      { name: "parent_id", type: "integer", averageWidth: 4, collated: false, correlation: 0.01 },
      { name: "score", type: "integer", averageWidth: 4, collated: false, correlation: 0.02 },
      { name: "email", type: "text", averageWidth: 40, collated: true, correlation: 0.01 },
      { name: "payload", type: "text", averageWidth: 18, collated: true, correlation: 0 },
    ],
    indexes: [{ name: `${relation}_pkey`, method: "btree", unique: true, columns: ["id"], partial: false }],
    ...extra,
  };
}

const inputs = (...tables: TableStatistics[]): RiskInputs => ({ source: "snapshot", tables });

async function statementOf(sql: string, given: RiskInputs) {
  const report = await assessRisk({ files: [{ file: "1_change.up.sql", source: sql }], inputs: given });
  return report.statements.at(-1)!.downtime;
}

describe("the cost model prices what PostgreSQL really does", () => {
  it("prices VALIDATE CONSTRAINT of a foreign key as a check against the referenced table, not a heap scan", async () => {
    const child = table("orders", 5_000_000, { foreignKeys: [{ name: "orders_parent_fkey", referencedRelation: "parents" }] });
    const sql = "ALTER TABLE orders VALIDATE CONSTRAINT orders_parent_fkey";
    const small = await statementOf(sql, inputs(child, table("parents", 10_000)));
    const large = await statementOf(sql, inputs(child, table("parents", 20_000_000)));
    expect(small.operation).toBe("validate_foreign_key");
    // Reading and hashing 20M parent rows is most of the work.
    expect(large.estimateMs).toBeGreaterThan(small.estimateMs * 2);
  });

  it("knows which foreign key a later VALIDATE checks when the migration added it NOT VALID", async () => {
    const sql = `ALTER TABLE orders ADD CONSTRAINT orders_parent_fkey FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;
      ALTER TABLE orders VALIDATE CONSTRAINT orders_parent_fkey;`;
    const downtime = await statementOf(sql, inputs(table("orders", 1_000_000), table("parents", 20_000_000)));
    expect(downtime.operation).toBe("validate_foreign_key");
  });

  it("prices ADD FOREIGN KEY by the size of the referenced table too", async () => {
    const sql = "ALTER TABLE orders ADD CONSTRAINT orders_parent_fkey FOREIGN KEY (parent_id) REFERENCES parents (id)";
    const small = await statementOf(sql, inputs(table("orders", 2_000_000), table("parents", 10_000)));
    const large = await statementOf(sql, inputs(table("orders", 2_000_000), table("parents", 20_000_000)));
    expect(large.estimateMs).toBeGreaterThan(small.estimateMs * 2);
  });

  it("caps the parent's share when the child is tiny: the planner probes the parent's index per child row", async () => {
    const sql = "ALTER TABLE orders ADD CONSTRAINT orders_parent_fkey FOREIGN KEY (parent_id) REFERENCES parents (id)";
    const tiny = await statementOf(sql, inputs(table("orders", 100), table("parents", 50_000_000)));
    const bigParent = await statementOf(sql, inputs(table("orders", 2_000_000), table("parents", 50_000_000)));
    expect(tiny.estimateMs).toBeLessThan(bigParent.estimateMs / 10);
  });

  it("counts TOAST bytes in a rewrite: rows of 10 kB stored out of line are copied too", async () => {
    const sql = "ALTER TABLE documents ALTER COLUMN score TYPE bigint";
    const inline = await statementOf(sql, inputs(table("documents", 1_000_000)));
    const toasted = await statementOf(sql, inputs(table("documents", 1_000_000, { toastBytes: 10_000 * 1_000_000 })));
    expect(toasted.operation).toBe("rewrite");
    expect(toasted.estimateMs).toBeGreaterThan(inline.estimateMs * 10);
  });

  it("rebuilds every index in a rewrite: more indexes, longer rewrite", async () => {
    const sql = "ALTER TABLE documents ALTER COLUMN score TYPE bigint";
    const one = await statementOf(sql, inputs(table("documents", 1_000_000)));
    const extra = ["email", "score", "payload"].map((column) => ({
      name: `documents_${column}_idx`,
      method: "btree",
      unique: false,
      columns: [column],
      partial: false,
    }));
    const indexes = [...table("documents", 1).indexes!, ...extra];
    const four = await statementOf(sql, inputs(table("documents", 1_000_000, { indexes })));
    expect(four.estimateMs).toBeGreaterThan(one.estimateMs * 1.5);
  });

  it("prices an index build by its key: a collated text key sorts slower than an integer", async () => {
    const given = inputs(table("users", 2_000_000));
    const integer = await statementOf("CREATE INDEX users_score_idx ON users (score)", given);
    const text = await statementOf("CREATE INDEX users_email_idx ON users (email)", given);
    const textInC = await statementOf('CREATE INDEX users_email_c_idx ON users (email COLLATE "C")', given);
    expect(text.estimateMs).toBeGreaterThan(integer.estimateMs * 1.5);
    expect(textInC.estimateMs).toBeLessThan(text.estimateMs);
    // A presorted key (the physical order) needs no real sort.
    const presorted = await statementOf("CREATE UNIQUE INDEX users_id_idx ON users (id)", given);
    expect(presorted.estimateMs).toBeLessThan(integer.estimateMs);
  });

  it("prices REINDEX TABLE as rebuilding every index", async () => {
    const extra = { name: "users_email_idx", method: "btree", unique: false, columns: ["email"], partial: false };
    const one = await statementOf("REINDEX TABLE users", inputs(table("users", 2_000_000)));
    const two = await statementOf(
      "REINDEX TABLE users",
      inputs(table("users", 2_000_000, { indexes: [...table("users", 1).indexes!, extra] })),
    );
    expect(one.operation).toBe("index_build");
    expect(two.estimateMs).toBeGreaterThan(one.estimateMs * 1.5);
  });

  it("prices UPDATE and DELETE by the rows they change, and holds their row locks to COMMIT", async () => {
    const events = table("events", 10_000_000, { totalBytes: 1.2e9 });
    const report = await assessRisk({
      files: [
        {
          file: "1_rewrite_payload.up.sql",
          source: "LOCK TABLE events IN ACCESS EXCLUSIVE MODE;\nUPDATE events SET payload = upper(payload) WHERE id > 0;\n",
        },
      ],
      inputs: inputs(events),
    });
    const update = report.statements[1]!.downtime;
    expect(update.operation).toBe("dml");
    expect(update.estimateMs).toBeGreaterThan(10_000);
    expect(report.downtime.estimateMs).toBeGreaterThan(10_000);
    expect(report.level).not.toBe("LOW");
    // A few rows changed cost little.
    const few = await assessRisk({
      files: [{ file: "1_fix.up.sql", source: "UPDATE events SET payload = 'x' WHERE id = 1;" }],
      inputs: { ...inputs(events), statementRows: { "1_fix.up.sql:1:1": 1 } },
    });
    expect(few.statements[0]!.downtime.estimateMs).toBeLessThan(100);
  });

  it("prices a multi-part ALTER TABLE as the sum of its parts", async () => {
    const given = inputs(table("orders", 2_000_000), table("parents", 2_000_000));
    const key = await statementOf("ALTER TABLE orders ADD PRIMARY KEY (id)", given);
    const both = await statementOf(
      "ALTER TABLE orders ADD PRIMARY KEY (id), ADD CONSTRAINT orders_parent_fkey FOREIGN KEY (parent_id) REFERENCES parents (id)",
      given,
    );
    expect(both.estimateMs).toBeGreaterThan(key.estimateMs);
  });
});

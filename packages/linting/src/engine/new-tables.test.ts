import type { Node } from "@pgsql/types";
import { loadModule, parseSync } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { createdTables, NewTables } from "./new-tables.js";

beforeAll(() => loadModule());

const nodes = (sql: string): Node[] => (parseSync(sql).stmts ?? []).map((statement) => statement.stmt as Node);

/** The `created` and `empty` sets (bare names) after each statement of `sql`. */
function track(sql: string): Array<{ created: string[]; empty: string[] }> {
  const tables = new NewTables();
  return nodes(sql).map((node) => {
    tables.apply(node);
    const bare = (set: Set<string>) => [...set].filter((name) => !name.includes(".")).sort();
    return { created: bare(tables.created), empty: bare(tables.empty) };
  });
}

describe("createdTables", () => {
  it("names the tables CREATE TABLE and CREATE TABLE AS make, bare and qualified", () => {
    const [plain, qualified, as, index] = nodes(
      "CREATE TABLE a (id int); CREATE TABLE s.b (id int); CREATE TABLE c AS SELECT 1; CREATE INDEX i ON a (id)",
    );
    expect(createdTables(plain)).toEqual(["a", "public.a"]);
    expect(createdTables(qualified)).toEqual(["b", "s.b"]);
    expect(createdTables(as)).toEqual(["c", "public.c"]);
    expect(createdTables(index)).toEqual([]);
  });

  it("does not count CREATE TABLE IF NOT EXISTS: the table may already exist, with rows", () => {
    const [table, as] = nodes("CREATE TABLE IF NOT EXISTS a (id int); CREATE TABLE IF NOT EXISTS b AS SELECT 1");
    expect(createdTables(table)).toEqual([]);
    expect(createdTables(as)).toEqual([]);
  });
});

describe("NewTables", () => {
  it("takes a table out of the empty set once rows may have gone in, and keeps it created", () => {
    expect(track("CREATE TABLE a (id int); INSERT INTO a VALUES (1)")).toEqual([
      { created: ["a"], empty: ["a"] },
      { created: ["a"], empty: [] },
    ]);
    for (const write of [
      "COPY a FROM STDIN",
      "UPDATE a SET id = 2",
      "MERGE INTO a USING b ON a.id = b.id WHEN NOT MATCHED THEN INSERT VALUES (b.id)",
      "WITH moved AS (INSERT INTO public.a SELECT 1 RETURNING id) SELECT * FROM moved",
    ]) {
      expect(track(`CREATE TABLE a (id int); ${write}`)[1]).toEqual({ created: ["a"], empty: [] });
    }
    expect(track("CREATE TABLE a (id int); COPY a TO STDOUT; SELECT * FROM a")[2]).toEqual({ created: ["a"], empty: ["a"] });
  });

  it("counts CREATE TABLE AS as filled unless WITH NO DATA", () => {
    expect(track("CREATE TABLE a AS SELECT 1 AS id")).toEqual([{ created: ["a"], empty: [] }]);
    expect(track("CREATE TABLE a AS SELECT 1 AS id WITH NO DATA")).toEqual([{ created: ["a"], empty: ["a"] }]);
  });
});

import { describeEachDatabase } from "@confiture/db/testing";
import { expect, it } from "vitest";
import { FUNCTION_VOLATILITY_ENTRIES } from "./generated/function-volatility.js";
import { getFunctionVolatility } from "./volatility.js";

const RANK = { i: 0, s: 1, v: 2 } as const;

describeEachDatabase("generated function volatility against pg_proc", (getDatabase, target) => {
  it("agrees with the catalog for every built-in function both know", async () => {
    const { rows } = await getDatabase().query<{ name: string; volatility: "i" | "s" | "v" }>(
      `select p.proname as name, p.provolatile as volatility
         from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'pg_catalog'`,
    );
    const catalog = new Map<string, "i" | "s" | "v">();
    for (const row of rows) {
      const known = catalog.get(row.name);
      if (known === undefined || RANK[row.volatility] > RANK[known]) catalog.set(row.name, row.volatility);
    }
    const disagreements = [...catalog].filter(([name, volatility]) => {
      const generated = getFunctionVolatility(name);
      return generated !== undefined && generated !== volatility;
    });
    expect(disagreements).toEqual([]);
    if (target.name === "pglite") {
      // The table is generated from this very PGlite: a difference means it is stale (`pnpm generate`).
      expect(FUNCTION_VOLATILITY_ENTRIES.length).toBe(catalog.size);
    }
  });
});

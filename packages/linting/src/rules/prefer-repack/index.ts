import type { VacuumStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf, optionIsOn } from "../ast.js";
import { docsUrl, targetsOnlyNewTables } from "../support.js";

/** Flags VACUUM FULL and CLUSTER, which rewrite a table under an AccessExclusiveLock. */
export const preferRepack = defineRule({
  id: "prefer-repack",
  version: "1.0.0",
  meta: {
    description: "Prefer pg_repack over VACUUM FULL and CLUSTER.",
    severity: "warning",
    messages: {
      vacuumFull: "VACUUM FULL rewrites the table under an AccessExclusiveLock: all reads and writes wait for the whole rewrite.",
      cluster:
        "CLUSTER rewrites the table in index order under an AccessExclusiveLock: all reads and writes wait for the whole rewrite.",
    },
    docs: docsUrl("prefer-repack"),
    equivalents: { squawk: "prefer-repack" },
  },
  create: (context) => ({
    statement(visit) {
      const vacuum = nodeOf<VacuumStmt>(visit.node, "VacuumStmt");
      const full = vacuum?.is_vacuumcmd === true && optionIsOn(vacuum.options, "full");
      const cluster = nodeOf(visit.node, "ClusterStmt") !== undefined;
      if ((!full && !cluster) || targetsOnlyNewTables(visit)) return;
      context.report({
        messageId: cluster ? "cluster" : "vacuumFull",
        help: "Use pg_repack (or pg_squeeze), which rebuilds the table online and holds an exclusive lock only briefly at the end; or plain VACUUM to reclaim space for reuse.",
      });
    },
  }),
});

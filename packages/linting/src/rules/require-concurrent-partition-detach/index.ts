import type { PartitionCmd } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { alterCommands, alterTableOf, nodeOf } from "../ast.js";
import { docsUrl, isCreatedHere } from "../support.js";
import { lazySubcommandPlaces } from "../subcommands.js";

/** Flags DETACH PARTITION without CONCURRENTLY (PostgreSQL 14+, where the option exists). */
export const requireConcurrentPartitionDetach = defineRule({
  id: "require-concurrent-partition-detach",
  version: "1.0.0",
  meta: {
    description: "Require DETACH PARTITION CONCURRENTLY on PostgreSQL 14 and later.",
    severity: "warning",
    messages: {
      missingConcurrently:
        "DETACH PARTITION {{partition}} takes an AccessExclusiveLock on {{table}}: every read and write of the partitioned table waits.",
    },
    docs: docsUrl("require-concurrent-partition-detach"),
    equivalents: { squawk: "require-concurrent-partition-detach" },
  },
  create: (context) => ({
    statement(visit) {
      if (context.pgVersion < 14) return;
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isCreatedHere(visit, alter.relation)) return;
      const places = lazySubcommandPlaces(visit.statement, alter);
      for (const [position, command] of alterCommands(alter).entries()) {
        const partition = nodeOf<PartitionCmd>(command.def, "PartitionCmd");
        if (command.subtype !== "AT_DetachPartition" || partition === undefined || partition.concurrent === true) continue;
        context.report({
          messageId: "missingConcurrently",
          ...(places()[position] === undefined ? {} : { location: places()[position] }),
          data: { partition: partition.name?.relname ?? "", table: alter.relation?.relname ?? "" },
          help: "Use ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY outside a transaction (it takes a ShareUpdateExclusiveLock).",
        });
      }
    },
  }),
});

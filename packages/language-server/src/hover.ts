import type { LintedStatement } from "@confiture/linting";
import { describeLockMode } from "@confiture/sql";

/** What a statement blocks while it holds a lock, in the words a reviewer uses. */
function blocks(mode: Parameters<typeof describeLockMode>[0]): string {
  const description = describeLockMode(mode);
  const blocked = [
    description.blocksReads ? "reads" : "",
    description.blocksWrites ? "writes" : "",
    description.blocksDdl ? "schema changes" : "",
  ].filter(Boolean);
  return blocked.length === 0 ? "nothing but an ACCESS EXCLUSIVE lock" : blocked.join(", ");
}

/** Optional: a prediction of how long the statement holds its lock, from a stats snapshot or a database. */
export interface DurationEstimate {
  estimateMs: number;
  lowerMs: number;
  upperMs: number;
  method: string;
}

/** The hover of one statement: the locks it takes, on which relation, what they block, rewrite and scan. */
export function hoverMarkdown(statement: LintedStatement, duration?: DurationEstimate): string {
  const lines = [`**${statement.kind}**`, ""];
  if (statement.locks.length === 0) lines.push("Takes no table lock that blocks others.");
  for (const lock of statement.locks) lines.push(`- \`${lock.mode}\` on \`${lock.relation}\`: blocks ${blocks(lock.mode)}`);
  lines.push(
    "",
    `Rewrites the table: ${statement.rewrite ? "**yes**" : "no"} · Scans every row: ${statement.scan ? "**yes**" : "no"}`,
  );
  if (duration !== undefined)
    lines.push(
      "",
      `Predicted duration: ${Math.round(duration.estimateMs)} ms (between ${Math.round(duration.lowerMs)} and ${Math.round(duration.upperMs)} ms, ${duration.method})`,
    );
  return lines.join("\n");
}

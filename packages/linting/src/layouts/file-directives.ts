import { findComments } from "../engine/comments.js";
import { LineIndex } from "../engine/line-index.js";
import type { MigrationRole, RunnerName } from "./types.js";

/** A part of a file that its runner runs as one direction (dbmate, goose, node-pg-migrate keep both in one file). */
export interface FileSection {
  role: MigrationRole;
  /** 1-based, inclusive. */
  from: number;
  to: number;
  /** Set when the section's marker turns the transaction off (`-- migrate:up transaction:false`). */
  nonTransactional?: string;
}

/** What a file's own comments say: the runner they belong to, its sections, a transaction opt-out. */
export interface FileDirectives {
  runner?: RunnerName;
  sections?: FileSection[];
  /** The directive that makes the whole file run outside a transaction, as written. */
  nonTransactional?: string;
}

/** Markers that start a section, by runner; tested on a comment's text (not on SQL). */
const sectionMarkers: Array<{ runner: RunnerName; role: MigrationRole; test: RegExp }> = [
  { runner: "dbmate", role: "up", test: /^migrate:up\b/ },
  { runner: "dbmate", role: "down", test: /^migrate:down\b/ },
  { runner: "goose", role: "up", test: /^\+goose\s+up\b/i },
  { runner: "goose", role: "down", test: /^\+goose\s+down\b/i },
  { runner: "node-pg-migrate", role: "up", test: /^up migration$/i },
  { runner: "node-pg-migrate", role: "down", test: /^down migration$/i },
];

/**
 * File-wide opt-outs of the runner's transaction, by the tool that reads them: goose, Flyway's inline
 * script configuration, sqlx, postgres-migrations, ariga atlas, morph and Confiture's own.
 */
const nonTransactionalMarkers: RegExp[] = [
  /^\+goose\s+no\s+transaction\b/i,
  /^flyway:executeInTransaction\s*=\s*false\b/i,
  /^no-transaction$/i,
  /^postgres-migrations\s+disable-transaction\b/i,
  /^atlas:txmode\s+none\b/i,
  /^morph:nontransactional\b/i,
];

const drizzleBreakpoint = /^>\s*statement-breakpoint$/;
const dbmateNoTransaction = /\btransaction:false\b/;

/** Reads the comments of a file (found by PostgreSQL's scanner) for its runner's directives. */
export function readFileDirectives(source: string): FileDirectives {
  if (!source.includes("--") && !source.includes("/*")) return {};
  const lines = new LineIndex(source);
  const comments = findComments(source, [], lines);
  const result: FileDirectives = {};
  const starts: Array<{ role: MigrationRole; line: number; nonTransactional?: string }> = [];
  for (const comment of comments) {
    const text = comment.text;
    for (const marker of sectionMarkers) {
      if (!marker.test.test(text)) continue;
      result.runner ??= marker.runner;
      if (marker.runner !== result.runner) continue;
      const optOut = marker.runner === "dbmate" && dbmateNoTransaction.test(text) ? `-- ${text}` : undefined;
      starts.push({ role: marker.role, line: comment.line, ...(optOut === undefined ? {} : { nonTransactional: optOut }) });
    }
    if (result.nonTransactional === undefined && nonTransactionalMarkers.some((marker) => marker.test(text)))
      result.nonTransactional = `-- ${text}`;
    if (result.runner === undefined && drizzleBreakpoint.test(text)) result.runner = "drizzle";
  }
  if (starts.length > 0) {
    const last = lines.locate(Math.max(0, source.length - 1)).line;
    result.sections = starts.map((start, index) => ({
      role: start.role,
      from: start.line,
      to: index + 1 < starts.length ? starts[index + 1]!.line - 1 : last,
      ...(start.nonTransactional === undefined ? {} : { nonTransactional: start.nonTransactional }),
    }));
  }
  return result;
}

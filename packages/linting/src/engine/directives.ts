import type { SqlComment } from "./comments.js";

/** A directive written in a SQL comment. */
export type Directive =
  | {
      kind: "ignore-next-line";
      source: "confiture" | "squawk";
      rules: string[];
      reason?: string;
      comment: SqlComment;
      line: number;
    }
  | { kind: "ignore-file"; source: "confiture" | "squawk"; rules: string[]; reason?: string; comment: SqlComment }
  | { kind: "transaction"; wrap: boolean; comment: SqlComment };

function splitReason(body: string): { list: string; reason?: string } {
  const separator = body.indexOf("--");
  if (separator === -1) return { list: body };
  const reason = body.slice(separator + 2).trim();
  return { list: body.slice(0, separator), ...(reason ? { reason } : {}) };
}

function ruleList(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

const keywords: Array<[string, "confiture" | "squawk", "ignore-next-line" | "ignore-file"]> = [
  ["confiture-ignore-next-line", "confiture", "ignore-next-line"],
  ["confiture-ignore-file", "confiture", "ignore-file"],
  ["squawk-ignore-file", "squawk", "ignore-file"],
  ["squawk-ignore", "squawk", "ignore-next-line"],
];

/** Reads the directive a comment holds, if any (the text of one comment, not SQL). */
export function parseDirective(comment: SqlComment): Directive | undefined {
  const text = comment.text;
  const setting = /^confiture:\s*(no-transaction|transaction)\s*$/i.exec(text);
  if (setting) return { kind: "transaction", wrap: setting[1]!.toLowerCase() === "transaction", comment };
  for (const [keyword, source, kind] of keywords) {
    if (!text.startsWith(keyword)) continue;
    const rest = text.slice(keyword.length);
    if (rest.length > 0 && !/^[\s:]/.test(rest)) continue;
    const { list, reason } = splitReason(rest.replace(/^:/, ""));
    const rules = ruleList(list);
    const common = { source, rules, ...(reason === undefined ? {} : { reason }), comment };
    return kind === "ignore-file" ? { kind, ...common } : { kind, ...common, line: comment.nextTokenLine };
  }
  return undefined;
}

/** The directives of a file's comments, in order. */
export function parseDirectives(comments: readonly SqlComment[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const directive = parseDirective(comment);
    if (directive !== undefined) directives.push(directive);
  }
  return directives;
}

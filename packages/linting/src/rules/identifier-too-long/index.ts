import { defineRule } from "../../define-rule.js";
import { docsUrl, locate } from "../support.js";
import { tokensOf } from "../tokens.js";

/** PostgreSQL's NAMEDATALEN - 1. */
const MAXIMUM_BYTES = 63;

/**
 * Whether the text has a run of 64 or more bytes that could be one identifier (a word, or text
 * between double quotes). A cheap lexical pre-check so most statements skip the scanner.
 */
function mayHaveLongIdentifier(text: string): boolean {
  let run = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      quoted = !quoted;
      run = 0;
      continue;
    }
    const word =
      quoted ||
      code > 127 ||
      code === 95 ||
      code === 36 ||
      (code >= 48 && code <= 57) ||
      ((code | 32) >= 97 && (code | 32) <= 122);
    run = word ? run + (code > 127 ? 3 : 1) : 0;
    if (run > MAXIMUM_BYTES) return true;
  }
  return false;
}

/** An identifier token's name: quoted ones unquoted as written, plain ones folded to lower case. */
function identifierName(text: string): string {
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) return text.slice(1, -1).replaceAll('""', '"');
  if (/^u&"/i.test(text)) return text;
  return text.toLowerCase();
}

/**
 * Flags identifiers longer than 63 bytes, which PostgreSQL silently truncates. The parser already
 * truncates names in the tree, so the statement's tokens (PostgreSQL's own scanner) are read instead.
 */
export const identifierTooLong = defineRule({
  id: "identifier-too-long",
  version: "1.0.0",
  meta: {
    description: "Disallow identifiers longer than 63 bytes.",
    severity: "warning",
    messages: {
      tooLong:
        "{{name}} is {{bytes}} bytes long: PostgreSQL truncates it to 63 bytes ({{truncated}}), so later statements that spell it in full miss it or hit another object.",
    },
    docs: docsUrl("identifier-too-long"),
    equivalents: { squawk: "identifier-too-long" },
  },
  create: (context) => ({
    statement({ statement }) {
      if (!mayHaveLongIdentifier(statement.text)) return;
      const tokens = tokensOf(statement);
      const seen = new Set<string>();
      for (const token of tokens) {
        if (token.tokenName !== "IDENT") continue;
        const name = identifierName(token.text);
        const bytes = Buffer.byteLength(name);
        if (bytes <= MAXIMUM_BYTES || seen.has(name)) continue;
        seen.add(name);
        const truncated = Buffer.from(name)
          .subarray(0, MAXIMUM_BYTES)
          .toString("utf8")
          .replace(/\uFFFD$/u, "");
        context.report({
          messageId: "tooLong",
          data: { name, bytes, truncated },
          location: locate(statement, token.start),
          help: "Choose a name of at most 63 bytes.",
        });
      }
    },
  }),
});

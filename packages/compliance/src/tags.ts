import { SENSITIVE_CATEGORIES, type SensitiveCategory } from "./categories.js";

/**
 * Tags a team writes in `COMMENT ON` text (or a `SECURITY LABEL`): `@phi`, `@pii`, `@pan`, `@sad`,
 * `@financial`, `@audit`, `@credential` classify; `@not-sensitive` declassifies; `@encrypted`,
 * `@tokenized`, `@hashed`, `@masked` say how the value is protected; `@retention(90d)` and
 * `@erasure(...)` record the retention and erasure policy.
 */
export interface Tags {
  categories: Set<SensitiveCategory>;
  notSensitive: boolean;
  protection: Set<"encrypted" | "tokenized" | "hashed" | "masked">;
  retention?: string;
  erasure?: string;
}

const protections = new Set(["encrypted", "tokenized", "hashed", "masked"] as const);

/** Reads the `@tags` in a comment or label text. Unknown tags are ignored. */
export function parseTags(text: string | undefined): Tags {
  const tags: Tags = { categories: new Set(), notSensitive: false, protection: new Set() };
  if (!text) return tags;
  for (const match of text.matchAll(/@([a-z][a-z0-9-]*)(?:\(([^)]*)\))?/gi)) {
    const name = (match[1] ?? "").toLowerCase();
    const argument = match[2]?.trim();
    if ((SENSITIVE_CATEGORIES as readonly string[]).includes(name)) tags.categories.add(name as SensitiveCategory);
    else if (name === "not-sensitive" || name === "nonsensitive" || name === "public") tags.notSensitive = true;
    else if (protections.has(name as never)) tags.protection.add(name as "encrypted");
    else if (name === "retention") tags.retention = argument ?? "";
    else if (name === "erasure") tags.erasure = argument ?? "";
  }
  return tags;
}

/** Tags from a comment and every security label of an object, merged. */
export function tagsOf(object: { comment?: string; securityLabels?: Record<string, string> }): Tags {
  const merged = parseTags(object.comment);
  for (const label of Object.values(object.securityLabels ?? {})) {
    // A bare label such as 'phi' or 'PII' counts like the tag.
    const labelTags = parseTags(label.includes("@") ? label : `@${label.trim()}`);
    for (const category of labelTags.categories) merged.categories.add(category);
    for (const protection of labelTags.protection) merged.protection.add(protection);
    merged.notSensitive ||= labelTags.notSensitive;
    merged.retention ??= labelTags.retention;
    merged.erasure ??= labelTags.erasure;
  }
  return merged;
}

/** Splits an identifier into lower-case tokens: `PrimaryCardNumber`, `primary_card_number` -> primary, card, number. */
export function identifierTokens(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== "");
}

/** Whether the pattern's tokens appear contiguously among the identifier's tokens. */
export function matchesNamePattern(identifier: string, pattern: string): boolean {
  const tokens = identifierTokens(identifier);
  const wanted = identifierTokens(pattern);
  if (wanted.length === 0) return false;
  for (let start = 0; start + wanted.length <= tokens.length; start += 1) {
    if (wanted.every((token, offset) => tokens[start + offset] === token)) return true;
  }
  return false;
}

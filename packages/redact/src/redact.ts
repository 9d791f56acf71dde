/** What every redacted secret is replaced with. */
export const redactedMark = "***";

// Keys whose values are secrets: in config files, query strings and header names.
const secretKey = /pass(word|wd|phrase)?$|secret|token|api[-_]?key|apikey|credential|auth|private[-_]?key|signature|cookie/i;

/** True for a key (config, query parameter, header name) whose value is a secret: `password`, `apiKey`, `X-Api-Key`... */
export function isSecretKey(key: string): boolean {
  return secretKey.test(key);
}

/**
 * The URL with its password (user-info password and any secret-looking query parameter) replaced by
 * `***`, so it can go to logs, errors and reports. A string that does not parse as a URL goes
 * through `redactSecrets`.
 */
export function redactUrl(url: string): string {
  if (!url.includes("://")) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = redactedMark;
    for (const key of [...parsed.searchParams.keys()]) {
      if (isSecretKey(key)) parsed.searchParams.set(key, redactedMark);
    }
    return parsed.toString();
  } catch {
    return redactSecrets(url);
  }
}

/**
 * Any text (an error message, a log line, a config excerpt) with credentials masked: the password
 * of every `scheme://user:password@host` inside it, and the value of every secret-looking
 * `key=value` parameter. The one function every package uses before text leaves the process.
 */
export function redactSecrets(text: string): string {
  return (
    text
      // user:password@ inside a URL; the password may hold ':' or '@', so take the last '@' before a space.
      .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/]*@(?=[^\s@]*(?:[\s/]|$))/gi, `$1:${redactedMark}@`)
      .replace(/([?&;\s]|^)([\w-]+)=([^&\s;'"]+)/g, (whole, lead: string, key: string) =>
        isSecretKey(key) ? `${lead}${key}=${redactedMark}` : whole,
      )
  );
}

/**
 * One line of a config file (YAML or JSON) fit to print in an error excerpt: the value of a
 * secret-looking key (`password: x`, `"apiKey": "x"`) masked, and credentials in URLs redacted.
 */
export function redactConfigLine(line: string): string {
  const masked = line.replace(
    /^(\s*(?:-\s+)?["']?)([\w.-]+)(["']?\s*[:=]\s*)(.+?)(\s*,?\s*)$/,
    (whole, lead: string, key: string, separator: string, _value: string, tail: string) =>
      isSecretKey(key) ? `${lead}${key}${separator}${redactedMark}${tail}` : whole,
  );
  // JSON pairs anywhere in the line (JSON.parse quotes a snippet of the text in its message).
  const pairs = masked.replace(/("([\w.-]+)"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\s]+)/g, (whole, lead: string, key: string) =>
    isSecretKey(key) ? `${lead}${redactedMark}` : whole,
  );
  return redactSecrets(pairs);
}

/** A config excerpt (several lines, e.g. a YAML or JSON syntax error message), each line through `redactConfigLine`. */
export function redactConfigText(text: string): string {
  return text.split("\n").map(redactConfigLine).join("\n");
}

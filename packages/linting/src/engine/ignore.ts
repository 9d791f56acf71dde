import picomatch from "picomatch";

/**
 * A test for `lint.ignore`: whether a file, given by its path relative to the config's directory
 * (forward slashes), matches one of the globs. A directory glob (`vendor/`) ignores what is under it.
 */
export function ignoreMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const expanded = patterns.flatMap((pattern) => (pattern.endsWith("/") ? [`${pattern}**`] : [pattern, `${pattern}/**`]));
  const matches = picomatch(expanded, { dot: true });
  return (relativePath) => matches(relativePath.replace(/\\/g, "/").replace(/^\.\//, ""));
}

import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * The per-user cache directory of Confiture: `CONFITURE_CACHE_DIR` when set, else
 * `$XDG_CACHE_HOME/confiture`, else `~/.cache/confiture`; `undefined` when none can be named
 * (no home directory). Relative `XDG_CACHE_HOME` values are ignored, as the XDG specification asks.
 */
export function userCacheDirectory(
  environment: NodeJS.ProcessEnv = process.env,
  homeDirectory: string = safeHomeDirectory(),
): string | undefined {
  const explicit = environment.CONFITURE_CACHE_DIR?.trim();
  if (explicit) return explicit;
  const xdg = environment.XDG_CACHE_HOME?.trim();
  if (xdg && isAbsolute(xdg)) return join(xdg, "confiture");
  return homeDirectory ? join(homeDirectory, ".cache", "confiture") : undefined;
}

function safeHomeDirectory(): string {
  try {
    return homedir();
  } catch {
    // No passwd entry and no HOME (some containers): there is simply no user cache.
    return "";
  }
}

import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Which `confiture` the extension starts: the `confiture.path` setting, else the workspace's installed
 * CLI (so the editor, the hook and CI run one version with one config), else `confiture` on the PATH.
 */
export function serverCommand(
  workspaceRoot: string | undefined,
  configured: string | undefined,
  platform = process.platform,
): string {
  if (configured !== undefined && configured !== "") return configured;
  if (workspaceRoot !== undefined) {
    const installed = join(workspaceRoot, "node_modules", ".bin", platform === "win32" ? "confiture.cmd" : "confiture");
    if (existsSync(installed)) return installed;
  }
  return "confiture";
}

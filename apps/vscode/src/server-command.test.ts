import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serverCommand } from "./server-command.js";

describe("serverCommand", () => {
  it("prefers the setting, then the workspace's installed CLI, then the PATH", () => {
    const workspace = mkdtempSync(join(tmpdir(), "confiture-vscode-"));
    expect(serverCommand(workspace, "")).toBe("confiture");
    expect(serverCommand(undefined, undefined)).toBe("confiture");
    mkdirSync(join(workspace, "node_modules", ".bin"), { recursive: true });
    writeFileSync(join(workspace, "node_modules", ".bin", "confiture"), "#!/bin/sh\n");
    chmodSync(join(workspace, "node_modules", ".bin", "confiture"), 0o755);
    expect(serverCommand(workspace, undefined, "linux")).toBe(join(workspace, "node_modules", ".bin", "confiture"));
    expect(serverCommand(workspace, "/opt/confiture/bin/confiture")).toBe("/opt/confiture/bin/confiture");
  });
});

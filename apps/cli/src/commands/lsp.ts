import { dirname } from "node:path";
import type { Command } from "commander";
import type { CliRuntime, CommandModule } from "./types.js";

/**
 * The project of a file for the language server: the config found from the file's directory upwards
 * (else the workspace's), its libraries and migrations directory: what `confiture lint` would use.
 */
async function loadProject(runtime: CliRuntime, filePath: string) {
  const [{ general, parseLintConfig }, { loadConfig }, setup] = await Promise.all([
    import("@confiture/linting"),
    import("../config/load-config.js"),
    import("../config/lint-setup.js"),
  ]);
  const near = await loadConfig({ cwd: dirname(filePath) });
  const loaded = near.path === undefined ? await loadConfig({ cwd: runtime.io.cwd }) : near;
  const section = setup.lintSection(loaded, {});
  const libraries = await setup.selectLibraries(general, section, loaded, runtime.io, {});
  return {
    configDirectory: loaded.directory,
    migrationsDirectory: setup.configuredMigrationsDirectory(loaded),
    libraries,
    lint: parseLintConfig(loaded.config.lint ?? {}),
  };
}

/** `confiture lsp`: the language server over stdio, for editors. Loaded only here, so other commands never pay for it. */
export const lspCommand: CommandModule = {
  name: "lsp",
  register(program: Command, runtime: CliRuntime) {
    program
      .command("lsp")
      .description("run the language server over stdio (diagnostics as you type, lock hovers, fixes) for editors")
      .option("--stdio", "talk LSP over stdin and stdout (the default and only transport)")
      .addHelpText(
        "after",
        `
Editors start it; you do not. The VS Code extension (apps/vscode) runs the workspace's installed CLI.
Other editors: run \`npx confiture lsp --stdio\` for .sql files (Neovim: vim.lsp.start({ cmd = { "npx", "confiture", "lsp", "--stdio" } })).`,
      )
      .action(async () => {
        const { serveStdio } = await import("@confiture/language-server");
        serveStdio({ loadProject: (filePath) => loadProject(runtime, filePath) });
        // Served until the client sends `exit` (the server library ends the process then).
        await new Promise(() => {});
      });
  },
};

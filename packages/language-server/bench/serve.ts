// The server as `confiture lsp` runs it, for one migrations directory (argv[2]) with the general
// library and the default config: the bench's child process.
import { general } from "@confiture/linting";
import { serveStdio } from "../src/index.js";

const migrationsDirectory = process.argv[2] ?? "migrations";
serveStdio({
  loadProject: async () => ({ configDirectory: migrationsDirectory, migrationsDirectory, libraries: [general], lint: {} }),
});

// Module hooks (they run on the loader thread). They append each loaded URL to the file named by
// CONFITURE_RECORD_MODULES, and make the packages named in CONFITURE_HIDE_PACKAGES (comma-separated)
// fail to resolve exactly as a package that is not installed does, to play a lint-only install.
import { appendFileSync } from "node:fs";

const hidden = new Set((process.env.CONFITURE_HIDE_PACKAGES ?? "").split(",").filter(Boolean));

export async function resolve(specifier, context, nextResolve) {
  const name = specifier.match(/^(@[^/]+\/[^/]+|[^./][^/]*)/)?.[1];
  if (name !== undefined && hidden.has(name)) {
    const error = new Error(`Cannot find package '${name}' imported from ${context.parentURL}`);
    error.code = "ERR_MODULE_NOT_FOUND";
    throw error;
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (process.env.CONFITURE_RECORD_MODULES) appendFileSync(process.env.CONFITURE_RECORD_MODULES, `${url}\n`);
  return nextLoad(url, context);
}

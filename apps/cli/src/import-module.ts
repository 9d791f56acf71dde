import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";

/**
 * Imports a module a config names (hook modules, custom libraries): TypeScript through jiti, the way
 * the config itself is loaded, anything else with Node's own import.
 */
export function importModule(specifier: string): Promise<unknown> {
  if (/\.(c|m)?ts$/.test(specifier)) {
    const path = specifier.startsWith("file:") ? fileURLToPath(specifier) : specifier;
    return createJiti(import.meta.url, { moduleCache: false }).import(path);
  }
  return import(specifier);
}

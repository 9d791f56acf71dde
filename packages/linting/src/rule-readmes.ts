import { pathToFileURL } from "node:url";

/**
 * The docs of a library whose rules keep a README beside their code (`src/rules/<id>/README.md`) and
 * ship it in the package tarball: a `file:` URL into the installed package, so a finding's link works
 * offline and describes the version that produced it. `packageRoot` is the package's directory, e.g.
 * `new URL("../", import.meta.url)` from `src/index.ts` (the same from `dist/index.js`).
 */
export function ruleReadmes(packageRoot: URL | string): (ruleId: string) => string {
  const root =
    typeof packageRoot === "string" ? pathToFileURL(packageRoot.endsWith("/") ? packageRoot : `${packageRoot}/`) : packageRoot;
  return (ruleId) => new URL(`src/rules/${encodeURIComponent(ruleId)}/README.md`, root).href;
}

// Module hooks (they run on the loader thread): append each loaded URL to the record file.
import { appendFileSync } from "node:fs";

export async function load(url, context, nextLoad) {
  if (process.env.CONFITURE_RECORD_MODULES) appendFileSync(process.env.CONFITURE_RECORD_MODULES, `${url}\n`);
  return nextLoad(url, context);
}

import { describePackStructure, seedIds } from "@confiture/compliance/testing";
import { join } from "node:path";
import gdpr from "./index.js";

describePackStructure(gdpr, {
  packageDirectory: join(import.meta.dirname, ".."),
  framework: "GDPR",
  controlPattern: /^Art\. \d+/,
  seeds: seedIds("gdpr_", 18),
  minimumRules: 18,
  liveTestFile: join(import.meta.dirname, "live-rules.db.test.ts"),
});

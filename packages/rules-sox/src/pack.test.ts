import { describePackStructure, seedIds } from "@confiture/compliance/testing";
import { join } from "node:path";
import sox from "./index.js";

describePackStructure(sox, {
  packageDirectory: join(import.meta.dirname, ".."),
  framework: "SOX",
  controlPattern: /^SOX (302|404|802)\b/,
  seeds: seedIds("sox_", 12),
  minimumRules: 12,
  liveTestFile: join(import.meta.dirname, "live-rules.db.test.ts"),
});

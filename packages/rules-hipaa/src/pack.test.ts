import { describePackStructure, seedIds } from "@confiture/compliance/testing";
import { join } from "node:path";
import hipaa from "./index.js";

describePackStructure(hipaa, {
  packageDirectory: join(import.meta.dirname, ".."),
  framework: "HIPAA",
  controlPattern: /^45 CFR 164\.\d+\(/,
  seeds: seedIds("hipaa_", 15),
  minimumRules: 15,
  liveTestFile: join(import.meta.dirname, "live-rules.db.test.ts"),
});

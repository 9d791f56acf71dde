import { describePackStructure, seedIds } from "@confiture/compliance/testing";
import { join } from "node:path";
import pci from "./index.js";

describePackStructure(pci, {
  packageDirectory: join(import.meta.dirname, ".."),
  framework: "PCI-DSS",
  controlPattern: /^\d+\.\d+(\.\d+)?$/,
  seeds: seedIds("pci_dss_", 10),
  minimumRules: 10,
  liveTestFile: join(import.meta.dirname, "live-rules.db.test.ts"),
});

import { serverSettingsRule } from "@confiture/compliance";

/** Require data checksums. */
export const rule = serverSettingsRule({
  id: "live-data-checksums",
  description: "Require data checksums",
  severity: "error",
  compliance: [
    { framework: "SOX", control: "SOX 404 ITGC: computer operations (backup and recovery)" },
    { framework: "SOX", control: "SOX 404: integrity of financial data" },
  ],
  help: "Enable checksums (initdb --data-checksums, or pg_checksums --enable on a stopped cluster).",
  requirements: [{ name: "data_checksums", expected: "on", accepts: (value) => value === "on" }],
});

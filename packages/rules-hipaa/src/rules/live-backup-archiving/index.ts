import { serverSettingsRule } from "@confiture/compliance";

/** Require WAL archiving for backups. */
export const rule = serverSettingsRule({
  id: "live-backup-archiving",
  description: "Require WAL archiving for backups",
  severity: "error",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.308(a)(7)(ii)(A)" }],
  help: "Set archive_mode = on with an archive_command (or use a managed service's point-in-time recovery).",
  requirements: [{ name: "archive_mode", expected: "on or always", accepts: (value) => value === "on" || value === "always" }],
});

import { liveFindings as findingsOf, serverSetting } from "@confiture/compliance/testing";
import { describeEachDatabase } from "@confiture/db/testing";
import type { LiveDatabase } from "@confiture/linting";
import { expect, it } from "vitest";
import hipaa from "./index.js";

const liveRules = [
  "live-ssl",
  "live-password-encryption",
  "live-connection-logging",
  "live-session-timeout",
  "live-pgaudit",
  "live-login-roles-have-passwords",
  "live-superuser-allow-list",
  "live-backup-archiving",
];

const liveFindings = (database: LiveDatabase) => findingsOf(hipaa, database, liveRules);

describeEachDatabase("hipaa live rules", (getDatabase, target) => {
  it("report exactly the settings this server gets wrong", async () => {
    const database = getDatabase();
    const setting = (name: string) => serverSetting(database, name);
    const findings = await liveFindings(database);
    const count = (ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).length;

    expect(count("live-ssl")).toBe((await setting("ssl")) === "on" ? 0 : 1);
    expect(count("live-password-encryption")).toBe((await setting("password_encryption")) === "scram-sha-256" ? 0 : 1);
    // PostgreSQL 18 made log_connections a list of aspects; "on" and "all" still mean everything.
    const connections = (await setting("log_connections")) ?? "";
    const logging = [
      !(connections === "on" || connections === "all" || connections.includes("authorization")),
      (await setting("log_disconnections")) !== "on",
      !["ddl", "mod", "all"].includes((await setting("log_statement")) ?? "none"),
    ];
    expect(count("live-connection-logging")).toBe(logging.filter(Boolean).length);
    expect(count("live-pgaudit")).toBe(((await setting("shared_preload_libraries")) ?? "").includes("pgaudit") ? 0 : 1);
    expect(count("live-backup-archiving")).toBe(["on", "always"].includes((await setting("archive_mode")) ?? "") ? 0 : 1);
    const passwordless = await database.query("SELECT rolname FROM pg_authid WHERE rolcanlogin AND rolpassword IS NULL");
    expect(count("live-login-roles-have-passwords")).toBe(passwordless.rows.length);
    for (const finding of findings)
      expect(finding).toMatchObject({
        library: "hipaa",
        file: "<database>",
        compliance: [expect.objectContaining({ framework: "HIPAA" })],
      });
    expect(target.name).toMatch(/pglite|postgres/);
  });

  it("flags a superuser outside the allow-list", async () => {
    const database = getDatabase();
    const role = `confiture_su_${process.pid}`;
    await database.exec(`CREATE ROLE ${role} LOGIN SUPERUSER`);
    try {
      const findings = await liveFindings(database);
      expect(
        findings.filter((finding) => finding.ruleId === "live-superuser-allow-list").map((finding) => finding.message),
      ).toEqual(expect.arrayContaining([expect.stringContaining(role)]));
    } finally {
      await database.exec(`DROP ROLE ${role}`);
    }
  });

  it("accepts an idle-session timeout set for the session", async () => {
    const database = getDatabase();
    if (database.driver !== "pglite") return; // a pool may answer on another connection
    await database.exec("SET idle_in_transaction_session_timeout = '5min'");
    expect((await liveFindings(database)).filter((finding) => finding.ruleId === "live-session-timeout")).toEqual([]);
    await database.exec("RESET idle_in_transaction_session_timeout");
    expect((await liveFindings(database)).filter((finding) => finding.ruleId === "live-session-timeout").length).toBeGreaterThan(
      0,
    );
  });
});

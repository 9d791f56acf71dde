import { liveFindings, serverSetting } from "@confiture/compliance/testing";
import { describeEachDatabase } from "@confiture/db/testing";
import { expect, it } from "vitest";
import sox from "./index.js";

const liveRules = ["live-ddl-logging", "live-superuser-allow-list", "live-pgaudit", "live-data-checksums"];

describeEachDatabase("sox live rules", (getDatabase) => {
  it("report exactly what this server gets wrong", async () => {
    const database = getDatabase();
    const findings = await liveFindings(sox, database, liveRules);
    const count = (ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).length;
    expect(count("live-ddl-logging")).toBe(
      ["ddl", "mod", "all"].includes((await serverSetting(database, "log_statement")) ?? "") ? 0 : 1,
    );
    expect(count("live-data-checksums")).toBe((await serverSetting(database, "data_checksums")) === "on" ? 0 : 1);
    expect(count("live-pgaudit")).toBe(
      ((await serverSetting(database, "shared_preload_libraries")) ?? "").includes("pgaudit") ? 0 : 1,
    );
    const superusers = await database.query("SELECT 1 FROM pg_roles WHERE rolcanlogin AND rolsuper AND rolname <> 'postgres'");
    expect(count("live-superuser-allow-list")).toBe(superusers.rows.length);
    for (const finding of findings) expect(finding.compliance?.[0]?.framework).toBe("SOX");
  });
});

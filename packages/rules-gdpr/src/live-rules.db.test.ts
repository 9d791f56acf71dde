import { liveFindings, serverSetting } from "@confiture/compliance/testing";
import { describeEachDatabase } from "@confiture/db/testing";
import { expect, it } from "vitest";
import gdpr from "./index.js";

const liveRules = ["live-ssl", "live-password-encryption", "live-connection-logging"];

describeEachDatabase("gdpr live rules", (getDatabase) => {
  it("report exactly what this server gets wrong", async () => {
    const database = getDatabase();
    const findings = await liveFindings(gdpr, database, liveRules);
    const count = (ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).length;
    expect(count("live-ssl")).toBe((await serverSetting(database, "ssl")) === "on" ? 0 : 1);
    expect(count("live-password-encryption")).toBe(
      (await serverSetting(database, "password_encryption")) === "scram-sha-256" ? 0 : 1,
    );
    const connections = (await serverSetting(database, "log_connections")) ?? "";
    const expected = [
      !(connections === "on" || connections === "all" || connections.includes("authorization")),
      (await serverSetting(database, "log_disconnections")) !== "on",
      !["ddl", "mod", "all"].includes((await serverSetting(database, "log_statement")) ?? "none"),
    ].filter(Boolean).length;
    expect(count("live-connection-logging")).toBe(expected);
    for (const finding of findings) expect(finding).toMatchObject({ library: "gdpr", file: "<database>" });
  });
});

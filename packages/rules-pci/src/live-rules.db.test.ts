import { liveFindings, serverSetting } from "@confiture/compliance/testing";
import { describeEachDatabase } from "@confiture/db/testing";
import { expect, it } from "vitest";
import pci from "./index.js";

const liveRules = ["live-login-roles-have-passwords", "live-network-access", "live-ssl", "live-password-encryption"];

describeEachDatabase("pci live rules", (getDatabase) => {
  it("report exactly what this server gets wrong", async () => {
    const database = getDatabase();
    const findings = await liveFindings(pci, database, liveRules);
    const count = (ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).length;
    expect(count("live-ssl")).toBe((await serverSetting(database, "ssl")) === "on" ? 0 : 1);
    expect(count("live-password-encryption")).toBe(
      (await serverSetting(database, "password_encryption")) === "scram-sha-256" ? 0 : 1,
    );
    const passwordless = await database.query("SELECT 1 FROM pg_authid WHERE rolcanlogin AND rolpassword IS NULL");
    expect(count("live-login-roles-have-passwords")).toBe(passwordless.rows.length);
    // pg_hba_file_rules exists on a server; PGlite has no pg_hba.conf, so the rule says it could not check or finds nothing.
    const hba = await database
      .query(
        "SELECT count(*)::int AS n FROM pg_hba_file_rules WHERE type LIKE 'host%' AND (auth_method = 'trust' OR type = 'host')",
      )
      .catch(() => undefined);
    const network = findings.filter((finding) => finding.ruleId === "live-network-access");
    if (hba === undefined) expect(network.map((finding) => finding.messageId)).toEqual(["unknown"]);
    else expect(network.length).toBe(Number(hba.rows[0]?.n));
    for (const finding of findings) expect(finding.compliance?.[0]?.framework).toBe("PCI-DSS");
  });
});

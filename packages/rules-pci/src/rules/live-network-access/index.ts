import { networkAccessRule } from "@confiture/compliance";

/** Disallow network access without a password or without TLS. */
export const rule = networkAccessRule({
  id: "live-network-access",
  description: "Disallow network access without a password or without TLS",
  severity: "warning",
  compliance: [
    { framework: "PCI-DSS", control: "1.2.1" },
    { framework: "PCI-DSS", control: "1.3.1" },
  ],
});

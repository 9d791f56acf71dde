import type { ComplianceControl, Severity } from "@confiture/linting";
import type { SensitiveCategory } from "../categories.js";

/** What every factory needs from the pack: the rule's identity and the control it enforces. */
export interface RuleIdentity {
  id: string;
  version?: string;
  /** Starts with Require / Disallow / Prefer / Enforce. */
  description: string;
  severity: Severity;
  compliance: ComplianceControl[];
  docs?: string;
}

/** Rules about sensitive data name the categories they protect and how to say them in a message. */
export interface SensitiveDataRule extends RuleIdentity {
  categories: readonly SensitiveCategory[];
  /** How messages name the data: "PHI", "personal data", "cardholder data". */
  label: string;
}

export const defaultVersion = "1.0.0";

/** The id, version and meta every factory-made rule shares, with its own messages. */
export function ruleBase<const MessageIds extends string>(identity: RuleIdentity, messages: Record<MessageIds, string>) {
  return {
    id: identity.id,
    version: identity.version ?? defaultVersion,
    meta: {
      description: identity.description,
      severity: identity.severity,
      compliance: identity.compliance,
      ...(identity.docs ? { docs: identity.docs } : {}),
      messages,
    },
  };
}

/** Where a live finding is reported: the database, not a file. */
export const databaseLocation = { file: "<database>", line: 1, column: 1 } as const;

/**
 * Kinds of sensitive data the compliance packs protect.
 * - `phi`: protected health information (HIPAA).
 * - `pii`: personal data (GDPR).
 * - `pan`: primary account numbers of payment cards (PCI-DSS 3.3-3.5).
 * - `sad`: sensitive authentication data: CVV/CVC, PINs, track data (PCI-DSS 3.3.1: never stored).
 * - `financial`: financial records (SOX).
 * - `audit`: audit trails and ledgers that must only be appended to.
 * - `credential`: passwords, secrets, keys.
 */
export const SENSITIVE_CATEGORIES = ["phi", "pii", "pan", "sad", "financial", "audit", "credential"] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** Name patterns: snake_case token sequences matched against identifiers token by token (see `matchesNamePattern`). */
export interface NamePatterns {
  columns: string[];
  tables: string[];
}

/**
 * The default patterns. A pattern matches an identifier when its tokens appear contiguously in the
 * identifier's tokens: `card_number` matches `card_number` and `primary_card_number`, `pan` matches
 * `card_pan` but not `company`. Chosen to be specific: a false positive in a compliance pack costs
 * trust, so ambiguous words (`name`, `address` alone) need a tag.
 */
export const defaultPatterns: Record<SensitiveCategory, NamePatterns> = {
  phi: {
    columns: [
      "diagnosis",
      "diagnoses",
      "medical_record",
      "mrn",
      "icd10",
      "icd_10",
      "icd_code",
      "prescription",
      "medication",
      "treatment",
      "health_condition",
      "condition_code",
      "lab_result",
      "blood_type",
      "allergies",
      "allergy",
      "symptoms",
      "clinical_notes",
      "health_record",
      "insurance_member_id",
      "patient_notes",
    ],
    tables: [
      "patients",
      "patient",
      "diagnoses",
      "prescriptions",
      "medical_records",
      "health_records",
      "lab_results",
      "encounters",
      "clinical_notes",
    ],
  },
  pii: {
    columns: [
      "ssn",
      "social_security",
      "social_security_number",
      "national_id",
      "passport",
      "passport_number",
      "tax_id",
      "date_of_birth",
      "birth_date",
      "dob",
      "email",
      "email_address",
      "phone",
      "phone_number",
      "mobile_number",
      "home_address",
      "street_address",
      "postal_address",
      "first_name",
      "last_name",
      "full_name",
      "ip_address",
      "drivers_license",
      "driver_license",
      "gender",
      "ethnicity",
    ],
    tables: ["customers", "people", "persons", "contacts", "user_profiles", "profiles", "members"],
  },
  pan: {
    columns: ["pan", "card_number", "credit_card", "credit_card_number", "cc_number", "primary_account_number", "card_no"],
    tables: ["cards", "payment_cards", "credit_cards"],
  },
  sad: {
    columns: [
      "cvv",
      "cvv2",
      "cvc",
      "cvc2",
      "card_verification",
      "card_verification_code",
      "security_code",
      "pin",
      "pin_block",
      "track_data",
      "track1",
      "track2",
      "magnetic_stripe",
    ],
    tables: [],
  },
  financial: {
    columns: [
      "amount",
      "amount_cents",
      "balance",
      "account_number",
      "iban",
      "routing_number",
      "salary",
      "total_amount",
      "ledger_entry",
    ],
    tables: [
      "ledger",
      "ledgers",
      "general_ledger",
      "journal_entries",
      "transactions",
      "payments",
      "invoices",
      "payouts",
      "accounts_payable",
      "accounts_receivable",
      "financial_transactions",
    ],
  },
  audit: {
    columns: [],
    tables: [
      "audit_log",
      "audit_logs",
      "audit_trail",
      "audit_events",
      "audit",
      "access_log",
      "access_logs",
      "ledger",
      "general_ledger",
      "journal_entries",
    ],
  },
  credential: {
    columns: [
      "password",
      "passwd",
      "password_plain",
      "secret",
      "api_key",
      "api_secret",
      "access_token",
      "refresh_token",
      "private_key",
      "client_secret",
      "encryption_key",
      "master_key",
      "data_key",
      "signing_key",
    ],
    tables: ["credentials", "api_keys"],
  },
};

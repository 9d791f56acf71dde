import type { RunnerName } from "../src/index.js";

/**
 * The runner convention each corpus project uses, as `../shared/corpora/SOURCES.md` describes it,
 * in the names of `describeMigrations`. gobuffalo pop and Ory popx keep `.up.sql`/`.down.sql`; their `.postgres.`
 * and `.autocommit.` names identify it. Synapse, temporal-sql-tool, postgres-migrations and memos
 * number plain files (`sequential-files`).
 */
export const EXPECTED_LAYOUTS: Record<string, readonly RunnerName[]> = {
  "authelia-authelia": ["up-down-files"],
  "chef-chef-server": ["sqitch"],
  "concourse-concourse": ["up-down-files"],
  "conductor-oss-conductor": ["flyway"],
  "goharbor-harbor": ["up-down-files"],
  "kestra-io-kestra": ["flyway"],
  "langfuse-langfuse": ["prisma"],
  "matrix-org-synapse": ["sequential-files"],
  "openfga-openfga": ["goose"],
  "ory-hydra": ["pop"],
  "ory-keto": ["pop"],
  "ory-kratos": ["pop"],
  "riverqueue-river": ["up-down-files"],
  "rust-lang-crates.io": ["diesel"],
  "rust-lang-docs.rs": ["up-down-files"],
  "supabase-auth": ["pop"],
  "supabase-postgres": ["dbmate"],
  "supabase-storage": ["sequential-files"],
  "temporalio-temporal": ["sequential-files"],
  "triggerdotdev-trigger.dev": ["prisma", "drizzle"],
  "usememos-memos": ["sequential-files"],
};

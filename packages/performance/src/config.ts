import { z } from "zod";
import { profileOptionsSchema } from "./profiler.js";
import { regressionOptionsSchema } from "./regression.js";
import { verdictOptionsSchema } from "./verdict.js";

/** The `profile` section of `confiture.config.*`. Command-line options win over it. */
export const profileConfigSchema = z.strictObject({
  /** The queries file (`-- name: <id>` starts each query), relative to the config's directory. */
  queries: z.string().min(1).optional(),
  /** Environment the baselines belong to. */
  environment: z.string().min(1).default("local"),
  /** Where baselines live: `.confiture/performance.json`, or tables in the target database. */
  store: z.enum(["file", "database"]).default("file"),
  /** Days after which a baseline is stale. */
  maxBaselineAgeDays: z.number().positive().default(30),
  profile: z.strictObject(profileOptionsSchema.partial().shape).default({}),
  regression: z.strictObject({ ...regressionOptionsSchema.partial().shape, ...verdictOptionsSchema.partial().shape }).default({}),
  /** Record baselines before `migrate up` executes and check them after it validates. */
  aroundMigrations: z.boolean().default(false),
  /** With aroundMigrations: fail the run on an error-level regression instead of alerting; it runs after COMMIT, so the migrations stay applied ("applied, then a post-commit check failed", exit 4). */
  failOnRegression: z.boolean().default(false),
});
export type ProfileConfig = z.output<typeof profileConfigSchema>;
export type ProfileConfigInput = z.input<typeof profileConfigSchema>;

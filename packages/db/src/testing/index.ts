export { describeEachDatabase } from "./describe-each-database.js";
export { databaseTargets, openTestDatabase } from "./open-test-database.js";
export type { DatabaseTarget, TestDatabase } from "./open-test-database.js";

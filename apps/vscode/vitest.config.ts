import { defineConfigPreset } from "@confiture/tooling/vitest";

export default defineConfigPreset();

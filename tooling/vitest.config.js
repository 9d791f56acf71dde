// @ts-check
import { defineConfigPreset } from "./vitest.preset.js";

export default defineConfigPreset({ test: { include: ["ci/**/*.test.js", "action/**/*.test.js"], testTimeout: 180_000 } });

import type { LintSettings } from "@confiture/linting";
import { type ClassificationConfig, resolveClassificationConfig } from "./config.js";

const cache = new WeakMap<object, ClassificationConfig>();

/**
 * The classification config in force for a rule: `lint.settings.shared.classification` from the
 * Confiture config, parsed once per settings object. Every pack reads it here, so a team configures
 * patterns and exceptions once.
 */
export function classificationOf(settings: Pick<LintSettings, "shared">): ClassificationConfig {
  const key = settings as object;
  const cached = cache.get(key);
  if (cached) return cached;
  const config = resolveClassificationConfig(settings.shared?.classification);
  cache.set(key, config);
  return config;
}

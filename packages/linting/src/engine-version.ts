/**
 * The version of the rule engine API (defineRule, RuleContext, RuleListener). Libraries declare the
 * range they need (`engine: "^1"`); a library that needs another major is refused.
 */
export const ENGINE_VERSION = "1.0.0";

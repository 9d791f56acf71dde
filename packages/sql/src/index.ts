export type { VolatilityCode, VolatilityOptions } from "./volatility.js";
export { getFunctionVolatility, isVolatileExpression } from "./volatility.js";

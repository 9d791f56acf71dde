export { isSecretKey, redactConfigLine, redactConfigText, redactedMark, redactSecrets, redactUrl } from "./redact.js";

/**
 * Fills the `{{name}}` slots of a message template from report data. Unknown slots stay
 * as written so a missing value shows in the output instead of vanishing.
 */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (data === undefined) return template;
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (slot, name: string) => {
    const value = data[name];
    return value === undefined ? slot : String(value);
  });
}

/**
 * Fills `{{name}}` placeholders of a message template from report data. Unknown placeholders stay
 * as written so a missing value shows in the output instead of vanishing.
 */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (data === undefined) return template;
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (placeholder, name: string) => {
    const value = data[name];
    return value === undefined ? placeholder : String(value);
  });
}

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests. The JS parser in
 * devDependencies merges duplicate series silently; a Prometheus server rejects the whole scrape.
 * This one throws on what the server refuses: duplicate series, a family split in two, TYPE or HELP
 * twice or after the family's samples, bad names, bad escapes, bad values.
 */
const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const types = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

export interface StrictSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseLabels(text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  let position = 0;
  while (position < text.length) {
    const equals = text.indexOf("=", position);
    if (equals < 0) throw new Error(`line ${line}: label without a value`);
    const name = text.slice(position, equals).trim();
    if (!labelName.test(name) || name.startsWith("__")) throw new Error(`line ${line}: bad label name "${name}"`);
    if (name in labels) throw new Error(`line ${line}: label "${name}" twice`);
    if (text[equals + 1] !== '"') throw new Error(`line ${line}: label value must be quoted`);
    let value = "";
    let index = equals + 2;
    for (; index < text.length && text[index] !== '"'; index += 1) {
      if (text[index] === "\\") {
        const next = text[index + 1];
        if (next === "\\") value += "\\";
        else if (next === '"') value += '"';
        else if (next === "n") value += "\n";
        else throw new Error(`line ${line}: bad escape \\${next}`);
        index += 1;
      } else if (text[index] === "\n") throw new Error(`line ${line}: raw newline in a label value`);
      else value += text[index];
    }
    if (index >= text.length) throw new Error(`line ${line}: unterminated label value`);
    labels[name] = value;
    position = index + 1;
    if (text[position] === ",") position += 1;
    else if (position < text.length) throw new Error(`line ${line}: expected "," between labels`);
  }
  return labels;
}

function parseValue(text: string, line: number): number {
  if (text === "NaN") return Number.NaN;
  if (text === "+Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`line ${line}: bad value "${text}"`);
  return Number(text);
}

/** Parses exposition text strictly; throws with the line number on the first problem. */
export function parseExpositionStrictly(text: string): StrictSample[] {
  if (!text.endsWith("\n")) throw new Error("the exposition must end with a newline");
  const samples: StrictSample[] = [];
  const typed = new Set<string>();
  const helped = new Set<string>();
  const finished = new Set<string>();
  const series = new Set<string>();
  let current: string | undefined;
  const enter = (family: string, line: number) => {
    if (family === current) return;
    if (finished.has(family)) throw new Error(`line ${line}: family ${family} split in two`);
    if (current !== undefined) finished.add(current);
    current = family;
  };
  text
    .slice(0, -1)
    .split("\n")
    .forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === "") return;
      if (raw.startsWith("#")) {
        const match = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(raw);
        if (!match) return; // a plain comment
        const [, keyword, name = "", rest = ""] = match;
        if (!metricName.test(name)) throw new Error(`line ${line}: bad metric name "${name}"`);
        enter(name, line);
        const seen = keyword === "TYPE" ? typed : helped;
        if (seen.has(name)) throw new Error(`line ${line}: ${keyword} of ${name} twice`);
        if (keyword === "TYPE") {
          if (!types.has(rest)) throw new Error(`line ${line}: unknown type "${rest}"`);
          if (samples.some((sample) => sample.name === name)) throw new Error(`line ${line}: TYPE after samples of ${name}`);
        }
        seen.add(name);
        return;
      }
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/.exec(raw);
      if (!match) throw new Error(`line ${line}: not a sample: ${raw}`);
      const [, name = "", labelText = "", valueText = ""] = match;
      enter(name, line);
      const labels = parseLabels(labelText, line);
      const key = `${name}{${Object.keys(labels)
        .sort()
        .map((label) => `${label}=${JSON.stringify(labels[label])}`)
        .join(",")}}`;
      if (series.has(key)) throw new Error(`line ${line}: duplicate series ${key}`);
      series.add(key);
      samples.push({ name, labels, value: parseValue(valueText, line) });
    });
  return samples;
}

// Types for the test-only parser (the package ships none).
declare module "parse-prometheus-text-format" {
  interface ParsedMetric {
    value?: string;
    labels?: Record<string, string>;
    quantiles?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  interface MetricFamily {
    name: string;
    help: string;
    type: "COUNTER" | "GAUGE" | "SUMMARY" | "HISTOGRAM" | "UNTYPED";
    metrics: ParsedMetric[];
  }
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}

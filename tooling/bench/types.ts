/** One row of a benchmark's result table. */
export interface BenchRow {
  label: string;
  value: number;
  unit: string;
}

/** A benchmark: `bench/<name>.ts` default-exports one. */
export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchRow[]>;
}

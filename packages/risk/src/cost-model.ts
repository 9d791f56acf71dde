/**
 * The cost model: for each kind of operation, the quantities PostgreSQL's work really grows with
 * ("features"), and a duration that is a non-negative weighted sum of them. Calibration fits the
 * weights of each kind on its own measurements; the heuristic uses documented defaults.
 */

/** Kinds of operation the downtime predictor tells apart; each has its own cost model. */
export const OPERATION_CLASSES = [
  "catalog",
  "rewrite",
  "validate",
  "validate_foreign_key",
  "index_build",
  "concurrent_index_build",
  "dml",
] as const;
/** A kind of operation, as the downtime predictor sees it. */
export type OperationClass = (typeof OPERATION_CLASSES)[number];

/** One key of an index: how wide it is and whether comparing it goes through a collation. */
export interface KeyShape {
  /** Average stored width in bytes. */
  width: number;
  /** Compared with a libc/ICU collation (not C): every comparison calls strcoll. */
  collated: boolean;
  /** Physical order follows the key (pg_stats.correlation near 1): the sort finds the input presorted. */
  presorted: boolean;
}

/** An index the statement builds (or rebuilds). */
export interface IndexBuild {
  /** `btree`, `gin`, `gist`, `hash`, `brin`, ... */
  method: string;
  keys: KeyShape[];
}

/** What a statement works through. */
export interface Work {
  /** Rows of the table the statement scans, rewrites or indexes. */
  rows: number;
  /** Bytes of its heap. */
  heapBytes: number;
  /** Bytes of its TOAST table (values stored out of line): a rewrite copies them too. */
  toastBytes: number;
  /** Indexes built: one for an index build, every index of the table for a rewrite. */
  builds: IndexBuild[];
  /** The referenced table of a foreign key check. */
  referenced?: { rows: number; heapBytes: number };
  /** Rows an UPDATE, DELETE, INSERT or MERGE changes. */
  touchedRows?: number;
  /** Index entries those changes write (one per index per row, except for DELETE). */
  indexEntries?: number;
  /** TOAST bytes a DELETE removes with its rows (an UPDATE keeps unchanged out-of-line values). */
  deletedToastBytes?: number;
}

/** The features of each kind of operation, in the order coefficients are stored. */
export const FEATURES = {
  catalog: ["fixed"],
  rewrite: ["fixed", "heapBytes", "toastBytes", "indexBuild"],
  validate: ["fixed", "heapBytes", "rows"],
  validate_foreign_key: ["fixed", "heapBytes", "rows", "parentRows", "parentBytes"],
  index_build: ["fixed", "heapBytes", "sort", "collatedSort", "keyBytes", "invertedBytes"],
  concurrent_index_build: ["fixed", "heapBytes", "indexBuild"],
  dml: ["fixed", "rows", "rowBytes", "indexEntries", "toastBytes"],
} as const satisfies Record<OperationClass, readonly string[]>;

/** Coefficients of one kind of operation: milliseconds per unit of each feature. */
export type Coefficients = Record<string, number>;

/**
 * How many parent rows one index probe costs as much as: the planner checks a foreign key with a
 * hash anti-join that reads the whole referenced table, unless the child is small enough that probing
 * the parent's index once per child row is cheaper. The parent's share of the work is capped there.
 */
export const PROBE_COST_IN_PARENT_ROWS = 50;

const log2 = (value: number) => Math.log2(Math.max(2, value));

/** The features of the index builds alone: one set per build, summed. */
function indexFeatures(work: Work): Record<string, number> {
  const sums = { sort: 0, collatedSort: 0, keyBytes: 0, invertedBytes: 0 };
  const rows = work.rows;
  for (const build of work.builds) {
    const width = build.keys.reduce((sum, key) => sum + key.width, 0);
    if (build.method === "brin") continue;
    if (build.method !== "btree" && build.method !== "hash") {
      // GIN, GiST, SP-GiST insert every element (a jsonb key, an array item, a trigram) into a tree.
      sums.invertedBytes += rows * width;
      continue;
    }
    // PostgreSQL's quicksort returns early on presorted input: a sequential key costs a pass, not a sort.
    const comparisons = build.keys[0]?.presorted ? rows : rows * log2(rows);
    sums.sort += comparisons;
    const collatedWidth = build.keys.filter((key) => key.collated).reduce((sum, key) => sum + key.width, 0);
    // strcoll costs grow with the strings' length.
    if (collatedWidth > 0) sums.collatedSort += comparisons * (1 + collatedWidth / 32);
    // Index tuples: an 8-byte header and a 4-byte line pointer besides the keys.
    sums.keyBytes += rows * (12 + width);
  }
  return sums;
}

/**
 * The features of a statement's work for its kind of operation. `indexBuildMs` prices the indexes a
 * rewrite rebuilds or a concurrent build makes, with the index-build model (the same sort costs).
 */
export function featuresOf(operation: OperationClass, work: Work, indexBuildMs: (work: Work) => number): Record<string, number> {
  switch (operation) {
    case "catalog":
      return { fixed: 1 };
    case "rewrite":
      return { fixed: 1, heapBytes: work.heapBytes, toastBytes: work.toastBytes, indexBuild: indexBuildMs(work) };
    case "validate":
      return { fixed: 1, heapBytes: work.heapBytes, rows: work.rows };
    case "validate_foreign_key": {
      const parent = work.referenced ?? { rows: 0, heapBytes: 0 };
      const share = parent.rows > 0 ? Math.min(1, (PROBE_COST_IN_PARENT_ROWS * work.rows) / parent.rows) : 0;
      return {
        fixed: 1,
        heapBytes: work.heapBytes,
        rows: work.rows,
        parentRows: parent.rows * share,
        parentBytes: parent.heapBytes * share,
      };
    }
    case "index_build":
      return { fixed: 1, heapBytes: work.heapBytes * work.builds.length, ...indexFeatures(work) };
    case "concurrent_index_build":
      // Two scans of the heap (build, then validate) besides the build itself.
      return { fixed: 1, heapBytes: 2 * work.heapBytes * work.builds.length, indexBuild: indexBuildMs(work) };
    case "dml": {
      const touched = work.touchedRows ?? 0;
      const bytesPerRow = work.rows > 0 ? work.heapBytes / work.rows : 0;
      return {
        fixed: 1,
        rows: touched,
        rowBytes: touched * bytesPerRow,
        indexEntries: work.indexEntries ?? 0,
        toastBytes: work.deletedToastBytes ?? 0,
      };
    }
  }
}

/** The weighted sum of the features, in milliseconds. */
export function costOf(features: Record<string, number>, coefficients: Coefficients): number {
  let total = 0;
  for (const [name, value] of Object.entries(features)) total += value * (coefficients[name] ?? 0);
  return total;
}

/** The index-build model's price of the indexes in `work`, without its fixed cost. */
export function indexBuildCost(coefficients: Coefficients): (work: Work) => number {
  return (work) => {
    if (work.builds.length === 0) return 0;
    const features = featuresOf("index_build", work, () => 0);
    return costOf({ ...features, fixed: 0 }, coefficients);
  };
}

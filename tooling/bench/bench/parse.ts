import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeParsedFile, loadParser, parseSqlSync } from "@confiture/sql";
import { writeCorpus } from "../corpus.js";
import type { Benchmark } from "../types.js";

const squawkBinary = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "squawk");

/**
 * Parse throughput of @confiture/sql (split, parse, classify, lock model) on a generated corpus of
 * 30,000 statements, next to squawk linting the same files in the same run.
 */
const benchmark: Benchmark = {
  name: "parse",
  description: "Parse + analyse 30,000 generated migration statements; squawk on the same files",
  async run() {
    const corpus = writeCorpus();
    try {
      await loadParser();
      const sources = corpus.files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
      // One warm-up pass so the WebAssembly module and the JIT are ready, as they are in a long CLI run.
      for (const source of sources.slice(0, 10)) analyzeParsedFile(parseSqlSync(source.text, { file: source.file }));
      let parsedStatements = 0;
      // CPU time as well as wall time: on a busy machine the wall time includes waiting for a core.
      const cpuBefore = process.cpuUsage();
      const parseStarted = performance.now();
      const parsedFiles = sources.map((source) => parseSqlSync(source.text, { file: source.file }));
      const parseMs = performance.now() - parseStarted;
      const analyseStarted = performance.now();
      for (const parsed of parsedFiles) parsedStatements += analyzeParsedFile(parsed).length;
      const analyseMs = performance.now() - analyseStarted;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const totalMs = parseMs + analyseMs;
      if (parsedStatements !== corpus.statements)
        throw new Error(`Expected ${corpus.statements} statements, parsed ${parsedStatements}.`);
      const squawkStarted = performance.now();
      const squawk = spawnSync(squawkBinary, ["--reporter", "gcc", ...corpus.files], { stdio: ["ignore", "ignore", "pipe"] });
      const squawkMs = performance.now() - squawkStarted;
      if (squawk.error !== undefined) throw squawk.error;
      // squawk exits 1 when it finds problems (it will, on this corpus); anything else is a failure.
      if (squawk.status !== 0 && squawk.status !== 1)
        throw new Error(`squawk failed (${squawk.status}): ${squawk.stderr.toString()}`);
      return [
        { label: "corpus statements", value: corpus.statements, unit: "statements" },
        { label: "corpus files", value: corpus.files.length, unit: "files" },
        { label: "corpus size", value: corpus.bytes / 1024, unit: "KiB" },
        { label: "@confiture/sql parse (split + parse + classify)", value: parseMs, unit: "ms" },
        { label: "@confiture/sql lock model", value: analyseMs, unit: "ms" },
        { label: "@confiture/sql parse + analyse", value: totalMs, unit: "ms" },
        { label: "@confiture/sql throughput", value: corpus.statements / (totalMs / 1000), unit: "statements/s" },
        { label: "@confiture/sql CPU time (user + system)", value: cpuMs, unit: "ms" },
        { label: "@confiture/sql throughput per CPU second", value: corpus.statements / (cpuMs / 1000), unit: "statements/s" },
        { label: "squawk (same files, wall time)", value: squawkMs, unit: "ms" },
        { label: "squawk throughput", value: corpus.statements / (squawkMs / 1000), unit: "statements/s" },
        { label: "@confiture/sql time / squawk time", value: totalMs / squawkMs, unit: "ratio" },
      ];
    } finally {
      rmSync(corpus.directory, { recursive: true, force: true });
    }
  },
};

export default benchmark;

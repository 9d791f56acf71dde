import { Readable, Writable } from "node:stream";

/** Where a command writes: people's output to `stdout`, logs and progress to `stderr`. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** Standard input, for `confiture lint -`. */
  stdin: NodeJS.ReadableStream;
  /** Whether stdout is a terminal (colours and progress only then). */
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** An in-memory io for tests: collects what a command writes. */
export function memoryIo(options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {}): CliIo & {
  out(): string;
  err(): string;
} {
  const outChunks: string[] = [];
  const errChunks: string[] = [];
  const sink = (chunks: string[]) =>
    new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(String(chunk));
        callback();
      },
    });
  return {
    stdout: sink(outChunks),
    stderr: sink(errChunks),
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    isTTY: false,
    cwd: options.cwd ?? process.cwd(),
    // Tests do not leave metrics files behind unless they ask for them.
    env: options.env ?? { CONFITURE_METRICS: "off" },
    out: () => outChunks.join(""),
    err: () => errChunks.join(""),
  };
}

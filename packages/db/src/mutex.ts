/**
 * A first-come first-served lock. PGlite has one connection, so a transaction must own it from
 * BEGIN to COMMIT or another caller's query would land inside it.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Run `work` once every earlier holder has finished; the lock is released even if it throws. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

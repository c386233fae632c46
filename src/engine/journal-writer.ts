import type { StateStore } from "../state/store.ts";
import type { JournalEntry, StateKey } from "../state/types.ts";

/**
 * Appends journal entries with group commit: entries that arrive while a write is in flight go out
 * together in the next one, so ten resources finishing at once cost one fsync, not ten. Each `write`
 * resolves only once its entry is durable.
 */
export class JournalWriter {
  readonly #store: StateStore;
  readonly #key: StateKey;
  #queue: Array<{ entry: JournalEntry; done: () => void; failed: (error: unknown) => void }> = [];
  #flushing = false;

  constructor(store: StateStore, key: StateKey) {
    this.#store = store;
    this.#key = key;
  }

  write(entry: JournalEntry): Promise<void> {
    return new Promise((done, failed) => {
      this.#queue.push({ entry, done, failed });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      try {
        await this.#store.appendJournal(
          this.#key,
          batch.map((b) => b.entry),
        );
        for (const item of batch) item.done();
      } catch (error) {
        for (const item of batch) item.failed(error);
      }
    }
    this.#flushing = false;
  }
}

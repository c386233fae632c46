import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { PriceRecord } from "../price.ts";
import type { Clock, PriceCache } from "./price-cache.ts";

interface Entry {
  record: PriceRecord;
  expiresAt: number;
}

/**
 * Prices cached in a local JSON file. Writes go to a temporary file renamed over the old one, so a
 * crash never leaves a half-written cache; an unreadable cache is treated as empty (it is only a cache).
 */
export class FilePriceCache implements PriceCache {
  readonly #path: string;
  readonly #now: Clock;

  constructor(path: string, now: Clock = Date.now) {
    this.#path = path;
    this.#now = now;
  }

  async getMany(ids: ReadonlyArray<string>): Promise<Map<string, PriceRecord>> {
    const entries = this.#read();
    const now = this.#now();
    const found = new Map<string, PriceRecord>();
    for (const id of ids) {
      const entry = Object.hasOwn(entries, id) ? entries[id] : undefined;
      if (entry && entry.expiresAt > now) found.set(id, entry.record);
    }
    return found;
  }

  async putMany(records: ReadonlyMap<string, PriceRecord>, expiresAt: number): Promise<void> {
    const now = this.#now();
    const entries = Object.fromEntries(Object.entries(this.#read()).filter(([, e]) => e.expiresAt > now));
    for (const [id, record] of records) entries[id] = { record, expiresAt };
    mkdirSync(dirname(this.#path), { recursive: true });
    const temporary = `${this.#path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(entries));
    renameSync(temporary, this.#path);
  }

  #read(): Record<string, Entry> {
    try {
      const data = JSON.parse(readFileSync(this.#path, "utf8")) as unknown;
      return typeof data === "object" && data !== null && !Array.isArray(data)
        ? (data as Record<string, Entry>)
        : {};
    } catch {
      return {};
    }
  }
}

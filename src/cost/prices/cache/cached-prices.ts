import { type PriceKey, type PriceRecord, type PriceSource, priceKeyId } from "../price.ts";
import type { Clock, PriceCache } from "./price-cache.ts";

/** One day: list prices change a few times a year, and a day-old price is what a person would check. */
export const DEFAULT_PRICE_TTL_MS = 24 * 60 * 60 * 1000;

/** A price source behind a cache: cached prices are answered from it, the rest asked and then cached. */
export class CachedPrices implements PriceSource {
  readonly name: string;
  readonly asOf: string;
  readonly #source: PriceSource;
  readonly #cache: PriceCache;
  readonly #ttlMs: number;
  readonly #now: Clock;

  constructor(source: PriceSource, cache: PriceCache, options: { ttlMs?: number; now?: Clock } = {}) {
    this.#source = source;
    this.#cache = cache;
    this.#ttlMs = options.ttlMs ?? DEFAULT_PRICE_TTL_MS;
    this.#now = options.now ?? Date.now;
    this.name = `${source.name} (cached)`;
    this.asOf = source.asOf;
  }

  async resolve(keys: ReadonlyArray<PriceKey>): Promise<Map<string, PriceRecord>> {
    const found = await this.#cache.getMany(keys.map(priceKeyId));
    const missing = keys.filter((k) => !found.has(priceKeyId(k)));
    if (missing.length > 0) {
      const fresh = await this.#source.resolve(missing);
      if (fresh.size > 0) await this.#cache.putMany(fresh, this.#now() + this.#ttlMs);
      for (const [id, record] of fresh) found.set(id, record);
    }
    return found;
  }
}

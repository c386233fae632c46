import { type PriceKey, type PriceRecord, type PriceSource, priceKeyId } from "./price.ts";

/**
 * Asks each source in turn for the keys the ones before it did not answer: live APIs first, the
 * bundled snapshot last. Every price keeps the source that gave it.
 */
export class LayeredPrices implements PriceSource {
  readonly name: string;
  readonly asOf: string;
  readonly #sources: ReadonlyArray<PriceSource>;

  constructor(sources: ReadonlyArray<PriceSource>, asOf: string) {
    this.#sources = sources;
    this.name = sources.map((s) => s.name).join(", then ");
    this.asOf = asOf;
  }

  async resolve(keys: ReadonlyArray<PriceKey>): Promise<Map<string, PriceRecord>> {
    const found = new Map<string, PriceRecord>();
    let left = keys;
    for (const source of this.#sources) {
      if (left.length === 0) break;
      for (const [id, record] of await source.resolve(left)) found.set(id, record);
      left = left.filter((k) => !found.has(priceKeyId(k)));
    }
    return found;
  }
}

import { readFileSync } from "node:fs";
import { type PriceKey, type PriceRecord, type PriceSource, priceKeyId } from "./price.ts";

/** data/pricing/snapshot.json: `prices` maps a price key id to [USD, unit, as-of, source index]. */
export interface PriceSnapshotFile {
  /** When the reference data was gathered; reports show it as the prices' date. */
  asOf: string;
  sources: string[];
  prices: Record<string, [number, string, string, number]>;
}

export const BUNDLED_SNAPSHOT = new URL("../../../data/pricing/snapshot.json", import.meta.url);

/** The bundled list prices, offline: no network, no credentials. */
export class SnapshotPrices implements PriceSource {
  readonly name = "snapshot";
  readonly asOf: string;
  readonly #file: PriceSnapshotFile;

  constructor(file: PriceSnapshotFile) {
    this.#file = file;
    this.asOf = file.asOf;
  }

  /** Reads a snapshot file (the bundled one by default). */
  static load(path: URL | string = BUNDLED_SNAPSHOT): SnapshotPrices {
    return new SnapshotPrices(JSON.parse(readFileSync(path, "utf8")) as PriceSnapshotFile);
  }

  get(key: PriceKey): PriceRecord | undefined {
    const entry = this.#file.prices[priceKeyId(key)];
    if (!entry) return undefined;
    const [price, unit, asOf, source] = entry;
    return { price, unit, asOf, source: this.#file.sources[source] ?? "unknown" };
  }

  /** Every region the snapshot has a price for in this cloud service, for "try one of" hints. */
  regions(cloud: string, service: string): string[] {
    const prefix = `${cloud}|${service}|`;
    const found = new Set<string>();
    for (const id of Object.keys(this.#file.prices)) {
      if (id.startsWith(prefix)) found.add(id.slice(prefix.length).split("|")[0] as string);
    }
    return [...found].sort();
  }

  async resolve(keys: ReadonlyArray<PriceKey>): Promise<Map<string, PriceRecord>> {
    const found = new Map<string, PriceRecord>();
    for (const key of keys) {
      const record = this.get(key);
      if (record) found.set(priceKeyId(key), record);
    }
    return found;
  }
}

import { readFileSync } from "node:fs";
import { type PriceKey, type PriceRecord, type PriceSource, priceKeyId } from "./price.ts";

/**
 * data/pricing/snapshot.json. Prices are grouped by `cloud|service|region`, then keyed by product, each
 * `[USD, unit index, as-of index, source index]` into the lists beside them: grouping and the shared
 * lists halve the file and the time to parse it, which every `plinth cost` pays.
 */
export interface PriceSnapshotFile {
  /** When the reference data was gathered; reports show it as the prices' date. */
  asOf: string;
  sources: string[];
  units: string[];
  dates: string[];
  prices: Record<string, Record<string, [number, number, number, number]>>;
}

/** The group a price key belongs to in the snapshot file. */
export function snapshotGroup(key: Pick<PriceKey, "cloud" | "service" | "region">): string {
  return `${key.cloud}|${key.service}|${key.region}`;
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
    const group = this.#file.prices[snapshotGroup(key)];
    // Product keys come from user code: `constructor` must find nothing, not Object's own member.
    const entry = group && Object.hasOwn(group, key.key) ? group[key.key] : undefined;
    if (!entry) return undefined;
    const [price, unit, asOf, source] = entry;
    return {
      price,
      unit: this.#file.units[unit] ?? "unknown",
      asOf: this.#file.dates[asOf] ?? "unknown",
      source: this.#file.sources[source] ?? "unknown",
    };
  }

  /** Every region the snapshot has a price for in this cloud service, for "try one of" hints. */
  regions(cloud: string, service: string): string[] {
    const prefix = `${cloud}|${service}|`;
    return Object.keys(this.#file.prices)
      .filter((group) => group.startsWith(prefix))
      .map((group) => group.slice(prefix.length))
      .sort();
  }

  /** How many prices the snapshot holds. */
  get size(): number {
    return Object.values(this.#file.prices).reduce((n, group) => n + Object.keys(group).length, 0);
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

import type { Cloud } from "../../model/graph.ts";

/** Which price: a cloud's service, a region (or `global`) and the product's key within the service. */
export interface PriceKey {
  cloud: Cloud;
  service: string;
  region: string;
  key: string;
}

/** One list price in USD, with where and when it was read. */
export interface PriceRecord {
  /** USD per `unit`. */
  price: number;
  /** The price list's unit: `Hrs`, `GB-Mo`, `Requests`, `LCU-Hrs`… */
  unit: string;
  /** Date of the upstream data (YYYY-MM-DD). */
  asOf: string;
  /** `owner/repo@commit:path`, a URL, or the live API that answered. */
  source: string;
}

/**
 * Where prices come from: the bundled snapshot, a cloud's price API, or a cache in front of either.
 * `resolve` answers a batch so live sources can group their requests; missing keys are simply absent.
 */
export interface PriceSource {
  readonly name: string;
  /** The date reports show for this source's prices. */
  readonly asOf: string;
  resolve(keys: ReadonlyArray<PriceKey>): Promise<Map<string, PriceRecord>>;
}

export function priceKeyId(key: PriceKey): string {
  return `${key.cloud}|${key.service}|${key.region}|${key.key}`;
}

export function parsePriceKeyId(id: string): PriceKey | undefined {
  const [cloud, service, region, ...rest] = id.split("|");
  if (!cloud || !service || !region || rest.length === 0) return undefined;
  if (cloud !== "aws" && cloud !== "gcp" && cloud !== "azure") return undefined;
  return { cloud, service, region, key: rest.join("|") };
}

import type { PriceRecord } from "../price.ts";

/** Prices kept between runs: a local file, or a DynamoDB table shared by a team's runners. */
export interface PriceCache {
  /** The cached records among `ids` that have not expired. */
  getMany(ids: ReadonlyArray<string>): Promise<Map<string, PriceRecord>>;
  /** Keeps records until `expiresAt` (epoch milliseconds). */
  putMany(records: ReadonlyMap<string, PriceRecord>, expiresAt: number): Promise<void>;
}

/** A clock, injected so tests can move time. */
export type Clock = () => number;

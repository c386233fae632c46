import type { JsonObject } from "../model/value.ts";
import type { StateStore } from "../state/store.ts";

/** One environment's estimate as a scan saw it. */
export interface CostSample {
  at: string;
  runId: string;
  monthlyCost: number;
  currency: string;
  budget?: number;
  withinBudget: boolean;
}

/** Records of one environment's estimates: `cost.<app>.<env>` (spec names hold no dots). */
const collectionOf = (app: string, env: string) => `cost.${app}.${env}`;

/**
 * Keeps a cost scan's estimate of an environment in the state store, one record per scan, so the
 * trend of its cost can be read back (`costHistory`) wherever the state lives.
 */
export async function recordCostSample(
  store: StateStore,
  target: { app: string; env: string },
  sample: CostSample,
): Promise<void> {
  await store.putRecord(
    {
      collection: collectionOf(target.app, target.env),
      id: `${sample.at}#${sample.runId}`,
      data: sample as unknown as JsonObject,
    },
    { ifAbsent: true },
  );
}

/** An environment's recorded estimates, oldest first. */
export async function costHistory(
  store: StateStore,
  target: { app: string; env: string },
): Promise<CostSample[]> {
  return (await store.listRecords(collectionOf(target.app, target.env)))
    .map((record) => record.data as unknown as CostSample)
    .sort((a, b) => a.at.localeCompare(b.at));
}

import type { ProviderSchemas } from "../catalog/provider-schemas.ts";
import type { PriceSource } from "../cost/prices/price.ts";
import { estimateSpecEnvironment } from "../cost/spec-estimate.ts";
import { PlinthError } from "../errors.ts";
import type { EventPublisher } from "../events/publisher.ts";
import { buildGraph } from "../model/build-graph.ts";
import type { ResourceGraph } from "../model/graph.ts";
import { InvalidSpecError } from "../spec/diagnostics.ts";
import { parseSpec, type SpecDocument } from "../spec/load-spec.ts";
import type { StateStore } from "../state/store.ts";
import { recordCostSample } from "./cost-history.ts";
import type { Target } from "./targets.ts";

export interface ScanResult {
  app: string;
  env: string;
  status: "ok" | "attention" | "failed";
  resources?: number;
  /** Cost scans: the monthly estimate at list prices, and the environment's cap if it has one. */
  monthlyCost?: number;
  currency?: string;
  budget?: number;
  message?: string;
}

export type ScanKind = "drift" | "cost";

export interface ScanDependencies {
  /** The text of a target's spec (a file under the targets root, or an artifact in the cloud). */
  readSpec: (spec: string) => Promise<string>;
  schemas: ProviderSchemas;
  /** Prices for cost scans (the bundled snapshot, or live sources). */
  prices?: PriceSource;
  /** Where cost scans record each environment's estimate over time. */
  store: StateStore;
  /** Where an environment over its budget is announced (BudgetExceeded). */
  publisher: EventPublisher;
  now: () => Date;
}

/**
 * One target of a scheduled scan: its spec must still load and lower (the precondition of any scan);
 * a cost scan then estimates the monthly cost, records it in the state store (the environment's cost
 * over time) and checks the budget: over it, the target needs attention and BudgetExceeded is
 * announced. The drift issue adds the comparison with what is live the same way.
 */
export async function scanTarget(
  scan: { kind: ScanKind; runId: string },
  target: Target,
  deps: ScanDependencies,
): Promise<ScanResult> {
  const { kind } = scan;
  const text = await deps.readSpec(target.spec);
  try {
    const doc = parseSpec(text, target.spec);
    const { graph } = buildGraph(doc, { env: target.env, schemas: deps.schemas });
    const result: ScanResult = {
      app: target.app,
      env: target.env,
      status: "ok",
      resources: graph.nodes.length,
    };
    if (kind !== "cost") return result;
    const cost = await costOf(doc, graph, deps.prices);
    await recordCost(scan.runId, target, cost, deps);
    return { ...result, ...cost };
  } catch (error) {
    // A spec that no longer validates is a finding of the scan, not a failure of the scanner.
    if (!(error instanceof PlinthError)) throw error;
    const what =
      error instanceof InvalidSpecError ? (error.diagnostics[0]?.message ?? error.message) : error.describe();
    return {
      app: target.app,
      env: target.env,
      status: "attention",
      message: `${kind} scan skipped: the spec does not validate: ${what}`.slice(0, 4000),
    };
  }
}

async function costOf(
  doc: SpecDocument,
  graph: ResourceGraph,
  prices: PriceSource | undefined,
): Promise<Partial<ScanResult>> {
  const { report, limits, check } = await estimateSpecEnvironment(doc, graph, prices ? { prices } : {});
  return {
    monthlyCost: report.totalMonthlyCost,
    currency: report.currency,
    ...(limits?.monthly === undefined ? {} : { budget: limits.monthly }),
    ...(check && !check.ok
      ? { status: "attention" as const, message: check.violations.map((v) => v.message).join(" ") }
      : {}),
  };
}

async function recordCost(
  runId: string,
  target: Target,
  cost: Partial<ScanResult>,
  deps: ScanDependencies,
): Promise<void> {
  const { monthlyCost = 0, currency = "USD", budget } = cost;
  const withinBudget = cost.status !== "attention";
  await recordCostSample(deps.store, target, {
    at: deps.now().toISOString(),
    runId,
    monthlyCost,
    currency,
    ...(budget === undefined ? {} : { budget }),
    withinBudget,
  });
  if (!withinBudget && budget !== undefined)
    await deps.publisher.publish({
      source: "plinth.control",
      "detail-type": "BudgetExceeded",
      detail: { app: target.app, env: target.env, runId, monthlyCost, budget, currency },
    });
}

import type { ProviderSchemas } from "../catalog/provider-schemas.ts";
import { checkBudget } from "../cost/budget.ts";
import { budgetFor } from "../cost/budget-spec.ts";
import { estimateCost } from "../cost/estimate.ts";
import type { PriceSource } from "../cost/prices/price.ts";
import { NO_USAGE, usageSection, usageSet } from "../cost/usage.ts";
import { PlinthError } from "../errors.ts";
import { buildGraph } from "../model/build-graph.ts";
import type { ResourceGraph } from "../model/graph.ts";
import { InvalidSpecError } from "../spec/diagnostics.ts";
import { parseSpec, type SpecDocument } from "../spec/load-spec.ts";
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
}

/**
 * One target of a scheduled scan: its spec must still load and lower (the precondition of any scan);
 * a cost scan then estimates the monthly cost and checks the environment's budget (attention when over).
 * The drift issue adds the comparison with what is live the same way.
 */
export async function scanTarget(
  kind: ScanKind,
  target: Target,
  deps: ScanDependencies,
): Promise<ScanResult> {
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
    return kind === "cost" ? { ...result, ...(await costOf(doc, graph, target.env, deps.prices)) } : result;
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
  env: string,
  prices: PriceSource | undefined,
): Promise<Partial<ScanResult>> {
  const usage = doc.data.usage
    ? usageSet({ resources: usageSection(doc.data.usage, ["usage"], doc.sources), types: {} })
    : NO_USAGE;
  const report = await estimateCost([graph], { usage, ...(prices ? { prices } : {}) });
  const limits = budgetFor(doc, env, report.currency, undefined);
  const check = limits ? checkBudget(report, limits) : undefined;
  return {
    monthlyCost: report.totalMonthlyCost,
    currency: report.currency,
    ...(limits?.monthly === undefined ? {} : { budget: limits.monthly }),
    ...(check && !check.ok
      ? { status: "attention" as const, message: check.violations.map((v) => v.message).join(" ") }
      : {}),
  };
}

import type { ResourceGraph } from "../model/graph.ts";
import type { SpecDocument } from "../spec/load-spec.ts";
import { type BudgetCheck, type BudgetLimits, checkBudget } from "./budget.ts";
import { budgetFor } from "./budget-spec.ts";
import { type CostDiff, diffReports } from "./diff.ts";
import { estimateCost } from "./estimate.ts";
import type { PriceSource } from "./prices/price.ts";
import type { CostReport } from "./report.ts";
import { NO_USAGE, usageSection, usageSet } from "./usage.ts";

export interface SpecEstimate {
  report: CostReport;
  /** The environment's `budgets:` entry, if it has one. */
  limits?: BudgetLimits;
  check?: BudgetCheck;
  /** Against `previous`, when given. */
  diff?: CostDiff;
}

/**
 * The monthly cost of one environment of a plinth spec at list prices, with the spec's `usage:`, and
 * the check of its `budgets:` entry; the increase limit compares with `previous` (the graph last
 * applied). What the deploy's budget gate and the scheduled cost scan both run.
 */
export async function estimateSpecEnvironment(
  doc: SpecDocument,
  graph: ResourceGraph,
  options: { prices?: PriceSource; previous?: ResourceGraph } = {},
): Promise<SpecEstimate> {
  const usage = doc.data.usage
    ? usageSet({ resources: usageSection(doc.data.usage, ["usage"], doc.sources), types: {} })
    : NO_USAGE;
  const prices = options.prices ? { prices: options.prices } : {};
  const report = await estimateCost([graph], { usage, ...prices });
  const limits = budgetFor(doc, graph.env, report.currency, undefined);
  if (!limits) return { report };
  const diff = options.previous
    ? diffReports(await estimateCost([options.previous], { usage, ...prices }), report)
    : undefined;
  return { report, limits, check: checkBudget(report, limits, diff), ...(diff ? { diff } : {}) };
}

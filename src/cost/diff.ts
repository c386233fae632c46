import { roundMoney } from "./money.ts";
import type { CostReport } from "./report.ts";

export interface ResourceCostChange {
  address: string;
  type: string;
  change: "added" | "removed" | "changed" | "unchanged";
  previousMonthlyCost: number;
  monthlyCost: number;
  /** monthlyCost − previousMonthlyCost. */
  delta: number;
}

export interface CostDiff {
  previousTotalMonthlyCost: number;
  totalMonthlyCost: number;
  delta: number;
  /** null when the previous total was 0. */
  deltaPercent: number | null;
  /** Resources whose cost changed, were added or removed, largest change first. */
  resources: ResourceCostChange[];
}

/**
 * How the monthly cost moves from `previous` to `current`, per resource: what a pull request comment
 * shows as `+$12.40/mo`. Both reports must be in the same currency.
 */
export function diffReports(previous: CostReport, current: CostReport): CostDiff {
  if (previous.currency !== current.currency) {
    throw new Error(`cannot compare ${previous.currency} with ${current.currency}`);
  }
  const before = new Map(previous.resources.map((r) => [r.address, r]));
  const after = new Map(current.resources.map((r) => [r.address, r]));
  const resources: ResourceCostChange[] = [];
  for (const resource of current.resources) {
    const old = before.get(resource.address);
    const previousMonthlyCost = old?.monthlyCost ?? 0;
    const delta = roundMoney(resource.monthlyCost - previousMonthlyCost);
    const change = !old ? "added" : delta !== 0 || old.type !== resource.type ? "changed" : "unchanged";
    resources.push({
      address: resource.address,
      type: resource.type,
      change,
      previousMonthlyCost,
      monthlyCost: resource.monthlyCost,
      delta,
    });
  }
  for (const resource of previous.resources) {
    if (after.has(resource.address)) continue;
    resources.push({
      address: resource.address,
      type: resource.type,
      change: "removed",
      previousMonthlyCost: resource.monthlyCost,
      monthlyCost: 0,
      delta: roundMoney(-resource.monthlyCost),
    });
  }
  const delta = roundMoney(current.totalMonthlyCost - previous.totalMonthlyCost);
  return {
    previousTotalMonthlyCost: previous.totalMonthlyCost,
    totalMonthlyCost: current.totalMonthlyCost,
    delta,
    deltaPercent:
      previous.totalMonthlyCost === 0 ? null : roundMoney((delta / previous.totalMonthlyCost) * 100),
    resources: resources
      .filter((r) => r.change !== "unchanged")
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.address.localeCompare(b.address)),
  };
}

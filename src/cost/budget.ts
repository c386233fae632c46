import type { CostDiff } from "./diff.ts";
import { roundMoney } from "./money.ts";
import { formatMoney } from "./render/format.ts";
import type { CostReport } from "./report.ts";

/** An environment's cost guardrails, in the report's currency. */
export interface BudgetLimits {
  monthly?: number | undefined;
  maxIncreasePercent?: number | undefined;
}

export interface BudgetViolation {
  kind: "monthly-cap" | "max-increase";
  message: string;
  limit: number;
  actual: number;
}

export interface BudgetCheck {
  ok: boolean;
  violations: BudgetViolation[];
  /** Limits that could not be checked (an increase limit without anything to compare with). */
  unchecked: string[];
}

/**
 * Checks an estimate against an environment's budget: the monthly cap, and the increase over the
 * previous estimate (`diff`) in percent. The deploy workflow's budget gate and the scheduled cost scan
 * call this; `plinth cost --check` exits 2 when `ok` is false. A missing price is not counted as zero
 * in the estimate, so an estimate with missing prices can only be under-estimated: that is said.
 */
export function checkBudget(report: CostReport, limits: BudgetLimits, diff?: CostDiff): BudgetCheck {
  const violations: BudgetViolation[] = [];
  const unchecked: string[] = [];
  const money = (n: number) => formatMoney(n, report.currency);
  if (limits.monthly !== undefined && report.totalMonthlyCost > limits.monthly) {
    violations.push({
      kind: "monthly-cap",
      limit: limits.monthly,
      actual: report.totalMonthlyCost,
      message: `The estimate of ${money(report.totalMonthlyCost)} a month is over the budget of ${money(limits.monthly)}.`,
    });
  }
  if (limits.maxIncreasePercent !== undefined) {
    if (!diff) unchecked.push("maxIncreasePercent: nothing to compare with (pass --compare-to)");
    else {
      const percent = diff.deltaPercent ?? (diff.delta > 0 ? Number.POSITIVE_INFINITY : 0);
      if (percent > limits.maxIncreasePercent) {
        violations.push({
          kind: "max-increase",
          limit: limits.maxIncreasePercent,
          actual: Number.isFinite(percent) ? roundMoney(percent) : 100,
          message: `The estimate rises by ${money(diff.delta)} a month (${Number.isFinite(percent) ? `${percent.toFixed(1)}%` : "from nothing"}), more than the ${limits.maxIncreasePercent}% allowed.`,
        });
      }
    }
  }
  if (report.missingPrices > 0 && limits.monthly !== undefined) {
    unchecked.push(`${report.missingPrices} line(s) have no price, so the estimate may be low`);
  }
  return { ok: violations.length === 0, violations, unchecked };
}

import { InputError } from "../errors.ts";
import type { SpecDocument } from "../spec/load-spec.ts";
import { environmentNames } from "../spec/resolve-environment.ts";
import { pointerOf } from "../spec/source-map.ts";
import type { BudgetLimits } from "./budget.ts";
import { type ExchangeRates, rateFor } from "./currency.ts";

/**
 * The budget plinth.yaml sets for `env` (its `budgets:` section), with the cap converted into the
 * report's currency. A budget for an environment the spec does not declare is an error at its line.
 */
export function budgetFor(
  doc: SpecDocument,
  env: string,
  currency: string,
  rates: ExchangeRates | undefined,
): BudgetLimits | undefined {
  const budgets = doc.data.budgets ?? {};
  const known = new Set(environmentNames(doc));
  for (const name of Object.keys(budgets)) {
    if (!known.has(name)) {
      throw new InputError(`The budget \`${name}\` names no environment of this spec.`, {
        location: doc.sources.key(pointerOf(["budgets", name])),
        hint: `Environments: ${[...known].join(", ")}.`,
      });
    }
  }
  const budget = budgets[env];
  if (!budget) return undefined;
  let monthly = budget.monthly;
  const from = budget.currency ?? "USD";
  if (monthly !== undefined && from !== currency) {
    // The cap is in `from`; convert through USD, the base of the rates.
    monthly = (monthly / rateFor(rates, from)) * rateFor(rates, currency);
  }
  return { monthly, maxIncreasePercent: budget.maxIncreasePercent };
}

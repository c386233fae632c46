import { readFileSync, statSync } from "node:fs";
import { InputError } from "../errors.ts";
import { roundMoney, roundPrice } from "./money.ts";
import type { CostComponent, CostReport, SubresourceCost } from "./report.ts";

/** A rates file: how many units of each currency one unit of `base` (USD) buys, as of a date. */
export interface ExchangeRates {
  base: "USD";
  asOf: string;
  source?: string;
  rates: Record<string, number>;
}

const CODE = /^[A-Z]{3}$/;

/** Reads and checks a rates file (`{"base": "USD", "asOf": "2026-11-27", "rates": {"EUR": 0.92}}`). */
export function readRatesFile(path: string, display = path): ExchangeRates {
  try {
    if (statSync(path).size > 1024 * 1024) throw new InputError(`${display} is too large for a rates file.`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`No rates file at ${display}.`, { hint: "Pass one with --rates FILE." });
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError(`${display} is not valid JSON: ${(error as Error).message}.`);
  }
  return parseRates(data, display);
}

export function parseRates(data: unknown, display: string): ExchangeRates {
  const hint = 'Expected {"base": "USD", "asOf": "YYYY-MM-DD", "rates": {"EUR": 0.92}}.';
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new InputError(`${display} is not a rates file.`, { hint });
  const { base, asOf, source, rates } = data as Record<string, unknown>;
  if (base !== "USD")
    throw new InputError(
      `${display}: rates must be based on USD (prices are USD list prices), not ${JSON.stringify(base)}.`,
      { hint },
    );
  if (typeof asOf !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new InputError(`${display}: \`asOf\` must be a date (YYYY-MM-DD).`, { hint });
  if (typeof rates !== "object" || rates === null || Array.isArray(rates))
    throw new InputError(`${display}: \`rates\` must map currency codes to numbers.`, { hint });
  const checked: Record<string, number> = {};
  for (const [code, rate] of Object.entries(rates)) {
    if (!CODE.test(code))
      throw new InputError(`${display}: \`${code}\` is not a currency code (three capital letters).`);
    if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0)
      throw new InputError(`${display}: the rate of ${code} must be a positive number.`);
    checked[code] = rate;
  }
  return { base, asOf, ...(typeof source === "string" ? { source } : {}), rates: checked };
}

/** The rate to convert USD into `currency`; USD is always 1. */
export function rateFor(rates: ExchangeRates | undefined, currency: string): number {
  if (currency === "USD") return 1;
  if (!CODE.test(currency))
    throw new InputError(`--currency must be a currency code such as EUR, not \`${currency}\`.`);
  if (!rates)
    throw new InputError(`--currency ${currency} needs exchange rates.`, {
      hint: "Pass a rates file with --rates FILE.",
    });
  const rate = rates.rates[currency];
  if (rate === undefined) {
    throw new InputError(`The rates file has no rate for ${currency}.`, {
      hint: `It has: ${Object.keys(rates.rates).join(", ") || "none"}.`,
    });
  }
  return rate;
}

/** The report with every amount converted at `rate` into `currency`. */
export function convertReport(report: CostReport, currency: string, rate: number): CostReport {
  if (currency === report.currency) return report;
  const line = (c: CostComponent): CostComponent => ({
    ...c,
    unitPrice: c.unitPrice === null ? null : roundPrice(c.unitPrice * rate),
    monthlyCost: c.monthlyCost === null ? null : roundMoney(c.monthlyCost * rate),
  });
  const sub = (s: SubresourceCost): SubresourceCost => ({
    ...s,
    monthlyCost: roundMoney(s.monthlyCost * rate),
    components: s.components.map(line),
    subresources: s.subresources.map(sub),
  });
  return {
    ...report,
    currency,
    totalMonthlyCost: roundMoney(report.totalMonthlyCost * rate),
    baselineMonthlyCost: roundMoney(report.baselineMonthlyCost * rate),
    usageMonthlyCost: roundMoney(report.usageMonthlyCost * rate),
    resources: report.resources.map((r) => ({
      ...r,
      monthlyCost: roundMoney(r.monthlyCost * rate),
      components: r.components.map(line),
      subresources: r.subresources.map(sub),
    })),
  };
}

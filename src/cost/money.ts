/** Money in reports is rounded to a millionth: enough for per-request prices, free of float noise. */
export function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Unit prices keep ten significant digits (a request costs 0.0000002). */
export function roundPrice(value: number): number {
  return Number(value.toPrecision(10));
}

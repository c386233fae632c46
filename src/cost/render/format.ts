/** `$12.40` for USD, `EUR 12.40` otherwise; negative amounts as `-$3.00`. */
export function formatMoney(amount: number, currency: string): string {
  const sign = amount < 0 ? "-" : "";
  const text = Math.abs(amount).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return currency === "USD" ? `${sign}$${text}` : `${sign}${currency} ${text}`;
}

/** A change as a pull request shows it: `+$12.40/mo`, `-$3.00/mo`, `$0.00/mo`. */
export function formatDelta(delta: number, currency: string): string {
  return `${delta > 0 ? "+" : ""}${formatMoney(delta, currency)}/mo`;
}

/** Unit prices keep their significant digits: `$0.0000002`, `$0.0104`. */
export function formatUnitPrice(price: number, currency: string): string {
  const digits = price === 0 ? 2 : Math.min(10, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(price))) + 3));
  const text = Number(price.toFixed(digits)).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  });
  return currency === "USD" ? `$${text}` : `${currency} ${text}`;
}

export function formatQuantity(quantity: number): string {
  return quantity.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

import type { CostDiff } from "../diff.ts";
import type { CostComponent, CostReport, SubresourceCost } from "../report.ts";
import { formatDelta, formatMoney, formatQuantity, formatUnitPrice } from "./format.ts";

export interface TableStyle {
  bold: (text: string) => string;
  dim: (text: string) => string;
  green: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
}

const PLAIN: TableStyle = { bold: String, dim: String, green: String, red: String, yellow: String };

/**
 * The report for a terminal: each resource with its lines (quantity, unit, unit price, monthly cost),
 * subresources indented, then the baseline and usage totals, what depends on usage, what is free and
 * what is not priced, and the date of the prices.
 */
export function renderTable(
  report: CostReport,
  options: { title?: string; diff?: CostDiff; style?: TableStyle } = {},
): string {
  const style = options.style ?? PLAIN;
  const money = (n: number) => formatMoney(n, report.currency);
  const rows: Array<[string, string, string, string]> = [];
  const addLine = (c: CostComponent, indent: string) => {
    const quantity =
      c.monthlyQuantity === null ? "depends on usage" : `${formatQuantity(c.monthlyQuantity)} ${c.unit}`;
    const unitPrice =
      c.unitPrice === null
        ? "-"
        : `${formatUnitPrice(c.unitPrice, report.currency)} per ${/^\d/.test(c.unit) ? c.unit : c.unit.replace(/s$/, "")}`;
    const cost = c.monthlyCost === null ? (c.unitPrice === null ? "no price" : "-") : money(c.monthlyCost);
    rows.push([`${indent}${c.name}${c.note ? style.dim(` (${c.note})`) : ""}`, quantity, unitPrice, cost]);
  };
  const addSub = (s: SubresourceCost, indent: string) => {
    rows.push([`${indent}${s.name}`, "", "", ""]);
    for (const c of s.components) addLine(c, `${indent}  `);
    for (const nested of s.subresources) addSub(nested, `${indent}  `);
  };
  for (const resource of report.resources) {
    rows.push([
      style.bold(`${resource.address}`) + style.dim(` (${resource.region})`),
      "",
      "",
      style.bold(money(resource.monthlyCost)),
    ]);
    for (const c of resource.components) addLine(c, "  ");
    for (const s of resource.subresources) addSub(s, "  ");
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ANSI colours this renderer adds.
  const visible = (text: string) => text.replaceAll(/\u001b\[\d+m/g, "").length;
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => visible(r[i] as string)), 0));
  const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - visible(text)));
  const out: string[] = [];
  if (options.title) out.push(style.bold(options.title), "");
  for (const row of rows) {
    out.push(
      `${pad(row[0], widths[0] as number)}  ${pad(row[1], widths[1] as number)}  ${pad(row[2], widths[2] as number)}  ${row[3]}`.trimEnd(),
    );
  }
  out.push("");
  out.push(`Baseline  ${money(report.baselineMonthlyCost)} a month`);
  out.push(
    `Usage     ${money(report.usageMonthlyCost)} a month${report.usageUnknown > 0 ? style.dim(` (${report.usageUnknown} line(s) depend on usage: give it with --usage FILE or plinth.yaml's usage:)`) : ""}`,
  );
  out.push(style.bold(`Total     ${money(report.totalMonthlyCost)} a month`));
  if (options.diff) {
    const d = options.diff;
    const colour = d.delta > 0 ? style.red : d.delta < 0 ? style.green : String;
    out.push(
      colour(
        `Change    ${formatDelta(d.delta, report.currency)}${d.deltaPercent === null ? "" : ` (${d.deltaPercent > 0 ? "+" : ""}${d.deltaPercent.toFixed(1)}%)`} from ${money(d.previousTotalMonthlyCost)}`,
      ),
    );
    for (const r of d.resources)
      out.push(
        colour === String
          ? `  ${r.change} ${r.address} ${formatDelta(r.delta, report.currency)}`
          : `  ${r.delta > 0 ? style.red("+") : style.green("-")} ${r.address} ${formatDelta(r.delta, report.currency)} (${r.change})`,
      );
  }
  out.push("");
  if (report.missingPrices > 0)
    out.push(
      style.yellow(`${report.missingPrices} line(s) have no price and are not counted; each says why.`),
    );
  if (report.free.length > 0)
    out.push(
      style.dim(
        `Free: ${report.free.length} resource(s) (${[...new Set(report.free.map((f) => f.type))].slice(0, 6).join(", ")}${report.free.length > 6 ? ", …" : ""}).`,
      ),
    );
  if (report.unpriced.length > 0) {
    out.push(style.yellow(`Not priced: ${report.unpriced.length} resource(s):`));
    for (const u of report.unpriced) out.push(style.yellow(`  ${u.address}: ${u.reason}`));
  }
  out.push(
    style.dim(
      `List prices in ${report.currency} as of ${report.asOf} (${report.prices}); 730 hours a month.`,
    ),
  );
  return `${out.join("\n")}\n`;
}

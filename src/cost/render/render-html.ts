import type { CostDiff } from "../diff.ts";
import type { CostComponent, CostReport, SubresourceCost } from "../report.ts";
import { formatDelta, formatMoney, formatQuantity, formatUnitPrice } from "./format.ts";

/** Text safe in HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A standalone HTML page of the report (for CI artifacts): every value escaped, no scripts. */
export function renderHtml(report: CostReport, options: { title?: string; diff?: CostDiff } = {}): string {
  const money = (n: number) => escapeHtml(formatMoney(n, report.currency));
  const title = escapeHtml(options.title ?? "Cost estimate");
  const rows: string[] = [];
  const line = (c: CostComponent, depth: number) =>
    rows.push(
      `<tr><td style="padding-left:${depth}em">${escapeHtml(c.name)}${c.note ? ` <small>(${escapeHtml(c.note)})</small>` : ""}</td>` +
        `<td>${c.monthlyQuantity === null ? "depends on usage" : `${escapeHtml(formatQuantity(c.monthlyQuantity))} ${escapeHtml(c.unit)}`}</td>` +
        `<td>${c.unitPrice === null ? "no price" : escapeHtml(formatUnitPrice(c.unitPrice, report.currency))}</td>` +
        `<td class="n">${c.monthlyCost === null ? "-" : money(c.monthlyCost)}</td></tr>`,
    );
  const sub = (s: SubresourceCost, depth: number) => {
    rows.push(`<tr><td style="padding-left:${depth}em" colspan="4">${escapeHtml(s.name)}</td></tr>`);
    for (const c of s.components) line(c, depth + 1);
    for (const n of s.subresources) sub(n, depth + 1);
  };
  for (const r of report.resources) {
    rows.push(
      `<tr class="r"><th colspan="3">${escapeHtml(r.address)} <small>${escapeHtml(r.region)}</small></th><th class="n">${money(r.monthlyCost)}</th></tr>`,
    );
    for (const c of r.components) line(c, 1);
    for (const s of r.subresources) sub(s, 1);
  }
  const diff = options.diff
    ? `<p>Change: <b>${escapeHtml(formatDelta(options.diff.delta, report.currency))}</b> from ${money(options.diff.previousTotalMonthlyCost)}</p><ul>${options.diff.resources
        .map(
          (r) =>
            `<li>${escapeHtml(r.address)} (${r.change}): ${escapeHtml(formatDelta(r.delta, report.currency))}</li>`,
        )
        .join("")}</ul>`
    : "";
  const unpriced = report.unpriced.length
    ? `<p>Not priced:</p><ul>${report.unpriced.map((u) => `<li>${escapeHtml(u.address)}: ${escapeHtml(u.reason)}</li>`).join("")}</ul>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:left}.n{text-align:right}tr.r{background:#f2f2f2}small{color:#666}</style>
</head><body>
<h1>${title}: ${money(report.totalMonthlyCost)} a month</h1>
<p>Baseline ${money(report.baselineMonthlyCost)}, usage ${money(report.usageMonthlyCost)}. List prices in ${escapeHtml(report.currency)} as of ${escapeHtml(report.asOf)} (${escapeHtml(report.prices)}), 730 hours a month.</p>
${diff}<table>
<thead><tr><th>Resource and line</th><th>Quantity</th><th>Unit price</th><th class="n">Monthly cost</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
${unpriced}<p><small>${report.free.length} free resource(s).</small></p>
</body></html>
`;
}

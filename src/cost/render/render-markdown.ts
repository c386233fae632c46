import type { CostDiff } from "../diff.ts";
import type { CostReport } from "../report.ts";
import { formatDelta, formatMoney } from "./format.ts";

/** Text safe inside a Markdown table cell: no pipes, no HTML, no line breaks, code spans kept literal. */
export function escapeMarkdown(text: string): string {
  return text.replaceAll(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replaceAll(/\r?\n/g, " ");
}

/**
 * A code span safe in a table cell: pipes escaped (GitHub reads them as cell borders even in code),
 * backticks fenced by a longer run, no line breaks. Text in a code span is never HTML.
 */
export function codeSpan(text: string): string {
  const flat = text.replaceAll(/\r?\n/g, " ").replaceAll("|", "\\|");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return longest > 0 ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

/**
 * A pull request comment: the total (and its change), one row per resource with its monthly cost and,
 * when compared, its change (`+$12.40/mo`), then what is not priced and the prices' date.
 */
export function renderMarkdown(
  report: CostReport,
  options: { title?: string; diff?: CostDiff } = {},
): string {
  const money = (n: number) => formatMoney(n, report.currency);
  const out: string[] = [];
  const diff = options.diff;
  const heading = options.title ? `${escapeMarkdown(options.title)}: ` : "";
  out.push(
    `### ${heading}${money(report.totalMonthlyCost)} a month${diff ? ` (${formatDelta(diff.delta, report.currency)})` : ""}`,
    "",
  );
  if (diff) {
    out.push("| Resource | Change | Monthly cost |", "| --- | ---: | ---: |");
    for (const r of diff.resources)
      out.push(
        `| ${codeSpan(r.address)} (${r.change}) | ${formatDelta(r.delta, report.currency)} | ${money(r.monthlyCost)} |`,
      );
    if (diff.resources.length === 0) out.push("| no resource changes cost | | |");
  } else {
    out.push("| Resource | Monthly cost |", "| --- | ---: |");
    for (const r of report.resources) out.push(`| ${codeSpan(r.address)} | ${money(r.monthlyCost)} |`);
  }
  out.push(
    "",
    `Baseline ${money(report.baselineMonthlyCost)}, usage ${money(report.usageMonthlyCost)} a month.`,
  );
  if (report.usageUnknown > 0) out.push(`${report.usageUnknown} usage-based line(s) have no usage estimate.`);
  if (report.missingPrices > 0)
    out.push(`${report.missingPrices} line(s) have no price and are not counted.`);
  if (report.unpriced.length > 0)
    out.push(`Not priced: ${report.unpriced.map((u) => codeSpan(u.address)).join(", ")}.`);
  out.push(
    "",
    `<sub>List prices in ${report.currency} as of ${report.asOf} (${escapeMarkdown(report.prices)}), 730 hours a month. Estimated by plinth.</sub>`,
  );
  return `${out.join("\n")}\n`;
}

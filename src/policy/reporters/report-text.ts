import type { PolicyReport } from "../check-policy.ts";
import type { FrameworkRollup } from "../framework-rollup.ts";
import type { PolicyResult } from "../types.ts";

export interface TextStyle {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
}

/**
 * The human report, in the manner of Terraform's plan: one block per resource with findings, each
 * finding with its rule, severity, line and the fix; then a one-line summary. Passing resources are
 * counted, not listed; unknowns are listed only with `verbose`.
 */
export function reportText(
  report: PolicyReport,
  style: TextStyle,
  options: { verbose?: boolean; framework?: FrameworkRollup } = {},
): string {
  const out: string[] = [];
  const fixes = new Map(report.rules.map((r) => [r.meta.id, r.meta.remediation.summary]));
  const shown = report.results.filter(
    (r) => r.status === "fail" || (options.verbose && r.status === "unknown"),
  );
  let current = "";
  for (const r of shown) {
    const key = `${r.env ?? ""}\u0000${r.address}`;
    if (key !== current) {
      current = key;
      out.push(
        "",
        `  ${marker(r, style)} ${style.bold(printable(r.address))}${r.env ? style.dim(` (${r.env})`) : ""}`,
      );
    }
    const where = r.file ? style.dim(`  ${printable(r.file)}:${r.line ?? 1}`) : "";
    out.push(`      ${severity(r, style)} ${r.ruleId} ${r.title}${where}`);
    out.push(`        ${printable(r.message)}`);
    if (r.suppression) {
      out.push(
        r.suppression.expired
          ? style.red(`        suppression expired on ${r.suppression.expires}: ${r.suppression.reason}`)
          : style.dim(
              `        suppressed (${r.suppression.source}${r.suppression.expires ? `, until ${r.suppression.expires}` : ""}): ${r.suppression.reason}`,
            ),
      );
    } else if (r.status === "fail") {
      out.push(style.dim(`        fix: ${fixes.get(r.ruleId) ?? "see the rule's documentation"}`));
    }
  }
  for (const w of report.warnings)
    out.push("", style.yellow(`  warning: ${w.at.file}:${w.at.line}: ${w.message}`));
  for (const s of report.suppressions.filter((x) => x.matched === 0 && x.source !== "inline"))
    out.push(
      style.dim(
        `  note: suppression of ${s.ruleId} for ${s.address} (${s.at.file}:${s.at.line}) matched nothing`,
      ),
    );
  if (options.framework) out.push("", ...rollupLines(options.framework, style));
  const s = report.summary;
  const bySeverity = `${s.failuresBySeverity.critical} critical, ${s.failuresBySeverity.high} high, ${s.failuresBySeverity.medium} medium, ${s.failuresBySeverity.low} low`;
  const line = `${s.resources} resources, ${s.rules} rules: ${s.pass} passed, ${s.fail} failed (${bySeverity}), ${s.unknown} unknown, ${s.suppressed} suppressed.`;
  out.push(
    "",
    s.blocking > 0 ? style.red(`Policy check failed: ${line}`) : style.green(`Policy check passed: ${line}`),
  );
  return `${out.join("\n").replace(/^\n/, "")}\n`;
}

/**
 * Values from the checked code (for_each keys, argument values) reach the terminal: control characters
 * are shown escaped, so no input can move the cursor, recolour or rewrite earlier lines.
 */
function printable(text: string): string {
  return text.replace(
    /[^\t\n\u0020-\u007e\u00a0-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function marker(r: PolicyResult, style: TextStyle): string {
  if (r.status === "unknown") return style.yellow("?");
  return r.suppression && !r.suppression.expired ? style.dim("~") : style.red("✗");
}

function severity(r: PolicyResult, style: TextStyle): string {
  const label = `[${r.severity}]`;
  if (r.status === "unknown") return style.yellow("[unknown]");
  return r.severity === "critical" || r.severity === "high" ? style.red(label) : style.yellow(label);
}

function rollupLines(rollup: FrameworkRollup, style: TextStyle): string[] {
  const lines = [style.bold(`${rollup.name} (${rollup.versions.join(", ")})`)];
  for (const c of rollup.controls) {
    const status =
      c.status === "fail"
        ? style.red("fail")
        : c.status === "pass"
          ? style.green("pass")
          : style.dim(c.status);
    lines.push(
      `  ${c.control.padEnd(8)} ${status.padEnd(4)}  ${c.rules.join(", ")}  ${style.dim(`${c.pass} pass, ${c.fail} fail, ${c.unknown} unknown`)}`,
    );
  }
  return lines;
}

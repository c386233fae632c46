import type { PolicyReport } from "../check-policy.ts";
import type { PolicyResult } from "../types.ts";

/**
 * JUnit XML for CI test tabs: one test suite per rule, one test case per resource; failures fail,
 * unknowns and accepted (suppressed) findings are skipped with the reason.
 */
export function reportJunit(report: PolicyReport): string {
  const byRule = new Map<string, PolicyResult[]>();
  for (const r of report.results) {
    const list = byRule.get(r.ruleId);
    if (list) list.push(r);
    else byRule.set(r.ruleId, [r]);
  }
  const titles = new Map(report.rules.map((r) => [r.meta.id, r.meta.title]));
  const suites = [...byRule].map(([ruleId, results]) => {
    const failures = results.filter((r) => r.status === "fail" && !accepted(r)).length;
    const skipped = results.filter((r) => r.status === "unknown" || accepted(r)).length;
    const cases = results.map((r) => {
      const name = attr(r.env ? `${r.address} (${r.env})` : r.address);
      const where = r.file ? `${r.file}:${r.line ?? 1}` : "";
      const body =
        r.status === "fail" && !accepted(r)
          ? `<failure message="${attr(r.message)}" type="${r.severity}">${text(`${where} ${r.message}`.trim())}</failure>`
          : r.status === "unknown"
            ? `<skipped message="${attr(r.message)}"/>`
            : accepted(r)
              ? `<skipped message="${attr(`suppressed: ${r.suppression?.reason ?? ""}`)}"/>`
              : "";
      return `    <testcase name="${name}" classname="${attr(ruleId)}"${body ? `>${body}</testcase>` : "/>"}`;
    });
    const name = attr(`${ruleId} ${titles.get(ruleId) ?? ""}`.trim());
    return `  <testsuite name="${name}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const s = report.summary;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="plinth policy check" tests="${report.results.length}" failures="${s.fail}" errors="0" skipped="${s.unknown + s.suppressed}">\n${suites.join("\n")}\n</testsuites>\n`;
}

function accepted(r: PolicyResult): boolean {
  return r.status === "fail" && r.suppression !== undefined && !r.suppression.expired;
}

/** XML 1.0 cannot carry most control characters at all; they are dropped, the rest escaped. */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function attr(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}

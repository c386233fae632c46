import type { PolicyReport } from "../check-policy.ts";
import type { FrameworkRollup } from "../framework-rollup.ts";
import type { PolicyResult } from "../types.ts";

/** Markdown for pull-request comments: a one-line verdict, the failures as a table, then the rest. */
export function reportMarkdown(report: PolicyReport, framework?: FrameworkRollup): string {
  const s = report.summary;
  const lines: string[] = [];
  const verdict =
    s.blocking > 0
      ? `❌ **${s.blocking} failing finding(s)** at or above ${s.failOn}`
      : "✅ **No failing findings**";
  lines.push(`### plinth policy check`, "", verdict, "");
  lines.push(
    `${s.resources} resources, ${s.rules} rules: ${s.pass} passed, ${s.fail} failed, ${s.unknown} unknown, ${s.suppressed} suppressed.`,
    "",
  );
  const failed = report.results.filter(
    (r) => r.status === "fail" && !(r.suppression && !r.suppression.expired),
  );
  if (failed.length > 0) {
    lines.push("| Severity | Rule | Resource | Where | Finding |", "| --- | --- | --- | --- | --- |");
    for (const r of failed) lines.push(row(r));
    lines.push("");
  }
  const accepted = report.results.filter((r) => r.suppression && !r.suppression.expired);
  if (accepted.length > 0) {
    lines.push(
      "<details><summary>Suppressed findings</summary>",
      "",
      "| Rule | Resource | Reason | Expires |",
      "| --- | --- | --- | --- |",
    );
    for (const r of accepted)
      lines.push(
        `| ${cell(r.ruleId)} | \`${cell(r.address)}\` | ${cell(r.suppression?.reason ?? "")} | ${r.suppression?.expires ?? "never"} |`,
      );
    lines.push("", "</details>", "");
  }
  if (framework) {
    lines.push(
      `#### ${framework.name} (${framework.versions.join(", ")})`,
      "",
      "| Control | Status | Rules | Pass | Fail | Unknown |",
      "| --- | --- | --- | --- | --- | --- |",
    );
    for (const c of framework.controls)
      lines.push(
        `| ${c.control} | ${c.status} | ${c.rules.join(", ")} | ${c.pass} | ${c.fail} | ${c.unknown} |`,
      );
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

function row(r: PolicyResult): string {
  const where = r.file ? `${r.file}:${r.line ?? 1}` : "";
  return `| ${r.severity} | ${cell(r.ruleId)} | \`${cell(r.address)}\`${r.env ? ` (${cell(r.env)})` : ""} | ${cell(where)} | ${cell(r.message)} |`;
}

/** Table cells cannot hold pipes or newlines; HTML in findings is shown, not rendered. */
function cell(value: string): string {
  return value
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ")
    .replace(/</g, "&lt;")
    .replace(/`/g, "'");
}

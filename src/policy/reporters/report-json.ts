import type { PolicyReport } from "../check-policy.ts";
import type { FrameworkRollup } from "../framework-rollup.ts";

/**
 * The `--json` (and `--format json`) document, schemas/cli/policy-check.schema.json. Each result has
 * ruleId, aliases, severity, address (as Terraform writes it), resourceType, status, file, line
 * (null when unknown) and message; `env` and `suppression` only when they apply.
 */
export function reportJson(report: PolicyReport, framework?: FrameworkRollup): string {
  const document = {
    results: report.results.map((r) => ({
      ruleId: r.ruleId,
      aliases: r.aliases,
      severity: r.severity,
      address: r.address,
      resourceType: r.resourceType,
      status: r.status,
      file: r.file ?? null,
      line: r.line ?? null,
      message: r.message,
      ...(r.env === undefined ? {} : { env: r.env }),
      ...(r.suppression ? { suppression: r.suppression } : {}),
    })),
    summary: report.summary,
    suppressions: report.suppressions.map((s) => ({
      ruleId: s.ruleId,
      address: s.address,
      reason: s.reason,
      ...(s.expires ? { expires: s.expires } : {}),
      expired: s.expired,
      source: s.source,
      file: s.at.file,
      line: s.at.line,
      matched: s.matched,
    })),
    warnings: report.warnings.map((w) => ({ message: w.message, file: w.at.file, line: w.at.line })),
    ...(framework ? { framework } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

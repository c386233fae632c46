import { createHash } from "node:crypto";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { PolicyReport } from "../check-policy.ts";
import type { Rule } from "../rule.ts";
import type { PolicyResult } from "../types.ts";
import { SARIF_LEVEL, SECURITY_SEVERITY } from "./severity-levels.ts";

export interface SarifOptions {
  /** plinth's version, for tool.driver.version. */
  version: string;
  /** Repository root: locations are written relative to it (GitHub resolves them against the checkout). */
  root: string;
  /** The directory relative file names in results are relative to. */
  cwd: string;
  /** Where the checked input is, relative or absolute: the location of findings without a file. */
  input: string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: failed findings (suppressed ones carry a suppression), one
 * rule descriptor per rule that ran, security-severity for ranking, a fingerprint from rule, address
 * and environment that survives line changes, repo-relative paths and lines from 1.
 */
export function reportSarif(report: PolicyReport, options: SarifOptions): string {
  const rules = report.rules.map(descriptor);
  const index = new Map(report.rules.map((r, i) => [r.meta.id, i]));
  const results: Result[] = report.results
    .filter((r) => r.status === "fail")
    .map((r) => sarifResult(r, index.get(r.ruleId), options));
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "plinth",
            version: options.version,
            informationUri: "https://plinth.dev/docs/policy",
            rules,
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root." } } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptor(rule: Rule): ReportingDescriptor {
  const m = rule.meta;
  const fixes = [
    `Terraform:\n\n\`\`\`hcl\n${m.remediation.terraform}\n\`\`\``,
    ...(m.remediation.cloudformation
      ? [`CloudFormation:\n\n\`\`\`yaml\n${m.remediation.cloudformation}\n\`\`\``]
      : []),
    ...(m.remediation.plinth ? [`plinth.yaml: ${m.remediation.plinth}`] : []),
  ];
  return {
    id: m.id,
    name: m.id.replace(/-/g, ""),
    shortDescription: { text: m.title },
    fullDescription: { text: m.description },
    help: {
      text: `${m.description}\n\nFix: ${m.remediation.summary}${m.defaults ? `\n\nDefaults: ${m.defaults}` : ""}`,
      markdown: `${m.description}\n\n**Fix:** ${m.remediation.summary}\n\n${fixes.join("\n\n")}${m.defaults ? `\n\n**Defaults:** ${m.defaults}` : ""}`,
    },
    ...(m.references[0]?.startsWith("https://") ? { helpUri: m.references[0] } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[m.severity] },
    properties: {
      "security-severity": SECURITY_SEVERITY[m.severity],
      precision: "high",
      tags: [
        "security",
        "iac",
        m.cloud,
        ...m.aliases,
        ...m.frameworks.flatMap((f) => f.controls.map((c) => `${f.framework}/${c}`)),
      ],
    },
  };
}

function sarifResult(result: PolicyResult, ruleIndex: number | undefined, options: SarifOptions): Result {
  const file = toRepoPath(resolve(options.cwd, result.file ?? options.input), options.root);
  const env = result.env ? ` (env ${result.env})` : "";
  return {
    ruleId: result.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: SARIF_LEVEL[result.severity],
    message: { text: `${result.address}${env}: ${result.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: file, uriBaseId: "%SRCROOT%" },
          region: { startLine: Math.max(1, result.line ?? 1) },
        },
        logicalLocations: [{ fullyQualifiedName: result.address, kind: "resource" }],
      },
    ],
    partialFingerprints: {
      "plinthFinding/v1": createHash("sha256")
        .update(`${result.ruleId}\u0000${result.address}\u0000${result.env ?? ""}`)
        .digest("hex"),
    },
    ...(result.suppression && !result.suppression.expired
      ? {
          suppressions: [
            {
              kind: result.suppression.source === "inline" ? "inSource" : "external",
              justification: result.suppression.reason,
            },
          ],
        }
      : {}),
  } as Result;
}

/** A repo-relative URI with forward slashes; a file outside the root keeps its absolute path. */
function toRepoPath(file: string, root: string): string {
  const rel = relative(root, file);
  const path = rel.startsWith("..") || isAbsolute(rel) ? file : rel;
  return path.split(sep).join("/");
}

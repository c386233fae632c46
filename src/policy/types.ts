import type { SourceLocation } from "../errors.ts";
import type { Cloud } from "../model/graph.ts";

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** pass and fail are decisions; unknown means not decidable from what is statically known. */
export type Status = "pass" | "fail" | "unknown";

/** A rule's place in a compliance framework. */
export interface FrameworkMapping {
  /** Stable id used by `--pack` and `--framework`: `cis-aws`, `cis-gcp`, `cis-azure`, `soc2`. */
  framework: FrameworkId;
  /** The framework version the control numbers refer to. */
  version: string;
  controls: string[];
}

export const FRAMEWORKS = {
  "cis-aws": "CIS Amazon Web Services Foundations Benchmark",
  "cis-gcp": "CIS Google Cloud Platform Foundation Benchmark",
  "cis-azure": "CIS Microsoft Azure Foundations Benchmark",
  soc2: "SOC 2 Trust Services Criteria",
} as const;
export type FrameworkId = keyof typeof FRAMEWORKS;

export interface Remediation {
  /** What to change, in words. */
  summary: string;
  terraform: string;
  cloudformation?: string;
  /** How plinth.yaml expresses the fix, when a portable component covers the resource. */
  plinth?: string;
}

/** Everything about a rule except how it decides: data, so reports, docs and packs read it. */
export interface RuleMetadata {
  /** `PLINTH-AWS-001`; custom rules choose their own. */
  id: string;
  title: string;
  description: string;
  severity: Severity;
  cloud: Cloud;
  /** Terraform types it evaluates, and the CloudFormation types those come from. */
  resourceTypes: { terraform: string[]; cloudformation: string[] };
  remediation: Remediation;
  frameworks: FrameworkMapping[];
  /** Ids of the same control in other tools: Checkov (`CKV_AWS_19`), Trivy/tfsec (`AVD-AWS-0088`, `aws-s3-…`). */
  aliases: string[];
  /** Where the control is defined (provider documentation, benchmark). */
  references: string[];
  /** How an absent argument or a provider default is treated, when that is a choice. */
  defaults?: string;
}

/** One decision of a rule about one resource. */
export interface Verdict {
  status: Status;
  message: string;
  /** The argument the decision is about (`versioning_configuration[0].status`), to point at its line. */
  attribute?: string;
  /** Where to point when the line to change is in another resource (the bucket's versioning resource). */
  at?: SourceLocation;
}

export interface Suppression {
  ruleId: string;
  reason: string;
  expires?: string;
  /** `inline` (a `# plinth:ignore` comment) or the config file's path. */
  source: string;
  /** Whether it is past its expiry date: the finding fails again. */
  expired: boolean;
}

/** One rule's result on one resource, as every reporter prints it. */
export interface PolicyResult {
  ruleId: string;
  aliases: string[];
  severity: Severity;
  title: string;
  address: string;
  resourceType: string;
  status: Status;
  file?: string;
  line?: number;
  message: string;
  /** Environment of a plinth spec's graph; absent for Terraform/CloudFormation input. */
  env?: string;
  suppression?: Suppression;
}

import type { ResourceGraph } from "../model/graph.ts";
import { evaluateRules } from "./engine.ts";
import type { Rule } from "./rule.ts";
import { BUILT_IN_RULES } from "./rules/index.ts";
import { rulesNamed, rulesOfPack } from "./select-rules.ts";
import { type AppliedSuppression, applySuppressions } from "./suppressions/apply-suppressions.ts";
import {
  parseDirective,
  type SuppressionRule,
  type SuppressionWarning,
} from "./suppressions/suppression-rules.ts";
import { type FrameworkId, type PolicyResult, SEVERITIES, type Severity } from "./types.ts";

/** One graph to check; `env` names a plinth spec's environment in results. */
export interface PolicyInput {
  graph: ResourceGraph;
  env?: string;
}

export interface CheckPolicyOptions {
  /** Custom rules added to the built-in ones (from plinth-policy.yaml). */
  customRules?: ReadonlyArray<Rule>;
  /** Only rules mapped to this framework. */
  pack?: FrameworkId;
  /** Only these rules, by id or alias. */
  ruleNames?: ReadonlyArray<string>;
  /** Findings at or above this severity fail the check (default `low`: every failure). */
  failOn?: Severity;
  /** Suppressions from the config file; inline `# plinth:ignore` directives are read from the graph. */
  suppressions?: ReadonlyArray<SuppressionRule>;
  /** Findings from other engines (OPA), added as they are. */
  externalResults?: ReadonlyArray<PolicyResult>;
  /** Today as YYYY-MM-DD, for suppression expiry: injected so checks are reproducible. */
  today: string;
}

export interface PolicySummary {
  resources: number;
  rules: number;
  pass: number;
  fail: number;
  unknown: number;
  /** Failed findings accepted by an unexpired suppression. */
  suppressed: number;
  /** Unsuppressed failures by severity. */
  failuresBySeverity: Record<Severity, number>;
  failOn: Severity;
  /** Unsuppressed failures at or above failOn: the check fails (exit 2) when there are any. */
  blocking: number;
}

export interface PolicyReport {
  results: PolicyResult[];
  summary: PolicySummary;
  /** The rules that ran, for reporters (SARIF rule descriptors, docs links). */
  rules: Rule[];
  suppressions: AppliedSuppression[];
  warnings: SuppressionWarning[];
}

/**
 * Checks graphs against the built-in and custom rules: the one entry point for `plinth policy check`
 * and the deploy workflow's policy gate. Results are sorted by address, then rule.
 */
export function checkPolicy(inputs: ReadonlyArray<PolicyInput>, options: CheckPolicyOptions): PolicyReport {
  let rules: Rule[] = [...BUILT_IN_RULES, ...(options.customRules ?? [])];
  if (options.pack) rules = rulesOfPack(rules, options.pack);
  if (options.ruleNames && options.ruleNames.length > 0) rules = rulesNamed(rules, options.ruleNames);

  const results: PolicyResult[] = [];
  const applied: AppliedSuppression[] = [];
  const warnings: SuppressionWarning[] = [];
  let resources = 0;
  for (const { graph, env } of inputs) {
    resources += graph.nodes.length;
    // Inline directives apply within their own graph: two Terraform roots may share an address.
    const inline = directivesOf(graph, warnings);
    const graphResults = applySuppressions(evaluateRules(graph, rules, env), inline, rules, options.today);
    results.push(...graphResults.results);
    applied.push(...graphResults.applied);
  }
  results.push(...(options.externalResults ?? []));
  const configured = applySuppressions(results, options.suppressions ?? [], rules, options.today);
  results.splice(0, results.length, ...configured.results);
  applied.push(...configured.applied);
  results.sort(
    (a, b) => compare(a.env, b.env) || compare(a.address, b.address) || compare(a.ruleId, b.ruleId),
  );
  return {
    results,
    summary: summarize(results, resources, rules.length, options.failOn ?? "low"),
    rules,
    suppressions: applied,
    warnings,
  };
}

/** The graph's `# plinth:ignore` directives as suppressions; malformed ones become warnings. */
function directivesOf(graph: ResourceGraph, warnings: SuppressionWarning[]): SuppressionRule[] {
  const suppressions: SuppressionRule[] = [];
  for (const node of graph.nodes) {
    for (const directive of node.directives ?? []) {
      const parsed = parseDirective(directive.text, node.address, directive.location);
      if (parsed === undefined) continue;
      if ("rule" in parsed) suppressions.push(parsed);
      else warnings.push(parsed);
    }
  }
  return suppressions;
}

function summarize(
  results: ReadonlyArray<PolicyResult>,
  resources: number,
  rules: number,
  failOn: Severity,
): PolicySummary {
  const failuresBySeverity = { low: 0, medium: 0, high: 0, critical: 0 } as Record<Severity, number>;
  let pass = 0;
  let fail = 0;
  let unknown = 0;
  let suppressed = 0;
  for (const r of results) {
    if (r.status === "pass") pass++;
    else if (r.status === "unknown") unknown++;
    else if (r.suppression && !r.suppression.expired) suppressed++;
    else {
      fail++;
      failuresBySeverity[r.severity]++;
    }
  }
  const threshold = SEVERITIES.indexOf(failOn);
  const blocking = SEVERITIES.filter((_, i) => i >= threshold).reduce((n, s) => n + failuresBySeverity[s], 0);
  return { resources, rules, pass, fail, unknown, suppressed, failuresBySeverity, failOn, blocking };
}

function compare(a: string | undefined, b: string | undefined): number {
  return (a ?? "").localeCompare(b ?? "");
}

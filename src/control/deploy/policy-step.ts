import type { ArtifactRef } from "../../artifacts/artifact-store.ts";
import type { EventPublisher } from "../../events/publisher.ts";
import { decodeGraph } from "../../model/graph-json.ts";
import { checkPolicy } from "../../policy/check-policy.ts";
import { reportJson } from "../../policy/reporters/report-json.ts";
import { SEVERITIES, type Severity } from "../../policy/types.ts";
import type { CodegenOutput, PolicyOutput, StepInput } from "./contracts.ts";
import type { StepDependencies } from "./deploy-dependencies.ts";
import { recordStep } from "./record-step.ts";
import { getJson, getText, runArtifact } from "./run-artifacts.ts";

/**
 * Findings at or above this severity stop a deploy; lower ones are warnings in its record. Pull
 * requests run `plinth policy check`, whose --fail-on is stricter by default: the gate is the last
 * line, not the review.
 */
export const DEPLOY_GATE_SEVERITY: Severity = "high";

export interface PolicyStepInput extends StepInput {
  codegen: CodegenOutput;
}

/**
 * The policy gate: every built-in rule, plus the custom rules and suppressions of the
 * plinth-policy.yaml beside the spec, over the graph the deploy would apply. When it blocks, it
 * announces PolicyViolations; the workflow's PolicyGate then stops the run before anything is planned.
 */
export async function policyStep(
  input: PolicyStepInput,
  deps: StepDependencies & { publisher: EventPublisher },
): Promise<PolicyOutput> {
  const graph = decodeGraph(await getJson(deps.artifacts, input.codegen.graph));
  // Custom rules bring the CEL interpreter: loaded only for a spec that has a policy config.
  const config = input.codegen.policyConfig
    ? await import("../../policy/policy-config.ts").then(async ({ POLICY_CONFIG_FILE, readPolicyConfig }) =>
        readPolicyConfig(
          await getText(deps.artifacts, input.codegen.policyConfig as ArtifactRef),
          POLICY_CONFIG_FILE,
        ),
      )
    : undefined;
  const report = checkPolicy([{ graph, env: input.env }], {
    customRules: config?.rules ?? [],
    suppressions: config?.suppressions ?? [],
    failOn: DEPLOY_GATE_SEVERITY,
    today: deps.now().toISOString().slice(0, 10),
  });
  const gate = SEVERITIES.indexOf(DEPLOY_GATE_SEVERITY);
  const blocking = report.results.filter(
    (r) =>
      r.status === "fail" &&
      !(r.suppression && !r.suppression.expired) &&
      SEVERITIES.indexOf(r.severity) >= gate,
  );
  const failures = report.summary.blocking;
  const rules = [...new Set(blocking.map((r) => r.ruleId))].slice(0, 100);
  const stored = await deps.artifacts.put(
    runArtifact(input.runId, "policy.json"),
    reportJson(report),
    "application/json",
  );
  const message =
    failures === 0
      ? `Policy passed: no failures at ${DEPLOY_GATE_SEVERITY} or above (${report.summary.fail} below).`
      : `${failures} policy failure${failures === 1 ? "" : "s"} at ${DEPLOY_GATE_SEVERITY} severity or above: ${blocking
          .slice(0, 5)
          .map((r) => `${r.ruleId} on ${r.address}${r.file ? ` (${r.file}:${r.line})` : ""}`)
          .join(", ")}${blocking.length > 5 ? ", …" : ""}; nothing was changed.`;
  if (failures > 0)
    await deps.publisher.publish({
      source: "plinth.control",
      "detail-type": "PolicyViolations",
      detail: { app: input.app, env: input.env, runId: input.runId, failures, rules },
    });
  await recordStep(
    input,
    {
      workflow: "deploy",
      step: "PolicyCheck",
      outcome: failures === 0 ? "succeeded" : "failed",
      detail: { failures, warnings: report.summary.fail - failures, rules },
    },
    deps,
  );
  return {
    passed: failures === 0,
    failures,
    warnings: report.summary.fail - failures,
    rules,
    report: stored,
    message: message.slice(0, 1000),
  };
}

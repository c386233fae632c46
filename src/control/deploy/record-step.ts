import type { JsonObject } from "../../model/value.ts";
import { type AuditDependencies, auditStep } from "../audit-trail.ts";
import type { StepInput } from "./contracts.ts";

/** The audit record a step leaves in its environment's trail: what it found, for whom, in which run. */
export async function recordStep(
  input: StepInput,
  record: {
    workflow: "deploy" | "destroy";
    step: string;
    outcome?: "succeeded" | "failed";
    detail: JsonObject;
  },
  deps: AuditDependencies,
): Promise<void> {
  await auditStep(
    {
      workflow: record.workflow,
      runId: input.runId,
      step: record.step,
      outcome: record.outcome ?? "succeeded",
      app: input.app,
      env: input.env,
      principal: input.principal,
      detail: record.detail,
    },
    deps,
  );
}

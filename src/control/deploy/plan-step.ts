import type { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import { StalePlanError } from "../../engine/errors.ts";
import { typesOf } from "../../engine/handler-registry.ts";
import { createPlan, describeSummary, pendingChanges, specHashOf } from "../../engine/plan.ts";
import { checkPlanIntegrity } from "../../engine/plan-file.ts";
import type { Plan } from "../../engine/plan-types.ts";
import type { ResourceGraph } from "../../model/graph.ts";
import { decodeGraph } from "../../model/graph-json.ts";
import type { StateKey } from "../../state/types.ts";
import { loadWorkingState, type WorkingState } from "../../state/working-state.ts";
import { checkPlanCurrentOrLocked } from "./check-plan-current.ts";
import type { CodegenOutput, DeployEnvironment, DeployRequest, PlanOutput } from "./contracts.ts";
import type { EngineDependencies, SpecSource } from "./deploy-dependencies.ts";
import { DeployTargetMismatchError } from "./errors.ts";
import { loadEnvironment } from "./load-environment.ts";
import { recordStep } from "./record-step.ts";
import { getJson, putJson, runArtifact } from "./run-artifacts.ts";

export interface PlanStepInput {
  app: string;
  env: string;
  runId: string;
  mode: "apply" | "destroy";
  detail: DeployRequest;
  /** The deploy's codegen output (mode apply); destroy reads the spec itself. */
  codegen?: CodegenOutput;
}

export interface PlanStepDependencies extends EngineDependencies {
  specs: SpecSource;
  schemas: ProviderSchemas;
}

/**
 * Plans the graph (mode apply) or the deletion of everything (mode destroy) against the state store,
 * or takes the saved plan the request carries after checking it is intact, for this environment and
 * spec, and not stale. The plan is stored as an artifact of the run; it needs approval when the
 * environment requires one (unless the request may skip it) or the requester asked to confirm.
 */
export async function planStep(input: PlanStepInput, deps: PlanStepDependencies): Promise<PlanOutput> {
  const key: StateKey = { app: input.app, env: input.env };
  const { graph, environment } = await desiredGraph(input, deps);
  const working = await loadWorkingState(deps.store, key);
  const plan = input.detail.plan
    ? await savedPlan(input, graph, working, deps)
    : await createPlan({
        graph,
        working,
        handlers: await deps.resources(typesOf(graph.nodes, working), environment),
        command: input.mode,
        refresh: Boolean(input.detail.refresh),
        ...(deps.variables ? { variables: deps.variables } : {}),
        ...(deps.parallelism ? { parallelism: deps.parallelism } : {}),
        now: deps.now,
      });
  deps.onPlan?.(plan);
  const stored = await putJson(deps.artifacts, runArtifact(input.runId, "plan.json"), plan);
  const changes = pendingChanges(plan);
  const approval = environment.approval && !input.detail.autoApprove;
  const output: PlanOutput = {
    plan: stored,
    command: plan.command,
    baseVersion: plan.baseVersion,
    planSha256: plan.hash.replace(/^sha256:/, ""),
    changes,
    summary: describeSummary(plan),
    requiresApproval: changes > 0 && (approval || Boolean(input.detail.confirm)),
    region: environment.region,
    ...(environment.roleArn ? { roleArn: environment.roleArn } : {}),
  };
  await recordStep(
    { ...input, principal: input.detail.principal },
    {
      workflow: input.mode === "destroy" ? "destroy" : "deploy",
      step: "Plan",
      detail: {
        summary: output.summary,
        baseVersion: plan.baseVersion,
        planHash: plan.hash,
        ...(input.detail.plan ? { saved: true } : {}),
      },
    },
    deps,
  );
  return output;
}

async function desiredGraph(
  input: PlanStepInput,
  deps: PlanStepDependencies,
): Promise<{ graph: ResourceGraph; environment: DeployEnvironment }> {
  if (input.codegen)
    return {
      graph: decodeGraph(await getJson(deps.artifacts, input.codegen.graph)),
      environment: input.codegen.environment,
    };
  const loaded = await loadEnvironment(
    deps.specs,
    { ...input.detail, env: input.env },
    deps.schemas,
    deps.documents,
  );
  return { graph: loaded.graph, environment: loaded.environment };
}

/** A saved plan applies as reviewed: the same environment, made from this spec, on this state. */
async function savedPlan(
  input: PlanStepInput,
  graph: ResourceGraph,
  working: WorkingState,
  deps: PlanStepDependencies,
): Promise<Plan> {
  const plan = await getJson<Plan>(deps.artifacts, input.detail.plan as NonNullable<DeployRequest["plan"]>);
  checkPlanIntegrity(plan);
  if (plan.app !== input.app || plan.env !== input.env)
    throw new DeployTargetMismatchError(
      `The saved plan is for ${plan.app}/${plan.env}, not ${input.app}/${input.env}; nothing was applied.`,
      { hint: "Pass the matching --env and -f." },
    );
  if (plan.command === "apply" && plan.specHash !== specHashOf(graph))
    throw new StalePlanError(
      "The saved plan was made from another version of the spec than the one checked now; nothing was applied.",
      { hint: "Run `plinth plan --out` again and review the new plan." },
    );
  await checkPlanCurrentOrLocked(plan, working, deps.store, { app: input.app, env: input.env });
  return plan;
}

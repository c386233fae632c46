import type { ResourceGraph, ResourceNode } from "../model/graph.ts";
import { decodeValue, type ValueObject } from "../model/value.ts";
import { stableHash } from "../state/stable-hash.ts";
import type { Checkpoint } from "../state/types.ts";
import type { WorkingState } from "../state/working-state.ts";
import { InvalidPlanError, StalePlanError } from "./errors.ts";
import { stateHash } from "./plan.ts";
import type { Plan } from "./plan-types.ts";

/** Refuses a plan whose content does not match its hash (edited, truncated, or not a plan). */
export function checkPlanIntegrity(plan: Plan): void {
  if (
    plan === null ||
    typeof plan !== "object" ||
    plan.formatVersion !== 1 ||
    typeof plan.hash !== "string"
  ) {
    throw new InvalidPlanError("This is not a plinth plan (format 1).", {
      hint: "Save one with `plinth plan --out plan.json`.",
    });
  }
  const { hash, ...rest } = plan;
  if (stableHash(rest) !== hash) {
    throw new InvalidPlanError(
      "The plan's content does not match its hash: it was changed after it was saved.",
      {
        hint: "Run `plinth plan --out` again rather than editing a plan.",
      },
    );
  }
}

/** Refuses a plan made against another state than the environment's current one. */
export function checkPlanIsCurrent(plan: Plan, working: WorkingState): void {
  if (working.version !== plan.baseVersion || stateHash(working.resources) !== plan.baseHash) {
    throw new StalePlanError(
      `The plan was made against version ${plan.baseVersion} of \`${plan.env}\`, which has changed since (now version ${working.version}); nothing was applied.`,
      { hint: "Run `plinth plan` again and review the new plan." },
    );
  }
}

/** The desired resources of a plan, values decoded. */
export function nodesOfPlan(plan: Plan): ResourceNode[] {
  return plan.nodes.map((n) => ({
    address: n.address,
    type: n.type,
    name: n.address.slice(n.address.lastIndexOf(".") + 1),
    properties: decodeValue(n.properties) as ValueObject,
    dependsOn: n.dependsOn,
    sensitive: n.sensitive,
    ...(n.region ? { region: n.region } : {}),
  }));
}

/** The desired graph a plan was made from (for verifying an apply against the cloud). */
export function graphOfPlan(plan: Plan): ResourceGraph {
  return {
    app: plan.app,
    env: plan.env,
    cloud: plan.cloud,
    region: plan.region,
    nodes: nodesOfPlan(plan),
    variables: [],
    outputs: plan.outputs.map((o) => ({
      name: o.name,
      value: decodeValue(o.value),
      ...(o.sensitive ? { sensitive: true } : {}),
    })),
  };
}

/**
 * What a version holds as a desired graph: the graph of the plan that produced it, limited to the
 * resources the version recorded (a failed apply's version holds only what finished). Rolling back
 * plans toward it; cost compares with it.
 */
export function graphOfCheckpoint(checkpoint: Checkpoint): ResourceGraph {
  const graph = graphOfPlan(checkpoint.plan as unknown as Plan);
  return { ...graph, nodes: graph.nodes.filter((n) => Object.hasOwn(checkpoint.resources, n.address)) };
}

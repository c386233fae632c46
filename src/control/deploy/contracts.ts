import type { ArtifactRef } from "../../artifacts/artifact-store.ts";
import type { Cloud } from "../../model/graph.ts";

/**
 * The payloads the deploy and destroy workflows pass between their steps, as TypeScript; the JSON
 * Schemas in schemas/handlers/ are their source of truth and check them at every handler.
 */

/** DeployRequested / DestroyRequested detail (schemas/events/). */
export interface DeployRequest {
  app: string;
  env: string;
  principal: string;
  repo?: string;
  commit?: string;
  /** Where the spec is: an artifact key in the cloud, a path under the targets root embedded. */
  spec?: string;
  autoApprove?: boolean;
  confirm?: boolean;
  rollbackOnFailure?: boolean;
  refresh?: boolean;
  /** A saved plan to apply as reviewed. */
  plan?: ArtifactRef;
}

/** What the deploy needs to know about the environment, from its spec. */
export interface DeployEnvironment {
  cloud: Cloud;
  region: string;
  /** `approval: true`: a person approves every change. */
  approval: boolean;
  /** The role plan, apply and verify assume (required in the cloud). */
  roleArn?: string;
}

export const CODE_FORMATS = [
  "terraform-hcl",
  "terraform-json",
  "cloudformation-yaml",
  "cloudformation-json",
  "pulumi-yaml",
  "pulumi-typescript",
  "arm-json",
  "bicep",
] as const;
export type CodeFormat = (typeof CODE_FORMATS)[number];

export interface CodegenOutput {
  /** The resource graph (encodeGraph). */
  graph: ArtifactRef;
  /** The plinth.yaml text the run deploys (scans read it later). */
  spec: ArtifactRef;
  /** plinth-policy.yaml found beside the spec. */
  policyConfig?: ArtifactRef;
  /** Generated projects: a JSON object of path → file content per format. */
  artifacts: Array<{ format: CodeFormat; ref: ArtifactRef }>;
  specSha256: string;
  resources: number;
  environment: DeployEnvironment;
}

export interface PolicyOutput {
  passed: boolean;
  /** Unsuppressed failures at or above the gate's severity. */
  failures: number;
  /** Unsuppressed failures below it. */
  warnings: number;
  rules: string[];
  report: ArtifactRef;
  /** One sentence for the failure record when the gate stops the run. */
  message: string;
}

export interface CostOutput {
  monthlyCost: number;
  currency: string;
  budget?: number;
  withinBudget: boolean;
  report: ArtifactRef;
  message: string;
}

export interface PlanOutput {
  /** The engine's plan JSON. */
  plan: ArtifactRef;
  command: "apply" | "destroy";
  baseVersion: number;
  planSha256: string;
  changes: number;
  summary: string;
  requiresApproval: boolean;
  region: string;
  roleArn?: string;
}

export interface CheckpointOutput {
  /** The version to roll back to: the state version before this apply. */
  version: number;
}

export interface ApplyOutput {
  version: number;
  applied: number;
  deleted: number;
  /** The engine's result per resource. */
  result: ArtifactRef;
}

export interface VerifyOutput {
  verified: boolean;
  drifted: number;
}

export interface RollbackOutput {
  version: number;
}

/** What every step of one environment's run is called with. */
export interface StepInput {
  app: string;
  env: string;
  runId: string;
  /** Who asked for the run (DeployRequested's principal), for the audit trail. */
  principal: string;
}

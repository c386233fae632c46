import type { Json, JsonObject } from "../model/value.ts";

/** State is kept per application and environment: one writer, one version line each. */
export interface StateKey {
  app: string;
  env: string;
}

/** What plinth knows about one live resource. Secret values are stored as `{"$sensitive": hash}`. */
export interface ResourceState {
  address: string;
  type: string;
  /** The cloud's identifier, as Terraform's `id` attribute holds it. */
  id: string;
  /** The properties it was created or last updated with, references resolved. */
  inputs: JsonObject;
  /** Attributes the cloud computed (arn, endpoint…), by Terraform's attribute names. */
  outputs: JsonObject;
  /** Direct dependencies at the time it was applied: deletion runs in the reverse order. */
  dependsOn: string[];
  region?: string;
}

/** Who did something and why; every version and audit record carries one. */
export interface Actor {
  /** `alice@laptop`, an IAM principal ARN, a CI job. */
  principal: string;
  /** `cli`, `workflow:deploy`, `event:DeployRequested`… */
  trigger: string;
}

export type ChangeCounts = Record<"create" | "update" | "replace" | "delete", number>;

/** A numbered version of an environment's state: written once, never changed. */
export interface Checkpoint extends Actor {
  version: number;
  createdAt: string;
  command: "apply" | "destroy";
  /** `succeeded`, or `failed` when the apply stopped early and this records what it had done. */
  outcome: "succeeded" | "failed";
  /** sha256 of the spec graph the version was applied from. */
  specHash: string;
  resources: Record<string, ResourceState>;
  /** The graph's outputs, resolved (secret ones hashed). */
  outputs: JsonObject;
  /** The plan that produced this version (JSON form, see src/engine/plan-types.ts). */
  plan: Json;
  changes: ChangeCounts;
}

/** A version without its resources: what `plinth history` lists. */
export type VersionSummary = Omit<Checkpoint, "resources" | "outputs" | "plan"> & { resourceCount: number };

/**
 * One durable step of an apply in progress, on top of version `base`. `intent` is written before a
 * cloud call that creates something, so a crash between the call and its `put` is detected and the
 * resource looked for by its tags instead of created twice. `cancel` withdraws an intent whose call the
 * cloud refused outright (nothing was created).
 */
export interface JournalEntry {
  base: number;
  at: string;
  op: "intent" | "cancel" | "put" | "delete";
  address: string;
  /** The resource recorded (`put`), or for an intent the resource as it is meant to be. */
  resource?: ResourceState;
}

/** The holder of an environment's write lock. */
export interface LockInfo {
  id: string;
  /** `alice@laptop pid 4242`. */
  holder: string;
  operation: string;
  since: string;
  /** The lease ends here unless renewed; an expired lock may be taken over. */
  expiresAt: string;
  /** Host and process, so a lock left by a killed process on this host is recognised at once. */
  host: string;
  pid: number;
}

export interface LockRequest {
  holder: string;
  operation: string;
  host: string;
  pid: number;
  /** How long the lease lasts before it must be renewed (default 120 s). */
  leaseMs?: number;
}

/**
 * Append-only: who did what, when, triggered by what, with what outcome. The engine writes one per
 * apply or destroy (`action` the command); the control plane one per workflow step (`action` the
 * workflow, with `runId` and `step`), so one trail holds both.
 */
export interface AuditRecord extends Actor {
  /** Unique; the control plane's are time-ordered (`<ISO time>#<random>`). */
  id: string;
  at: string;
  action: string;
  /** `<app>/<env>`, or the workflow for runs scoped to no environment (scans). */
  target: string;
  outcome: AuditOutcome;
  /** The workflow run (Step Functions execution name) the record belongs to. */
  runId?: string;
  /** The workflow state that wrote it (`Plan`, `RequestApproval`…). */
  step?: string;
  detail?: JsonObject;
}

export type AuditOutcome =
  | "started"
  | "succeeded"
  | "failed"
  | "refused"
  | "approved"
  | "rejected"
  | "timed-out"
  | "skipped";

/** Records other capabilities keep in the store: workflow runs, approval tokens. */
export interface StoredRecord {
  collection: string;
  id: string;
  data: JsonObject;
  /** ISO time after which the record is gone (DynamoDB TTL; filtered on read locally). */
  expiresAt?: string;
}

export interface PutRecordOptions {
  /** Fail with RecordExistsError instead of replacing an existing record. */
  ifAbsent?: boolean;
  expiresAt?: string;
}

/** What the runner keeps about one workflow run (a Step Functions execution). */
export interface RunRecord {
  runId: string;
  workflow: string;
  status: RunStatus;
  input: unknown;
  output?: unknown;
  error?: { name: string; cause: string };
  startedAt: string;
  updatedAt: string;
  /** Step history of the top-level states, in order (Map iterations are counted, not listed). */
  steps: StepRecord[];
  /** Set while the run waits at a `.waitForTaskToken` state. */
  waiting?: WaitingApproval;
}

export type RunStatus = "RUNNING" | "WAITING" | "SUCCEEDED" | "FAILED";

export interface StepRecord {
  state: string;
  status: "succeeded" | "failed" | "caught" | "waiting";
  startedAt: string;
  ms: number;
  retries?: number;
  error?: string;
  /** For Map states: iterations that ran. */
  iterations?: number;
}

export interface WaitingApproval {
  state: string;
  /** The state's raw input, to resume from it. */
  input: unknown;
  /** sha256 of the task token: the token itself goes only to the approver. */
  tokenSha256: string;
  since: string;
  expiresAt: string;
}

/**
 * Where runs are kept: `.plinth/runs/` embedded; the engine's DynamoDB store implements it in the cloud
 * (workflow runs and approval tokens with TTL; docs/control-plane.md).
 */
export interface RunStore {
  /** Stores a new run; false (and nothing written) when a run of that id exists: a redelivery. */
  create(run: RunRecord): Promise<boolean>;
  get(runId: string): Promise<RunRecord | undefined>;
  put(run: RunRecord): Promise<void>;
  list(): Promise<RunRecord[]>;
  /**
   * Takes the run's resume lease so only one `approve`/`reject` (or timeout) continues it; false when
   * another holds it. `release` gives it back.
   */
  claim(runId: string): Promise<boolean>;
  release(runId: string): Promise<void>;
}

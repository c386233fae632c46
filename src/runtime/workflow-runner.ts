import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { StateMachine } from "aws-local-stepfunctions";
import type { WorkflowStarter } from "../events/dispatch.ts";
import type { PlinthEvent } from "../events/envelope.ts";
import type { EventPublisher } from "../events/publisher.ts";
import {
  ApprovalRejectedError,
  ApprovalTokenMismatchError,
  InvalidWorkflowError,
  RunExistsError,
  RunNotFoundError,
  RunNotWaitingError,
} from "./errors.ts";
import type { RunRecord, RunStore, StepRecord, WaitingApproval } from "./run-store.ts";
import {
  type AslDefinition,
  loadWorkflow,
  type TaskBinding,
  type WorkflowDefinition,
} from "./workflow-definition.ts";

type Execution = ReturnType<StateMachine["run"]>;
type EventLog = Execution["eventLogs"] extends AsyncGenerator<infer E> ? E : never;
type LocalHandlers = NonNullable<
  NonNullable<Parameters<StateMachine["run"]>[1]>["overrides"]
>["taskResourceLocalHandlers"];

/** A task's work: a handler from functions/, called with the state's effective input. */
export type TaskHandler = (input: unknown) => Promise<unknown>;

export interface ApprovalDecision {
  approved: boolean;
  /** Who decided, for the audit trail. */
  principal: string;
  comment?: string;
  /** The task token; required when the decision arrives over HTTP, checked in constant time. */
  token?: string;
}

export interface WorkflowRunnerOptions {
  workflowsDir: string;
  /** Handlers by name: `${function:NAME}` in a Task's Resource runs `handlers[NAME]`. */
  handlers: Readonly<Record<string, TaskHandler>>;
  runs: RunStore;
  /** Where `events:putEvents` states publish (the local bus). */
  publisher?: EventPublisher;
  now?: () => Date;
  newToken?: () => string;
  /** Replaces every Retry pause (milliseconds); tests use 0. */
  retryIntervalMs?: number;
  /** Progress: called as each top-level state finishes. */
  onStep?: (run: RunRecord, step: StepRecord) => void;
  /**
   * Check each definition with asl-validator when it is first loaded (default). plinth's own workflows
   * are checked by its test suite, and the check costs ~200 ms of every CLI start: those skip it.
   */
  validate?: boolean;
}

interface Segment {
  /** Start here instead of StartAt (resuming after an approval). */
  startAt?: string;
  /** The resumed approval state's result, or the error it fails with. */
  decision?: () => unknown;
}

/**
 * The embedded Step Functions: runs workflows/*.asl.json with aws-local-stepfunctions, Task states
 * bound to handlers. A run that reaches an approval stops there and is stored WAITING; `resume` (from
 * `plinth approve`/`reject`, `plinth serve`, or a timeout) continues it from that state in a fresh
 * execution with the same context, so the CLI process that started it may exit meanwhile.
 */
export class WorkflowRunner implements WorkflowStarter {
  readonly #options: WorkflowRunnerOptions;
  readonly #workflows = new Map<string, { workflow: WorkflowDefinition; machine: StateMachine }>();

  constructor(options: WorkflowRunnerOptions) {
    this.#options = options;
  }

  /** Loads and checks a workflow: its definition, and a handler for every task. */
  workflow(name: string): WorkflowDefinition {
    return this.#load(name).workflow;
  }

  async start(
    workflow: string,
    input: PlinthEvent | unknown,
    runId: string,
  ): Promise<{ runId: string; started: boolean }> {
    const { workflow: definition, machine } = this.#load(workflow);
    const now = this.#now().toISOString();
    const run: RunRecord = {
      runId,
      workflow,
      status: "RUNNING",
      input,
      startedAt: now,
      updatedAt: now,
      steps: [],
    };
    if (!(await this.#options.runs.create(run))) return { runId, started: false };
    await this.#execute(definition, machine, run, input, {});
    return { runId, started: true };
  }

  /** Starts a run and returns its record once it finished or waits for an approval. */
  async run(workflow: string, input: unknown, runId: string): Promise<RunRecord> {
    const { started } = await this.start(workflow, input, runId);
    const run = await this.#options.runs.get(runId);
    if (!run) throw new RunNotFoundError(`Run ${runId} vanished from the run store.`);
    if (!started) throw new RunExistsError(`A run named ${runId} exists already; nothing was started.`);
    return run;
  }

  /** Continues a WAITING run with a person's decision. */
  async resume(runId: string, decision: ApprovalDecision): Promise<RunRecord> {
    return this.#continue(runId, (waiting) => {
      if (decision.token !== undefined && !sameHash(decision.token, waiting.tokenSha256))
        throw new ApprovalTokenMismatchError(`The approval token does not belong to run ${runId}.`);
      const at = this.#now().toISOString();
      if (decision.approved)
        return () => ({ approved: true, principal: decision.principal, comment: decision.comment ?? "", at });
      return () => {
        throw new ApprovalRejectedError(
          `Rejected by ${decision.principal}${decision.comment ? `: ${decision.comment}` : ""}.`,
        );
      };
    });
  }

  /** Fails every waiting approval past its timeout with States.Timeout, as Step Functions would. */
  async expireApprovals(): Promise<RunRecord[]> {
    const now = this.#now().toISOString();
    const expired = (await this.#options.runs.list()).filter(
      (r) => r.status === "WAITING" && r.waiting && r.waiting.expiresAt <= now,
    );
    const resumed: RunRecord[] = [];
    for (const run of expired) {
      resumed.push(
        await this.#continue(run.runId, () => () => {
          throw timeoutError();
        }).catch((error) => {
          if (error instanceof RunNotWaitingError) return run;
          throw error;
        }),
      );
    }
    return resumed;
  }

  async #continue(runId: string, decide: (waiting: WaitingApproval) => () => unknown): Promise<RunRecord> {
    const runs = this.#options.runs;
    const run = await runs.get(runId);
    if (!run)
      throw new RunNotFoundError(`No run ${runId}.`, { hint: "List runs with `plinth workflow list`." });
    if (!(await runs.claim(runId))) throw new RunNotWaitingError(`Run ${runId} is already being resumed.`);
    try {
      const current = (await runs.get(runId)) as RunRecord;
      if (current.status !== "WAITING" || !current.waiting)
        throw new RunNotWaitingError(
          `Run ${runId} is not waiting for an approval (it is ${current.status}).`,
        );
      const waiting = current.waiting;
      const expired = waiting.expiresAt <= this.#now().toISOString();
      const decision = expired
        ? () => {
            throw timeoutError();
          }
        : decide(waiting);
      const { workflow, machine } = this.#load(current.workflow);
      delete current.waiting;
      current.status = "RUNNING";
      await runs.put(current);
      await this.#execute(workflow, machine, current, waiting.input, { startAt: waiting.state, decision });
      return (await runs.get(runId)) as RunRecord;
    } finally {
      await runs.release(runId);
    }
  }

  async #execute(
    workflow: WorkflowDefinition,
    fullMachine: StateMachine,
    run: RunRecord,
    input: unknown,
    segment: Segment,
  ): Promise<void> {
    const token = (this.#options.newToken ?? (() => randomBytes(32).toString("base64url")))();
    const machine = segment.startAt
      ? new StateMachine({ ...workflow.definition, StartAt: segment.startAt } as never, {
          validationOptions: { noValidate: true },
        })
      : fullMachine;
    let waiting: WaitingApproval | undefined;
    const entered = new Inputs();
    const handlers: NonNullable<LocalHandlers> = {};
    let execution: Execution;
    for (const [state, binding] of workflow.tasks) {
      handlers[state] = (async (effective: unknown) => {
        if (binding.kind !== "approval") return this.#runTask(binding, effective);
        if (segment.startAt === state && segment.decision) return segment.decision();
        await this.#handler(binding.handler)((effective as { Payload?: unknown }).Payload ?? effective);
        const since = this.#now();
        waiting = {
          state,
          input: await entered.of(state),
          tokenSha256: sha256(token),
          since: since.toISOString(),
          expiresAt: new Date(since.getTime() + binding.timeoutSeconds * 1000).toISOString(),
        };
        // The library stops after this state completes: nothing after the approval runs now.
        execution.abort();
        return {};
      }) as (input: unknown) => Promise<never>;
    }
    const retryIntervalOverrides =
      this.#options.retryIntervalMs === undefined
        ? undefined
        : Object.fromEntries(
            [...workflow.tasks.keys(), ...mapStates(workflow.definition)].map((s) => [
              s,
              this.#options.retryIntervalMs as number,
            ]),
          );
    execution = machine.run(input as never, {
      overrides: {
        taskResourceLocalHandlers: handlers,
        ...(retryIntervalOverrides ? { retryIntervalOverrides } : {}),
      },
      context: {
        Execution: {
          Id: `local:${workflow.name}:${run.runId}`,
          Name: run.runId,
          Input: run.input as never,
          StartTime: run.startedAt,
        },
        StateMachine: { Id: `local:${workflow.name}`, Name: workflow.name },
        Task: { Token: token },
      },
      noThrowOnAbort: true,
    });
    const history = this.#record(run, execution.eventLogs, entered);
    let outcome: Pick<RunRecord, "status" | "output" | "error">;
    try {
      const output = await execution.result;
      outcome = waiting ? { status: "WAITING" } : { status: "SUCCEEDED", output };
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause as Error | undefined;
      outcome = {
        status: "FAILED",
        error: {
          name: cause?.name ?? (error as Error).name,
          cause: cause?.message ?? (error as Error).message,
        },
      };
    }
    await history;
    const finished: RunRecord = { ...run, ...outcome, updatedAt: this.#now().toISOString() };
    if (waiting) finished.waiting = waiting;
    await this.#options.runs.put(finished);
  }

  async #runTask(binding: TaskBinding, input: unknown): Promise<unknown> {
    if (binding.kind === "function") return this.#handler(binding.handler)(input);
    const publisher = this.#options.publisher;
    if (!publisher)
      throw new InvalidWorkflowError("This workflow publishes events, but the runner has no event bus.");
    const entries = (
      input as { Entries: Array<{ Source: string; DetailType: string; Detail: Record<string, unknown> }> }
    ).Entries;
    const ids = [];
    for (const entry of entries)
      ids.push(
        await publisher.publish({
          source: entry.Source,
          "detail-type": entry.DetailType,
          detail: entry.Detail,
        }),
      );
    return { Entries: ids.map((EventId) => ({ EventId })), FailedEntryCount: 0 };
  }

  #handler(name: string): TaskHandler {
    const handler = this.#options.handlers[name];
    if (!handler) throw new InvalidWorkflowError(`No handler \`${name}\` is registered with the runner.`);
    return handler;
  }

  /** Collects the top-level step history from the execution's event log. */
  async #record(run: RunRecord, events: AsyncGenerator<EventLog>, entered: Inputs): Promise<void> {
    const open = new Map<
      string,
      { startedAt: number; retries: number; iterations: number; error?: string }
    >();
    const close = (name: string, status: StepRecord["status"], at: number) => {
      const step = open.get(name);
      if (!step) return;
      open.delete(name);
      const record: StepRecord = {
        state: name,
        status,
        startedAt: new Date(step.startedAt).toISOString(),
        ms: at - step.startedAt,
        ...(step.retries ? { retries: step.retries } : {}),
        ...(step.iterations ? { iterations: step.iterations } : {}),
        ...(step.error && status !== "succeeded" ? { error: step.error } : {}),
      };
      run.steps.push(record);
      this.#options.onStep?.(run, record);
    };
    for await (const event of events) {
      if (event.type === "MapIterationStarted") {
        const step = open.get(event.parentState.name);
        if (step) step.iterations++;
      }
      // Events of states inside Map iterations and Parallel branches carry an index or a parent.
      if (!("state" in event) || ("index" in event && event.index !== undefined) || "parentState" in event)
        continue;
      const name = event.state.name;
      const step = open.get(name);
      if (event.type === "StateEntered") {
        open.set(name, { startedAt: event.timestamp, retries: 0, iterations: 0 });
        entered.set(name, event.state.input);
      } else if (event.type === "StateFailed" && step) step.error = String(event.Error);
      else if (event.type === "StateRetried" && step) step.retries++;
      else if (event.type === "StateCaught") close(name, "caught", event.timestamp);
      else if (event.type === "StateExited") close(name, "succeeded", event.timestamp);
    }
    const end = Date.now();
    for (const name of [...open.keys()]) close(name, open.get(name)?.error ? "failed" : "waiting", end);
  }

  #load(name: string) {
    let loaded = this.#workflows.get(name);
    if (!loaded) {
      const workflow = loadWorkflow(this.#options.workflowsDir, name);
      for (const binding of workflow.tasks.values())
        if (binding.kind !== "put-events") this.#handler(binding.handler);
      let machine: StateMachine;
      try {
        machine = new StateMachine(workflow.definition as never, {
          validationOptions: { noValidate: this.#options.validate === false },
        });
      } catch (error) {
        throw new InvalidWorkflowError(
          `${workflow.file} is not a valid state machine: ${(error as Error).message.split("\n").slice(0, 3).join(" ")}`,
        );
      }
      loaded = { workflow, machine };
      this.#workflows.set(name, loaded);
    }
    return loaded;
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }
}

/** Raw inputs of states as they are entered; an approval waits for its own to arrive. */
class Inputs {
  readonly #values = new Map<string, unknown>();
  readonly #waiters = new Map<string, (value: unknown) => void>();

  set(state: string, input: unknown): void {
    this.#values.set(state, input);
    this.#waiters.get(state)?.(input);
  }

  of(state: string): Promise<unknown> {
    if (this.#values.has(state)) return Promise.resolve(this.#values.get(state));
    return new Promise((resolve) => this.#waiters.set(state, resolve));
  }
}

function mapStates(definition: AslDefinition): string[] {
  return Object.entries(definition.States)
    .filter(([, s]) => s.Type === "Map" || s.Type === "Parallel")
    .map(([name]) => name);
}

function timeoutError(): Error {
  const error = new Error("The approval was not given before its timeout.");
  error.name = "States.Timeout";
  return error;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function sameHash(token: string, expectedSha256: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(token), "hex"), Buffer.from(expectedSha256, "hex"));
}

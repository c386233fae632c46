import { createHash, randomUUID } from "node:crypto";
import { PlinthError } from "../errors.ts";
import type { ResourceNode } from "../model/graph.ts";
import {
  decodeValue,
  encodeValue,
  type Json,
  type JsonObject,
  type Ref,
  referencesIn,
  type Value,
  type ValueObject,
} from "../model/value.ts";
import { canonicalJson } from "../state/stable-hash.ts";
import type { StateStore } from "../state/store.ts";
import type { Actor, Checkpoint, JournalEntry, ResourceState, StateKey } from "../state/types.ts";
import { loadWorkingState } from "../state/working-state.ts";
import type { EngineEvent } from "./engine-events.ts";
import { UnresolvedValueError } from "./errors.ts";
import { JournalWriter } from "./journal-writer.ts";
import { attributeOf, countChanges, redactedInputs } from "./plan.ts";
import { checkPlanIntegrity, checkPlanIsCurrent, nodesOfPlan } from "./plan-file.ts";
import type { Plan, PlannedChange } from "./plan-types.ts";
import { redact } from "./redact.ts";
import { describeRef, isKnown, resolveValue, type ValueSource, valueAt } from "./resolve-values.ts";
import type { HandlerRegistry, Observed, ResourceCall, ResourceHandler } from "./resource-handler.ts";
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from "./retry.ts";
import { type DagTask, runDag } from "./run-dag.ts";

export interface ApplyInput {
  plan: Plan;
  store: StateStore;
  handlers: HandlerRegistry;
  actor: Actor;
  /** Resources changed at once (default 10). */
  parallelism?: number;
  /** Values of the graph's inputs (`VarRef`s). */
  variables?: Readonly<Record<string, string>>;
  now?: () => Date;
  retry?: RetryPolicy;
  onEvent?: (event: EngineEvent) => void;
  /** The workflow run and step applying, recorded in the audit record. */
  run?: { runId: string; step: string };
}

export interface ResourceResult {
  address: string;
  type: string;
  action: Exclude<PlannedChange["action"], "no-op">;
  status: "done" | "failed" | "skipped";
  /** Found by its tags after an interrupted apply instead of created again. */
  adopted?: boolean;
  ms?: number;
  error?: { name: string; message: string; hint?: string };
}

export interface ApplyResult {
  outcome: "succeeded" | "failed" | "unchanged";
  /** The version written (the base version when nothing changed). */
  version: number;
  results: ResourceResult[];
  outputs: JsonObject;
  durationMs: number;
}

/**
 * Carries out a plan: walks the changes as a DAG (creates and updates after what they reference,
 * deletes before what they depended on), at most `parallelism` at a time, each finished resource
 * journaled durably as it completes. Retryable errors are retried with backoff and jitter. After a
 * failure nothing new starts, work in flight finishes, and a version recording what was done is still
 * written. The caller holds the environment's lock (see withLock).
 */
export async function applyPlan(input: ApplyInput): Promise<ApplyResult> {
  const { plan, store } = input;
  const now = input.now ?? (() => new Date());
  const started = performance.now();
  checkPlanIntegrity(plan);
  const key: StateKey = { app: plan.app, env: plan.env };
  const working = await loadWorkingState(store, key);
  checkPlanIsCurrent(plan, working);
  const run = new ApplyRun(input, key, working.resources, working.interrupted, now);
  await run.settle(plan.gone);
  const tasks = run.tasks();
  const outcome = await runDag(tasks, input.parallelism ?? 10);
  await run.flushed();
  if (outcome.failed.length === 0 && outcome.skipped.length > 0) {
    const [first] = outcome.skipped;
    outcome.failed.push({
      id: first as string,
      error: new PlinthError(
        `The changes wait on each other in a cycle (through ${first}); nothing more was applied.`,
      ),
    });
  }
  const results = run.results(outcome.failed, outcome.skipped);
  const failed = outcome.failed.length > 0;
  if (tasks.length === 0 && !working.recovered && plan.gone.length === 0) {
    return { outcome: "unchanged", version: working.version, results, outputs: run.outputs(), durationMs: 0 };
  }
  if (!results.some((r) => r.status === "done") && !working.recovered && plan.gone.length === 0) {
    // Nothing changed: no new version. The journal goes too, unless a call may have created something.
    if ((await loadWorkingState(store, key)).interrupted.size === 0)
      await store.clearJournal(key, working.version);
    await audit(input, key, "failed", now(), { version: working.version });
    return {
      outcome: "failed",
      version: working.version,
      results,
      outputs: {},
      durationMs: elapsed(started),
    };
  }
  const checkpoint: Checkpoint = {
    version: working.version + 1,
    createdAt: now().toISOString(),
    principal: input.actor.principal,
    trigger: input.actor.trigger,
    command: plan.command,
    outcome: failed ? "failed" : "succeeded",
    specHash: plan.specHash,
    resources: Object.fromEntries(run.resources),
    outputs: run.outputs(),
    plan: plan as unknown as Json,
    changes: countChanges(results.filter((r) => r.status === "done")),
  };
  // Intents this run did not resolve (it stopped early) must outlive the journal it folds into the
  // version: they are carried onto the new version first, where they take effect once it exists.
  const unresolved = (await loadWorkingState(store, key)).interrupted;
  await store.appendJournal(
    key,
    [...unresolved.values()].map((resource) => ({
      base: checkpoint.version,
      at: checkpoint.createdAt,
      op: "intent" as const,
      address: resource.address,
      resource,
    })),
  );
  await store.commitCheckpoint(key, checkpoint);
  await store.clearJournal(key, working.version);
  await audit(input, key, checkpoint.outcome, now(), {
    version: checkpoint.version,
    changes: { ...checkpoint.changes },
  });
  return {
    outcome: checkpoint.outcome,
    version: checkpoint.version,
    results,
    outputs: checkpoint.outputs,
    durationMs: elapsed(started),
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/** Every apply, whatever its outcome, leaves an audit record. */
function audit(
  input: ApplyInput,
  key: StateKey,
  outcome: "succeeded" | "failed",
  at: Date,
  detail: JsonObject,
): Promise<void> {
  const { plan, actor } = input;
  return input.store.appendAudit(key, {
    id: randomUUID(),
    at: at.toISOString(),
    principal: actor.principal,
    trigger: actor.trigger,
    action: plan.command,
    target: `${plan.app}/${plan.env}`,
    outcome,
    ...(input.run ? { runId: input.run.runId, step: input.run.step } : {}),
    detail: { ...detail, planHash: plan.hash },
  });
}

/** The mutable side of one apply: resources as they are now, and what each change did. */
class ApplyRun {
  readonly resources: Map<string, ResourceState>;
  readonly #input: ApplyInput;
  readonly #key: StateKey;
  readonly #interrupted: ReadonlyMap<string, ResourceState>;
  readonly #now: () => Date;
  readonly #journal: JournalWriter;
  readonly #nodes: Map<string, ResourceNode>;
  /** Resolved inputs of resources applied in this run, secrets in clear: memory only. */
  readonly #clear = new Map<string, ValueObject>();
  readonly #done = new Map<string, ResourceResult>();
  readonly #records: Array<Promise<void>> = [];
  #recordFailure: unknown;
  readonly #source: ValueSource;

  constructor(
    input: ApplyInput,
    key: StateKey,
    resources: ReadonlyMap<string, ResourceState>,
    interrupted: ReadonlyMap<string, ResourceState>,
    now: () => Date,
  ) {
    this.#input = input;
    this.#key = key;
    this.resources = new Map(resources);
    this.#interrupted = interrupted;
    this.#now = now;
    this.#journal = new JournalWriter(input.store, key);
    this.#nodes = new Map(nodesOfPlan(input.plan).map((n) => [n.address, n]));
    this.#source = {
      attribute: (ref) => this.#attribute(ref),
      variable: (name) => input.variables?.[name],
    };
  }

  /**
   * Records what the plan learnt by reading the cloud: resources gone from it leave the state, and an
   * interrupted change to a resource the plan read back (it exists, as state says) is resolved.
   */
  async settle(gone: ReadonlyArray<string>): Promise<void> {
    for (const address of gone)
      if (this.resources.delete(address)) await this.#journalWrite("delete", address);
    for (const address of this.#interrupted.keys())
      if (this.resources.has(address)) await this.#journalWrite("cancel", address);
  }

  tasks(): DagTask[] {
    const changes = this.#input.plan.changes.filter((c) => c.action !== "no-op");
    const actionOf = new Map(changes.map((c) => [c.address, c]));
    const tasks: DagTask[] = [];
    for (const change of changes) {
      const cbd = change.replaceOrder === "create-before-destroy";
      if (change.action !== "delete") {
        const after = this.#dependencies(change.address).map((d) => `apply:${d}`);
        if (change.action === "replace" && !cbd) after.push(`delete:${change.address}`);
        tasks.push({ id: `apply:${change.address}`, after, run: () => this.#apply(change) });
      }
      if (change.action === "delete" || change.action === "replace") {
        // Old resources go after everything that used them has moved away or gone.
        const after = cbd ? [`apply:${change.address}`] : [];
        for (const dependent of this.#oldDependents(change.address)) {
          const theirs = actionOf.get(dependent);
          if (!theirs) continue;
          after.push(`delete:${dependent}`);
          // A dependent that moves away from the old resource does so first, unless it moves to the
          // new one, which (destroy-before-create) exists only after the old one is gone.
          const movesToNew = !cbd && this.#dependencies(dependent).includes(change.address);
          if (!movesToNew && (theirs.action === "update" || theirs.replaceOrder === "create-before-destroy"))
            after.push(`apply:${dependent}`);
        }
        tasks.push({ id: `delete:${change.address}`, after, run: () => this.#delete(change) });
      }
    }
    return tasks;
  }

  results(failed: Array<{ id: string; error: unknown }>, skipped: string[]): ResourceResult[] {
    const changes = new Map(this.#input.plan.changes.map((c) => [c.address, c]));
    const results = new Map(this.#done);
    for (const { id, error } of failed) {
      const address = id.slice(id.indexOf(":") + 1);
      const change = changes.get(address) as PlannedChange;
      results.set(address, {
        ...(results.get(address) ?? resultOf(change)),
        status: "failed",
        error: errorJson(error),
      });
    }
    for (const id of skipped) {
      const address = id.slice(id.indexOf(":") + 1);
      const existing = results.get(address);
      if (!existing || existing.status === "done")
        results.set(address, { ...resultOf(changes.get(address) as PlannedChange), status: "skipped" });
    }
    return [...results.values()];
  }

  outputs(): JsonObject {
    const out: JsonObject = {};
    for (const output of this.#input.plan.outputs) {
      let value: Value;
      try {
        value = resolveValue(decodeValue(output.value), this.#source);
      } catch {
        continue;
      }
      if (!isKnown(value)) continue;
      out[output.name] = output.sensitive
        ? (redact({ v: encodeValue(value) }, [["v"]], `output.${output.name}`).v as Json)
        : encodeValue(value);
    }
    return out;
  }

  #dependencies(address: string): string[] {
    const node = this.#nodes.get(address);
    if (!node) return [];
    return [...new Set([...referencesIn(node.properties).map((r) => r.address), ...node.dependsOn])];
  }

  #oldDependents(address: string): string[] {
    const known = [...this.resources.values(), ...this.#interrupted.values()];
    return [...new Set(known.filter((r) => r.dependsOn.includes(address)).map((r) => r.address))];
  }

  #handler(type: string): ResourceHandler {
    return this.#input.handlers.get(type) as ResourceHandler;
  }

  #attribute(ref: Ref): Value | undefined {
    const state = this.resources.get(ref.address);
    if (!state) return undefined;
    const [attribute, ...rest] = ref.path;
    const clear = this.#clear.get(ref.address);
    if (
      typeof attribute === "string" &&
      !Object.hasOwn(state.outputs, attribute) &&
      clear &&
      Object.hasOwn(clear, attribute)
    )
      return valueAt(clear[attribute], rest);
    return attributeOf(state, ref);
  }

  #call(address: string, properties: ValueObject): ResourceCall {
    const { app, env } = this.#key;
    return {
      address,
      properties: properties as JsonObject,
      identity: { "plinth:app": app, "plinth:env": env, "plinth:address": address },
      token: createHash("sha256")
        .update(`${app}\n${env}\n${address}\n${this.#input.plan.baseVersion}`)
        .digest("hex")
        .slice(0, 32),
    };
  }

  async #apply(change: PlannedChange): Promise<void> {
    const node = this.#nodes.get(change.address) as ResourceNode;
    const handler = this.#handler(node.type);
    const properties = resolveValue(node.properties as ValueObject, this.#source) as ValueObject;
    if (!isKnown(properties)) {
      const pending = referencesIn(properties).map(describeRef);
      throw new UnresolvedValueError(
        `${change.address} cannot be applied: ${pending.length > 0 ? pending.join(", ") : "an input"} has no value.`,
        { hint: "Pass every input of the graph with --var NAME=VALUE." },
      );
    }
    const call = this.#call(change.address, properties);
    const existing = this.resources.get(change.address);
    const action = change.action === "update" ? "update" : change.action === "replace" ? "replace" : "create";
    await this.#timed(change, action, async () => {
      let observed: Observed | undefined;
      let adopted = false;
      if (action === "update" && existing && handler.update) {
        const update = handler.update.bind(handler);
        observed = await this.#retry(change.address, () =>
          update({
            ...call,
            id: existing.id,
            outputs: existing.outputs,
            // What the plan saw: refreshed from the cloud when it was read (drift), else the state.
            previous: decodeValue(change.before ?? existing.inputs) as JsonObject,
            changed: change.changes.map((c) => (c.name.startsWith("$$") ? c.name.slice(1) : c.name)),
          }),
        );
      } else {
        if (handler.external && handler.find && this.#interrupted.has(change.address)) {
          const find = handler.find.bind(handler);
          observed = await this.#retry(change.address, () => find(call));
          adopted = observed !== undefined;
          if (observed) observed = await this.#reconcile(handler, call, observed);
        }
        if (!observed) {
          if (handler.external)
            await this.#journalWrite("intent", change.address, {
              address: change.address,
              type: node.type,
              id: "",
              inputs: redactedInputs(properties, node.sensitive, handler, change.address),
              outputs: {},
              dependsOn: this.#dependencies(change.address),
            });
          try {
            observed = await this.#createOnce(handler, call);
          } catch (error) {
            // A definite refusal (denied, invalid) created nothing; anything else may have.
            if (handler.external && error instanceof PlinthError && !error.retryable)
              await this.#journalWrite("cancel", change.address);
            throw error;
          }
        }
      }
      const resource: ResourceState = {
        address: change.address,
        type: node.type,
        id: observed.id,
        inputs: redactedInputs(properties, node.sensitive, handler, change.address),
        outputs: redact(
          { ...observed.outputs, id: observed.id },
          (handler.sensitive ?? []).map((n) => [n]),
          change.address,
        ),
        dependsOn: this.#dependencies(change.address),
        ...(node.region ? { region: node.region } : {}),
      };
      this.resources.set(change.address, resource);
      this.#clear.set(change.address, properties);
      this.#record("put", change.address, resource);
      return adopted;
    });
  }

  /**
   * Creates a resource, retrying retryable errors; before each retry it looks for the resource first,
   * since a create that failed on the way back (a 5xx, a lost connection) may have created it.
   */
  async #createOnce(handler: ResourceHandler, call: ResourceCall): Promise<Observed> {
    let attempt = 0;
    return this.#retry(call.address, async () => {
      if (attempt++ > 0 && handler.find) {
        const found = await handler.find(call);
        if (found) return this.#reconcile(handler, call, found);
      }
      return handler.create(call);
    });
  }

  /**
   * An adopted resource may be half-configured (the crash came between its create call and the calls
   * that configure it): what differs from the properties live is updated.
   */
  async #reconcile(handler: ResourceHandler, call: ResourceCall, found: Observed): Promise<Observed> {
    const { update } = handler;
    if (!update) return found;
    const live = await this.#retry(call.address, () =>
      handler.read({ ...call, id: found.id, outputs: found.outputs }),
    );
    const liveProperties = live?.properties ?? {};
    const changed = Object.keys(liveProperties).filter(
      (name) => canonicalJson(liveProperties[name] ?? null) !== canonicalJson(call.properties[name] ?? null),
    );
    if (changed.length === 0) return found;
    return this.#retry(call.address, () =>
      update.call(handler, {
        ...call,
        id: found.id,
        outputs: found.outputs,
        previous: { ...call.properties, ...liveProperties },
        changed,
      }),
    );
  }

  async #delete(change: PlannedChange): Promise<void> {
    const state = this.resources.get(change.address);
    const intent = this.#interrupted.get(change.address);
    if (!state && !intent) return;
    const handler = this.#handler((state ?? intent)?.type as string);
    const action = change.action === "replace" ? "replace" : "delete";
    await this.#timed(change, action, async () => {
      let target: { id: string; outputs: JsonObject } | undefined = state;
      if (!target && intent && handler.find) {
        // Never recorded: an interrupted apply may or may not have created it.
        const find = handler.find.bind(handler);
        target = await this.#retry(change.address, () =>
          find(this.#call(change.address, decodeValue(intent.inputs) as ValueObject)),
        );
      }
      if (!target) {
        await this.#journalWrite("cancel", change.address);
        return false;
      }
      const call = {
        ...this.#call(change.address, decodeValue((state ?? intent)?.inputs ?? {}) as ValueObject),
        id: target.id,
        outputs: target.outputs,
      };
      // If the process dies between the delete and its record, the next plan reads this one again.
      if (handler.external && state) await this.#journalWrite("intent", change.address, state);
      await this.#retry(change.address, () => handler.delete(call));
      this.resources.delete(change.address);
      this.#record("delete", change.address);
      return false;
    });
  }

  async #timed(change: PlannedChange, action: ResourceResult["action"], work: () => Promise<boolean>) {
    const start = performance.now();
    const previous = this.#done.get(change.address);
    if (!previous) this.#input.onEvent?.({ type: "resource.started", address: change.address, action });
    try {
      const adopted = await work();
      const ms = Math.round(performance.now() - start) + (previous?.ms ?? 0);
      const result: ResourceResult = {
        ...resultOf(change),
        status: "done",
        ms,
        ...(adopted ? { adopted } : {}),
      };
      this.#done.set(change.address, result);
      // A replacement is two tasks; it is finished when its second half is.
      const halves = change.action === "replace" ? 2 : 1;
      if (!previous && halves === 2) return;
      this.#input.onEvent?.({ type: "resource.finished", address: change.address, action, ms, adopted });
    } catch (error) {
      const ms = Math.round(performance.now() - start);
      const e = error instanceof Error ? error : new Error(String(error));
      this.#input.onEvent?.({
        type: "resource.failed",
        address: change.address,
        action,
        ms,
        error: { name: e.name, message: e.message },
      });
      throw error;
    }
  }

  #retry<T>(address: string, fn: () => Promise<T>): Promise<T> {
    const policy = this.#input.retry ?? DEFAULT_RETRY;
    return withRetry(fn, {
      ...policy,
      onRetry: (attempt, delayMs, error) => {
        policy.onRetry?.(attempt, delayMs, error);
        this.#input.onEvent?.({
          type: "resource.retry",
          address,
          attempt,
          delayMs,
          error: { name: error.name, message: error.message },
        });
      },
    });
  }

  /**
   * Records a finished change without holding up what depends on it: the write joins the next group
   * commit. Safe because the intent before any cloud call was durable first: if the process dies before
   * this record is, the resource is found again by its tags. `flushed()` awaits every record.
   */
  #record(op: "put" | "delete", address: string, resource?: ResourceState): void {
    this.#records.push(
      this.#journalWrite(op, address, resource).catch((error: unknown) => {
        this.#recordFailure ??= error;
      }),
    );
  }

  /** Every record written; the first failure to write one, thrown. */
  async flushed(): Promise<void> {
    await Promise.all(this.#records);
    if (this.#recordFailure !== undefined) throw this.#recordFailure;
  }

  #journalWrite(op: JournalEntry["op"], address: string, resource?: ResourceState): Promise<void> {
    return this.#journal.write({
      base: this.#input.plan.baseVersion,
      at: this.#now().toISOString(),
      op,
      address,
      ...(resource ? { resource } : {}),
    });
  }
}

function errorJson(error: unknown): { name: string; message: string; hint?: string } {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e.name,
    message: e.message,
    ...(error instanceof PlinthError && error.hint ? { hint: error.hint } : {}),
  };
}

function resultOf(change: PlannedChange): ResourceResult {
  return {
    address: change.address,
    type: change.type,
    action: change.action as ResourceResult["action"],
    status: "skipped",
  };
}

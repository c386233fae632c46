import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { applyPlan } from "../../../src/engine/apply.ts";
import type { EngineEvent } from "../../../src/engine/engine-events.ts";
import { createPlan } from "../../../src/engine/plan.ts";
import { plinthNull } from "../../../src/engine/plinth-null.ts";
import type { ResourceHandler } from "../../../src/engine/resource-handler.ts";
import { verifyApply } from "../../../src/engine/verify.ts";
import { PlinthError } from "../../../src/errors.ts";
import { Ref, Template, VarRef } from "../../../src/model/value.ts";
import { StateStoreError } from "../../../src/state/errors.ts";
import type { StateStore } from "../../../src/state/store.ts";
import { loadWorkingState } from "../../../src/state/working-state.ts";
import { ACTOR, graphWith, nullNode, planAndApply, registry, tempStore } from "../../helpers/engine.ts";

const KEY = { app: "demo", env: "dev" };

/** `test_failing`: every create fails, not retryably. */
function failingHandler(message: string): ResourceHandler {
  return {
    type: "test_failing",
    forceNew: [],
    external: false,
    create: async () => {
      throw new PlinthError(message);
    },
    read: async () => undefined,
    delete: async () => {},
  };
}

/** A handler like plinth_null under another type name. */
function plinthNullLike(type: string): ResourceHandler {
  return { ...plinthNull, type };
}

class Throttled extends PlinthError {
  override name = "Throttled";
  override readonly retryable = true;
}

describe("plan and apply with plinth_null", () => {
  test("creates in dependency order, resolves references, and a second plan changes nothing", async () => {
    const { store } = tempStore();
    const graph = graphWith([
      nullNode("a", { greeting: "hello" }),
      nullNode("b", {
        after: new Ref("plinth_null.a", ["id"]),
        text: new Template(["x-", new Ref("plinth_null.a", ["greeting"])]),
      }),
    ]);
    const { plan, result } = await planAndApply(graph, store);
    assert.deepEqual(plan.summary, { create: 2, update: 0, replace: 0, delete: 0 });
    const b = plan.changes.find((c) => c.address === "plinth_null.b");
    assert.deepEqual(
      b?.changes.find((c) => c.name === "after")?.unknown,
      true,
      "b.after is known after apply",
    );
    assert.equal(result.outcome, "succeeded");
    assert.equal(result.version, 1);
    const state = await store.readCheckpoint(KEY);
    const a = state?.resources["plinth_null.a"];
    assert.match(a?.id ?? "", /^[0-9a-f]{16}$/);
    assert.equal(state?.resources["plinth_null.b"]?.inputs.after, a?.id);
    assert.equal(state?.resources["plinth_null.b"]?.inputs.text, "x-hello");
    assert.deepEqual(state?.resources["plinth_null.b"]?.dependsOn, ["plinth_null.a"]);

    const again = await planAndApply(graph, store);
    assert.deepEqual(again.plan.summary, { create: 0, update: 0, replace: 0, delete: 0 });
    assert.equal(again.result.outcome, "unchanged");
    assert.equal(await store.latestVersion(KEY), 1, "a no-op apply writes no version");
  });

  test("updates in place, replaces on a force-new property (dependents follow), deletes what left the graph", async () => {
    const { store } = tempStore();
    const a = (props: Record<string, string>) => nullNode("a", props);
    const b = nullNode("b", { after: new Ref("plinth_null.a", ["id"]) });
    await planAndApply(graphWith([a({ v: "1" }), b, nullNode("c", {})]), store);
    const firstId = (await store.readCheckpoint(KEY))?.resources["plinth_null.a"]?.id;

    const update = await planAndApply(graphWith([a({ v: "2" }), b, nullNode("c", {})]), store);
    assert.deepEqual(update.plan.summary, { create: 0, update: 1, replace: 0, delete: 0 });
    assert.deepEqual(update.plan.changes.find((c) => c.action === "update")?.changes, [
      { name: "v", before: "1", after: "2" },
    ]);

    const replace = await planAndApply(graphWith([a({ v: "2", triggers_replace: "x" }), b]), store);
    assert.deepEqual(replace.plan.summary, { create: 0, update: 1, replace: 1, delete: 1 });
    const change = replace.plan.changes.find((c) => c.address === "plinth_null.a");
    assert.equal(change?.changes.find((c) => c.name === "triggers_replace")?.forcesReplacement, true);
    const state = await store.readCheckpoint(KEY);
    const newId = state?.resources["plinth_null.a"]?.id;
    assert.notEqual(newId, firstId, "replacement gets a new id");
    assert.equal(state?.resources["plinth_null.b"]?.inputs.after, newId, "the dependent was updated");
    assert.equal(state?.resources["plinth_null.c"], undefined);
    assert.equal(state?.version, 3);
  });

  test("destroy deletes every resource, dependents first", async () => {
    const { store } = tempStore();
    const order: string[] = [];
    const recording: ResourceHandler = {
      type: "test_recorded",
      forceNew: [],
      external: false,
      create: async (call) => ({ id: call.address, outputs: {} }),
      read: async (call) => ({ id: call.id, outputs: {} }),
      delete: async (call) => {
        order.push(call.address);
      },
    };
    const node = (name: string, dep?: string) => ({
      ...nullNode(name, dep ? { on: new Ref(`test_recorded.${dep}`, ["id"]) } : {}),
      address: `test_recorded.${name}`,
      type: "test_recorded",
    });
    const graph = graphWith([node("root"), node("mid", "root"), node("leaf", "mid")]);
    await planAndApply(graph, store, registry(recording));
    const { plan, result } = await planAndApply(graph, store, registry(recording), { command: "destroy" });
    assert.equal(plan.summary.delete, 3);
    assert.equal(result.outcome, "succeeded");
    assert.deepEqual(order, ["test_recorded.leaf", "test_recorded.mid", "test_recorded.root"]);
    assert.deepEqual((await store.readCheckpoint(KEY))?.resources, {});
  });

  test("a plan made before the state moved on is refused and nothing is applied", async () => {
    const { store } = tempStore();
    const working = await loadWorkingState(store, KEY);
    const stale = await createPlan({ graph: graphWith([nullNode("a", {})]), working, handlers: registry() });
    await planAndApply(graphWith([nullNode("other", {})]), store);
    await assert.rejects(
      applyPlan({ plan: stale, store, handlers: registry(), actor: ACTOR }),
      (error: Error) => error.name === "StalePlanError" && /version 0 .*now version 1/.test(error.message),
    );
    assert.equal(await store.latestVersion(KEY), 1);
  });

  test("an edited plan is refused", async () => {
    const { store } = tempStore();
    const working = await loadWorkingState(store, KEY);
    const plan = await createPlan({ graph: graphWith([nullNode("a", {})]), working, handlers: registry() });
    const edited = { ...plan, nodes: [{ ...plan.nodes[0], properties: { injected: true } }] } as typeof plan;
    await assert.rejects(applyPlan({ plan: edited, store, handlers: registry(), actor: ACTOR }), {
      name: "InvalidPlanError",
    });
  });

  test("after a failure nothing new starts, in-flight work finishes, and the partial state is a version", async () => {
    const { store } = tempStore();
    const failing = failingHandler("quota exceeded");
    const graph = graphWith([
      nullNode("ok", {}),
      { ...nullNode("bad", {}), address: "test_failing.bad", type: "test_failing" },
      nullNode("after_bad", { on: new Ref("test_failing.bad", ["id"]) }),
    ]);
    const { result } = await planAndApply(graph, store, registry(failing), { parallelism: 1 });
    assert.equal(result.outcome, "failed");
    const status = Object.fromEntries(result.results.map((r) => [r.address, r.status]));
    assert.deepEqual(status, {
      "plinth_null.ok": "done",
      "test_failing.bad": "failed",
      "plinth_null.after_bad": "skipped",
    });
    assert.equal(result.results.find((r) => r.status === "failed")?.error?.message, "quota exceeded");
    const state = await store.readCheckpoint(KEY);
    assert.equal(state?.outcome, "failed");
    assert.deepEqual(Object.keys(state?.resources ?? {}), ["plinth_null.ok"]);
    assert.deepEqual(await store.readJournal(KEY), [], "the journal is folded into the version");
    const audit = await store.listAudit(KEY);
    assert.equal(audit.at(-1)?.outcome, "failed");
  });

  test("retryable errors are retried with events; others are not", async () => {
    const { store } = tempStore();
    let calls = 0;
    const flaky: ResourceHandler = {
      type: "test_flaky",
      forceNew: [],
      external: false,
      create: async (call) => {
        calls++;
        if (calls < 3) throw new Throttled("Rate exceeded");
        return { id: call.address, outputs: {} };
      },
      read: async () => undefined,
      delete: async () => {},
    };
    const events: EngineEvent[] = [];
    const working = await loadWorkingState(store, KEY);
    const handlers = registry(flaky);
    const plan = await createPlan({
      graph: graphWith([{ ...nullNode("f", {}), address: "test_flaky.f", type: "test_flaky" }]),
      working,
      handlers,
    });
    const result = await applyPlan({
      plan,
      store,
      handlers,
      actor: ACTOR,
      onEvent: (e) => events.push(e),
      retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {}, random: () => 0 },
    });
    assert.equal(result.outcome, "succeeded");
    assert.equal(calls, 3);
    assert.deepEqual(
      events.map((e) => e.type),
      ["resource.started", "resource.retry", "resource.retry", "resource.finished"],
    );
  });

  test("a create that failed after it went through is found, not repeated, when retried", async () => {
    const { store } = tempStore();
    const made: string[] = [];
    const lossy: ResourceHandler = {
      type: "test_lossy",
      forceNew: [],
      external: true,
      create: async (call) => {
        made.push(call.address);
        if (made.length === 1) throw new Throttled("the answer was lost");
        return { id: `second-${call.address}`, outputs: {} };
      },
      read: async (call) => ({ id: call.id, outputs: {} }),
      find: async (call) =>
        made.includes(call.address) ? { id: `first-${call.address}`, outputs: {} } : undefined,
      delete: async () => {},
    };
    const graph = graphWith([{ ...nullNode("x", {}), address: "test_lossy.x", type: "test_lossy" }]);
    const { result } = await planAndApply(graph, store, registry(lossy));
    assert.equal(result.outcome, "succeeded");
    assert.deepEqual(made, ["test_lossy.x"], "created once");
    assert.equal((await store.readCheckpoint(KEY))?.resources["test_lossy.x"]?.id, "first-test_lossy.x");
  });

  test("--refresh finds a resource deleted outside plinth: recreated on apply, dropped on destroy", async () => {
    const { store } = tempStore();
    const live = new Set<string>();
    const tracked: ResourceHandler = {
      type: "test_tracked",
      forceNew: [],
      external: false,
      create: async (call) => {
        live.add(call.address);
        return { id: `${call.address}-${live.size}`, outputs: {} };
      },
      read: async (call) => (live.has(call.address) ? { id: call.id, outputs: {} } : undefined),
      delete: async (call) => {
        live.delete(call.address);
      },
    };
    const graph = graphWith([{ ...nullNode("t", {}), address: "test_tracked.t", type: "test_tracked" }]);
    const handlers = registry(tracked);
    await planAndApply(graph, store, handlers);
    live.clear();
    const working = await loadWorkingState(store, KEY);
    const plan = await createPlan({ graph, working, handlers, refresh: true });
    assert.deepEqual(plan.gone, ["test_tracked.t"]);
    assert.equal(plan.changes[0]?.action, "create");
    assert.equal(plan.changes[0]?.reason, "it no longer exists in the cloud");
    await applyPlan({ plan, store, handlers, actor: ACTOR });
    assert.ok(live.has("test_tracked.t"));
    live.clear();
    const destroy = await createPlan({
      graph,
      working: await loadWorkingState(store, KEY),
      handlers,
      refresh: true,
      command: "destroy",
    });
    assert.equal(destroy.summary.delete, 0, "nothing to delete: it is gone");
    const result = await applyPlan({ plan: destroy, store, handlers, actor: ACTOR });
    assert.equal(result.outcome, "succeeded");
    assert.deepEqual((await store.readCheckpoint(KEY))?.resources, {}, "and it left the state");
  });

  test("an intent left unresolved by a run that stopped early survives that run's version", async () => {
    const { store } = tempStore();
    const failing = failingHandler("quota exceeded");
    await planAndApply(graphWith([nullNode("a", {})]), store);
    const half = {
      address: "test_external.half",
      type: "test_external",
      id: "",
      inputs: {},
      outputs: {},
      dependsOn: [],
    };
    await store.appendJournal(KEY, [
      { base: 1, at: "t", op: "intent", address: half.address, resource: half },
    ]);
    const graph = graphWith([
      nullNode("a", { v: 2 }),
      { ...nullNode("bad", {}), address: "test_failing.bad", type: "test_failing" },
      {
        ...nullNode("half", { on: new Ref("test_failing.bad", ["id"]) }),
        address: "test_external.half",
        type: "test_external",
      },
    ]);
    const external: ResourceHandler = { ...plinthNullLike("test_external"), external: true };
    const { result } = await planAndApply(graph, store, registry(failing, external), { parallelism: 1 });
    assert.equal(result.outcome, "failed");
    assert.equal(result.version, 2, "what finished is a version");
    const working = await loadWorkingState(store, KEY);
    assert.deepEqual([...working.interrupted.keys()], ["test_external.half"], "still looked for next time");
  });

  test("a type no handler implements is refused before anything is read or changed, at its source line", async () => {
    const { store } = tempStore();
    const node = {
      ...nullNode("cdn", {}),
      address: "aws_cloudfront_distribution.cdn",
      type: "aws_cloudfront_distribution",
      source: { file: "plinth.yaml", line: 12, col: 3 },
    };
    await assert.rejects(
      planAndApply(graphWith([node]), store),
      (error: Error & { location?: { line: number } }) => {
        assert.equal(error.name, "UnsupportedResourceTypeError");
        assert.match(error.message, /plinth cannot apply `aws_cloudfront_distribution` yet/);
        assert.equal(error.location?.line, 12);
        return true;
      },
    );
    assert.equal(await store.latestVersion(KEY), 0);
  });

  test("verify reads everything back after an apply: converged, or what still differs", async () => {
    const { store } = tempStore();
    const live = new Map<string, string>();
    const tracked: ResourceHandler = {
      type: "test_tracked",
      forceNew: [],
      external: false,
      create: async (call) => {
        live.set(call.address, String(call.properties.size));
        return { id: call.address, outputs: {} };
      },
      read: async (call) =>
        live.has(call.address)
          ? { id: call.id, outputs: {}, properties: { size: Number(live.get(call.address)) } }
          : undefined,
      update: async (call) => {
        live.set(call.address, String(call.properties.size));
        return { id: call.id, outputs: {} };
      },
      delete: async () => {},
    };
    const graph = graphWith([
      { ...nullNode("t", { size: 1 }), address: "test_tracked.t", type: "test_tracked" },
    ]);
    const { plan } = await planAndApply(graph, store, registry(tracked));
    assert.deepEqual(await verifyApply(plan, store, registry(tracked)), { converged: true, differences: [] });
    live.set("test_tracked.t", "5");
    const drifted = await verifyApply(plan, store, registry(tracked));
    assert.equal(drifted.converged, false);
    assert.deepEqual(
      drifted.differences.map((d) => [d.address, d.action, d.reason]),
      [["test_tracked.t", "update", "changed outside plinth"]],
    );
  });

  test("a record that cannot be written fails the apply, and no version claims what is not durable", async () => {
    const { store } = tempStore();
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(store)).filter(
      (m) => m !== "constructor",
    );
    const broken = Object.fromEntries(
      methods.map((m) => [
        m,
        (store as unknown as Record<string, (...a: unknown[]) => unknown>)[m]?.bind(store),
      ]),
    ) as unknown as StateStore;
    broken.appendJournal = async () => {
      throw new StateStoreError("No space left on the state volume.");
    };
    await assert.rejects(planAndApply(graphWith([nullNode("a", {})]), broken), {
      name: "StateStoreError",
      message: "No space left on the state volume.",
    });
    assert.equal(await store.latestVersion(KEY), 0);
  });

  test("sensitive inputs are never written in clear to the state, the journal or the plan", async () => {
    const { store, dir } = tempStore();
    const graph = graphWith([
      nullNode("s", { password: new VarRef("db_password") }, { sensitive: [["password"]] }),
    ]);
    const { plan } = await planAndApply(graph, store, registry(), {
      variables: { db_password: "hunter2-very-secret" },
    });
    assert.doesNotMatch(JSON.stringify(plan), /hunter2/);
    const files = readdirSync(join(dir, ".plinth"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
    assert.ok(files.length >= 3, files.join(", "));
    for (const file of files) assert.doesNotMatch(readFileSync(file, "utf8"), /hunter2/, file);
    const stored = (await store.readCheckpoint(KEY))?.resources["plinth_null.s"]?.inputs.password;
    assert.match(JSON.stringify(stored), /^\{"\$sensitive":"hmac-sha256:[0-9a-f]{32}"\}$/);
    const again = await planAndApply(graph, store, registry(), {
      variables: { db_password: "hunter2-very-secret" },
    });
    assert.equal(again.result.outcome, "unchanged", "an unchanged secret is seen as unchanged");
    const changed = await planAndApply(graph, store, registry(), { variables: { db_password: "rotated" } });
    assert.equal(changed.plan.changes[0]?.changes[0]?.sensitive, true);
    assert.equal(changed.result.results[0]?.action, "update");
  });

  test("a literal value at a secret path is refused before anything is planned", async () => {
    const { store } = tempStore();
    const graph = graphWith([nullNode("s", { password: "hunter2" }, { sensitive: [["password"]] })]);
    await assert.rejects(planAndApply(graph, store), (error: Error) => {
      assert.equal(error.name, "InputError");
      assert.match(error.message, /plinth_null\.s\.password is secret but has a literal value/);
      assert.doesNotMatch(error.message, /hunter2/);
      return true;
    });
  });

  test("a journal left by a crashed apply is replayed: what it finished is in the working state", async () => {
    const { store } = tempStore();
    await planAndApply(graphWith([nullNode("a", {})]), store);
    const resource = {
      address: "plinth_null.b",
      type: "plinth_null",
      id: "b1",
      inputs: {},
      outputs: { id: "b1" },
      dependsOn: [],
    };
    await store.appendJournal(KEY, [
      { base: 1, at: "2026-01-01T00:00:00Z", op: "put", address: "plinth_null.b", resource },
      { base: 1, at: "2026-01-01T00:00:00Z", op: "intent", address: "plinth_null.c" },
    ]);
    const working = await loadWorkingState(store, KEY);
    assert.deepEqual([...working.resources.keys()].sort(), ["plinth_null.a", "plinth_null.b"]);
    assert.deepEqual([...working.interrupted.keys()], ["plinth_null.c"]);
    const { plan, result } = await planAndApply(graphWith([nullNode("a", {}), nullNode("b", {})]), store);
    assert.deepEqual(plan.summary, { create: 0, update: 0, replace: 0, delete: 0 });
    assert.equal(result.version, 2, "the recovered journal is committed as a version");
  });
});

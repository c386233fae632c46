import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { StateStore } from "../../../src/state/store.ts";
import type { Checkpoint, JournalEntry, LockRequest } from "../../../src/state/types.ts";

export interface StoreFactoryOptions {
  now?: () => Date;
  host?: string;
  isAlive?: (pid: number) => boolean;
}

/** A fresh, empty store (its own directory or table) for each call. */
export type StoreFactory = (options?: StoreFactoryOptions) => Promise<StateStore>;

const KEY = { app: "shop", env: "dev" };

export function checkpoint(version: number, resources = 1, padding = 0): Checkpoint {
  return {
    version,
    createdAt: `2026-01-0${Math.min(version, 9)}T00:00:00.000Z`,
    principal: "alice@laptop",
    trigger: "cli",
    command: "apply",
    outcome: "succeeded",
    specHash: `sha256:${version}`,
    resources: Object.fromEntries(
      Array.from({ length: resources }, (_, i) => [
        `plinth_null.r${i}`,
        {
          address: `plinth_null.r${i}`,
          type: "plinth_null",
          id: `id-${version}-${i}`,
          inputs: { blob: "x".repeat(padding) },
          outputs: { id: `id-${version}-${i}` },
          dependsOn: [],
        },
      ]),
    ),
    outputs: {},
    plan: null,
    changes: { create: resources, update: 0, replace: 0, delete: 0 },
  };
}

const request = (holder: string, pid = process.pid, host = "this-host"): LockRequest => ({
  holder,
  operation: "apply",
  host,
  pid,
});

/**
 * Runs competing calls and settles them all. Concurrently where the backend under test serialises
 * conditional writes as the real one does; one after another on moto, whose server checks a DynamoDB
 * condition and writes without a lock, so racing requests can both pass (real DynamoDB evaluates each
 * conditional write atomically). Either way exactly one call must win.
 */
export type Race = <T>(calls: Array<() => Promise<T>>) => Promise<PromiseSettledResult<T>[]>;

export const concurrently: Race = (calls) => Promise.allSettled(calls.map((call) => call()));

export const oneAfterAnother: Race = async (calls) => {
  const results = [];
  for (const call of calls) results.push(...(await Promise.allSettled([call()])));
  return results;
};

/** The behaviour every StateStore must have; run against the local file store and DynamoDB on moto. */
export function storeContract(name: string, makeStore: StoreFactory, race: Race = concurrently): void {
  describe(`${name}: the state store contract`, () => {
    test("an empty store has no versions, journal, lock or audit records", async () => {
      const store = await makeStore();
      assert.equal(await store.latestVersion(KEY), 0);
      assert.equal(await store.readCheckpoint(KEY), undefined);
      assert.deepEqual(await store.listVersions(KEY), []);
      assert.deepEqual(await store.readJournal(KEY), []);
      assert.equal(await store.readLock(KEY), undefined);
      assert.deepEqual(await store.listAudit(KEY), []);
    });

    test("versions are numbered, written once, and listed as summaries", async () => {
      const store = await makeStore();
      await store.commitCheckpoint(KEY, checkpoint(1, 2));
      await store.commitCheckpoint(KEY, checkpoint(2, 3));
      assert.equal(await store.latestVersion(KEY), 2);
      assert.equal((await store.readCheckpoint(KEY))?.resources["plinth_null.r2"]?.id, "id-2-2");
      assert.equal((await store.readCheckpoint(KEY, 1))?.version, 1);
      const versions = await store.listVersions(KEY);
      assert.deepEqual(
        versions.map((v) => [v.version, v.resourceCount, v.principal]),
        [
          [1, 2, "alice@laptop"],
          [2, 3, "alice@laptop"],
        ],
      );
      assert.equal("resources" in (versions[0] ?? {}), false, "summaries leave resources out");
      await assert.rejects(store.commitCheckpoint(KEY, checkpoint(2)), { name: "VersionConflictError" });
      await assert.rejects(store.commitCheckpoint(KEY, checkpoint(4)), { name: "VersionConflictError" });
      assert.equal(
        (await store.readCheckpoint(KEY, 2))?.resources["plinth_null.r2"]?.id,
        "id-2-2",
        "v2 intact",
      );
      assert.equal(await store.latestVersion({ app: "shop", env: "prod" }), 0, "environments are separate");
    });

    test("two runs committing the same version: exactly one wins", async () => {
      const store = await makeStore();
      const results = await race([
        () => store.commitCheckpoint(KEY, checkpoint(1, 1)),
        () => store.commitCheckpoint(KEY, checkpoint(1, 2)),
        () => store.commitCheckpoint(KEY, checkpoint(1, 3)),
      ]);
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      assert.equal(await store.latestVersion(KEY), 1);
    });

    test("a checkpoint over 400 KB round-trips", async () => {
      const store = await makeStore();
      await store.commitCheckpoint(KEY, checkpoint(1, 60, 10_000));
      const read = await store.readCheckpoint(KEY);
      assert.equal(Object.keys(read?.resources ?? {}).length, 60);
      assert.equal(String(read?.resources["plinth_null.r59"]?.inputs.blob).length, 10_000);
      assert.equal((await store.listVersions(KEY))[0]?.resourceCount, 60);
    });

    test("the journal keeps batches in order and is cleared up to a version", async () => {
      const store = await makeStore();
      const entry = (base: number, address: string, op: JournalEntry["op"] = "put"): JournalEntry => ({
        base,
        at: "2026-01-01T00:00:00.000Z",
        op,
        address,
      });
      await store.appendJournal(KEY, [entry(0, "a", "intent"), entry(0, "a")]);
      await store.appendJournal(KEY, [entry(0, "b")]);
      await store.appendJournal(KEY, []);
      assert.deepEqual(
        (await store.readJournal(KEY)).map((e) => `${e.op}:${e.address}`),
        ["intent:a", "put:a", "put:b"],
      );
      await store.appendJournal(KEY, [entry(1, "c")]);
      await store.clearJournal(KEY, 0);
      assert.deepEqual(
        (await store.readJournal(KEY)).map((e) => e.address),
        ["c"],
      );
      await store.clearJournal(KEY, 1);
      assert.deepEqual(await store.readJournal(KEY), []);
    });

    test("the lock has one holder; others fail naming it and since when", async () => {
      const store = await makeStore();
      const lock = await store.acquireLock(KEY, request("alice@laptop (pid 1)"));
      await assert.rejects(
        store.acquireLock(KEY, request("bob@ci")),
        (error: Error & { lock?: { holder: string } }) => {
          assert.equal(error.name, "LockHeldError");
          assert.match(error.message, /locked by alice@laptop \(pid 1\) \(apply\) since \d{4}-\d\d-\d\dT/);
          return true;
        },
      );
      assert.equal((await store.readLock(KEY))?.id, lock.id);
      const renewed = await store.renewLock(KEY, lock);
      assert.ok(Date.parse(renewed.expiresAt) >= Date.parse(lock.expiresAt));
      await store.releaseLock(KEY, renewed);
      assert.equal(await store.readLock(KEY), undefined);
      const next = await store.acquireLock(KEY, request("bob@ci"));
      assert.equal(next.holder, "bob@ci");
    });

    test("ten runs racing for the lock: exactly one gets it", async () => {
      const store = await makeStore();
      const results = await race(
        Array.from({ length: 10 }, (_, i) => () => store.acquireLock(KEY, request(`run-${i}`))),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      assert.equal(won.length, 1);
      for (const r of results)
        if (r.status === "rejected") assert.equal((r.reason as Error).name, "LockHeldError");
    });

    test("a lock left by a dead process on this host, or with an expired lease, is taken over", async () => {
      let now = new Date("2026-01-01T00:00:00Z");
      const store = await makeStore({ now: () => now, host: "this-host", isAlive: (pid) => pid !== 999_999 });
      await store.acquireLock(KEY, request("killed apply", 999_999));
      const taken = await store.acquireLock(KEY, request("next apply"));
      assert.equal((await store.readLock(KEY))?.id, taken.id);
      await assert.rejects(store.acquireLock(KEY, request("third", 1234, "other-host")), {
        name: "LockHeldError",
      });
      now = new Date(now.getTime() + 10 * 60_000);
      const afterLease = await store.acquireLock(KEY, request("after the lease", 1234, "other-host"));
      assert.equal((await store.readLock(KEY))?.holder, afterLease.holder);
      await assert.rejects(store.renewLock(KEY, taken), { name: "LockHeldError" });
    });

    test("audit records are append-only: a record id is never rewritten", async () => {
      const store = await makeStore();
      const record = (id: string, at: string) => ({
        id,
        at,
        principal: "alice@laptop",
        trigger: "cli",
        action: "apply",
        target: "shop/dev",
        outcome: "succeeded" as const,
      });
      await store.appendAudit(KEY, record("b", "2026-01-02T00:00:00.000Z"));
      await store.appendAudit(KEY, record("a", "2026-01-01T00:00:00.000Z"));
      await assert.rejects(
        store.appendAudit(KEY, { ...record("a", "2026-01-03T00:00:00.000Z"), outcome: "failed" }),
        {
          name: "RecordExistsError",
        },
      );
      const audit = await store.listAudit(KEY);
      assert.deepEqual(
        audit.map((r) => [r.id, r.outcome]),
        [
          ["a", "succeeded"],
          ["b", "succeeded"],
        ],
      );
    });

    test("records: put, get, list, delete, put-if-absent and expiry (workflow runs, approval tokens)", async () => {
      let now = new Date("2026-01-01T00:00:00Z");
      const store = await makeStore({ now: () => now });
      await store.putRecord({ collection: "workflow-runs", id: "deploy/evt-1", data: { status: "running" } });
      await store.putRecord({ collection: "workflow-runs", id: "deploy/evt-1", data: { status: "done" } });
      assert.deepEqual((await store.getRecord("workflow-runs", "deploy/evt-1"))?.data, { status: "done" });
      await assert.rejects(
        store.putRecord({ collection: "workflow-runs", id: "deploy/evt-1", data: {} }, { ifAbsent: true }),
        { name: "RecordExistsError" },
      );
      await store.putRecord(
        { collection: "approvals", id: "token-1", data: { run: "r1" } },
        { ifAbsent: true, expiresAt: "2026-01-01T01:00:00.000Z" },
      );
      assert.equal((await store.listRecords("approvals")).length, 1);
      now = new Date("2026-01-01T02:00:00Z");
      assert.equal(await store.getRecord("approvals", "token-1"), undefined, "expired");
      assert.deepEqual(await store.listRecords("approvals"), []);
      await store.putRecord(
        { collection: "approvals", id: "token-1", data: { run: "r2" } },
        { ifAbsent: true },
      );
      assert.deepEqual((await store.getRecord("approvals", "token-1"))?.data, { run: "r2" });
      await store.deleteRecord("workflow-runs", "deploy/evt-1");
      assert.equal(await store.getRecord("workflow-runs", "deploy/evt-1"), undefined);
      await store.deleteRecord("workflow-runs", "never-existed");
    });

    test("names that could escape the store are refused with one sentence", async () => {
      const store = await makeStore();
      for (const app of ["../etc", "a/b", "", "x\u0000y"]) {
        await assert.rejects(store.latestVersion({ app, env: "dev" }), (error: Error) => {
          assert.equal(error.name, "InputError");
          assert.match(error.message, /cannot name state/);
          return true;
        });
      }
      await assert.rejects(store.listRecords("../records"), { name: "InputError" });
    });
  });
}

import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { checkpoint, storeContract } from "./store-contract.ts";

const KEY = { app: "shop", env: "dev" };
const tempRoot = () => join(mkdtempSync(join(tmpdir(), "plinth-store-")), ".plinth");

storeContract("local file store", async (options = {}) => new LocalFileStore(tempRoot(), options));

test("local file store: a journal line torn by a crash mid-append is ignored, earlier lines kept", async () => {
  const root = tempRoot();
  const store = new LocalFileStore(root);
  await store.appendJournal(KEY, [{ base: 0, at: "t", op: "put", address: "a" }]);
  appendFileSync(join(root, "state/shop/dev/journal.jsonl"), '{"base":0,"at":"t","op":"pu');
  assert.deepEqual(
    (await store.readJournal(KEY)).map((e) => e.address),
    ["a"],
  );
});

test("local file store: a corrupted version file is reported with its path, never guessed at", async () => {
  const root = tempRoot();
  const store = new LocalFileStore(root);
  await store.commitCheckpoint(KEY, checkpoint(1));
  writeFileSync(join(root, "state/shop/dev/versions/00000001.json"), "{not json");
  await assert.rejects(store.readCheckpoint(KEY), (error: Error) => {
    assert.equal(error.name, "StateCorruptError");
    assert.match(error.message, /00000001\.json is not valid plinth state; it was not changed\./);
    return true;
  });
});

test("local file store: writes leave no temporary files and state files are private (0600)", async () => {
  const root = tempRoot();
  const store = new LocalFileStore(root);
  await store.commitCheckpoint(KEY, checkpoint(1));
  await store.appendAudit(KEY, {
    id: "1",
    at: "t",
    principal: "p",
    trigger: "cli",
    action: "apply",
    target: "shop/dev",
    outcome: "succeeded",
  });
  const dir = join(root, "state/shop/dev/versions");
  assert.deepEqual(readdirSync(dir).sort(), ["00000001.json", "index.jsonl"]);
  const { statSync } = await import("node:fs");
  assert.equal(statSync(join(dir, "00000001.json")).mode & 0o777, 0o600);
  assert.equal(JSON.parse(readFileSync(join(dir, "00000001.json"), "utf8")).version, 1);
});

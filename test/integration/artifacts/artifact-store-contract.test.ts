import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  ArtifactIntegrityError,
  ArtifactNotFoundError,
  type ArtifactStore,
  InvalidArtifactKeyError,
} from "../../../src/artifacts/artifact-store.ts";
import { LocalArtifactStore } from "../../../src/artifacts/local-artifact-store.ts";
import { offloadIfLarge, resolveReference } from "../../../src/artifacts/offload.ts";
import { S3ArtifactStore } from "../../../src/artifacts/s3-artifact-store.ts";
import { freshMoto, uniqueBucket } from "../../helpers/aws.ts";

interface Subject {
  store: ArtifactStore;
  /** Overwrites a stored artifact behind the store's back. */
  tamper: (key: string, body: string) => Promise<void>;
}

const subjects: Record<string, () => Promise<Subject>> = {
  "local directory": async () => {
    const root = mkdtempSync(join(tmpdir(), "plinth-artifacts-"));
    return {
      store: new LocalArtifactStore(root),
      tamper: async (key, body) => writeFileSync(join(root, key), body),
    };
  },
  "S3 (moto)": async () => {
    const config = await freshMoto();
    const client = new S3Client(config);
    const bucket = uniqueBucket("plinth-artifacts");
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    return {
      store: new S3ArtifactStore({ client, bucket, prefix: "a/" }),
      tamper: async (key, body) => {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: `a/${key}`, Body: body }));
      },
    };
  },
};

for (const [name, make] of Object.entries(subjects)) {
  describe(`artifact store contract: ${name}`, () => {
    test("stores and reads back bytes, with their size and sha256", async () => {
      const { store } = await make();
      const ref = await store.put("runs/deploy-1/plan.json", '{"actions":[]}');
      assert.deepEqual(ref, {
        key: "runs/deploy-1/plan.json",
        bytes: 14,
        sha256: createHash("sha256").update('{"actions":[]}').digest("hex"),
      });
      assert.equal(new TextDecoder().decode(await store.get(ref.key, ref)), '{"actions":[]}');
    });

    test("a second put of a key replaces it", async () => {
      const { store } = await make();
      await store.put("k", "one");
      await store.put("k", "two");
      assert.equal(new TextDecoder().decode(await store.get("k")), "two");
    });

    test("a missing key is ArtifactNotFoundError", async () => {
      const { store } = await make();
      await assert.rejects(store.get("nope/never.json"), ArtifactNotFoundError);
    });

    test("bytes changed after the put fail the hash check", async () => {
      const { store, tamper } = await make();
      const ref = await store.put("plan.json", "original");
      await tamper("plan.json", "changed!");
      await assert.rejects(store.get("plan.json", ref), ArtifactIntegrityError);
    });

    for (const key of [
      "../escape",
      "a/../../etc/passwd",
      "/abs",
      "a//b",
      "a/./b",
      "",
      "sp ace",
      "new\nline",
      "a\\b",
    ]) {
      test(`refuses the unsafe key ${JSON.stringify(key)} for put and get`, async () => {
        const { store } = await make();
        await assert.rejects(store.put(key, "x"), InvalidArtifactKeyError);
        await assert.rejects(store.get(key), InvalidArtifactKeyError);
      });
    }

    test("large payloads are offloaded by content hash and resolved back; small ones stay inline", async () => {
      const { store } = await make();
      const small = { a: 1 };
      assert.deepEqual(await offloadIfLarge(small, store, "payloads"), small);
      const large = { items: Array.from({ length: 30_000 }, (_, i) => `item-${i}`) };
      const reference = await offloadIfLarge(large, store, "payloads");
      assert.ok("$artifact" in (reference as object));
      assert.deepEqual(await resolveReference(reference, store), large);
      assert.deepEqual(await offloadIfLarge(large, store, "payloads"), reference, "same payload, same key");
    });
  });
}

test("the local store never writes outside its root, whatever the key", async () => {
  const parent = mkdtempSync(join(tmpdir(), "plinth-artifacts-parent-"));
  const store = new LocalArtifactStore(join(parent, "root"));
  for (const key of ["../x", "..", "a/../../x", "./x"]) await store.put(key, "x").catch(() => undefined);
  await store.put("ok/x", "x");
  assert.deepEqual(readdirSync(parent), ["root"]);
  assert.deepEqual(readdirSync(join(parent, "root")), ["ok"]);
});

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ListQueuesCommand } from "@aws-sdk/client-sqs";
import { auditOfRun } from "../../../src/control/audit-trail.ts";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { motoClients, motoEnv } from "../../helpers/aws.ts";
import { runCli } from "../../helpers/cli.ts";
import { DEPLOYED } from "../../helpers/control-plane.ts";
import { startFaultProxy } from "../../helpers/fault-proxy.ts";
import { motoAccount, motoEndpoint } from "../../helpers/moto.ts";

const spec = (queues: string[]) => `apiVersion: plinth/v1
app: rollme
cloud: aws
region: us-east-1
components:
${queues.map((q) => `  ${q}: { type: queue }`).join("\n")}
`;

// A provider error injected into one call: SQS refuses to create the queue `second` (AccessDenied,
// through a proxy in front of moto). The deploy ends in its failure path: a clear record, DeployFailed,
// and, when the request asks for it, a rollback to the version the apply started from.
test("a failing apply ends in the failure path with a clear record and DeployFailed, rolled back when requested", async () => {
  const moto = await motoEndpoint();
  const account = await motoAccount(moto);
  const proxy = await startFaultProxy(moto, {
    deny: (call) => call.target === "AmazonSQS.CreateQueue" && call.body.includes("rollme-default-second"),
  });
  try {
    const cwd = mkdtempSync(join(tmpdir(), "plinth-deploy-fail-"));
    const env = motoEnv(proxy.endpoint, account);
    const sqs = (await motoClients({ endpoint: moto, credentials: account.credentials })).sqs();
    const queues = async () =>
      ((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).map((u) => u.split("/").at(-1)).sort();
    const store = new LocalFileStore(join(cwd, ".plinth"));
    const key = { app: "rollme", env: "default" };
    const failures = () =>
      readFileSync(join(cwd, ".plinth", "events.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
        .filter((e) => e["detail-type"] === "DeployFailed");

    writeFileSync(join(cwd, "plinth.yaml"), spec(["first"]));
    assert.equal((await runCli(["apply", "--auto-approve"], { cwd, env })).code, 0);

    writeFileSync(join(cwd, "plinth.yaml"), spec(["first", "second", "third"]));
    const rolledBack = await runCli(["apply", "--auto-approve", "--rollback-on-failure"], { cwd, env });
    assert.equal(rolledBack.code, 1);
    assert.match(
      rolledBack.stderr,
      /^error: Apply stopped: aws_sqs_queue\.second failed: The AWS identity plinth runs as may not call SQS CreateQueue: .*\(AccessDeniedException, request id fault-proxy-deny\); 1 finished and is recorded in state version 2\./m,
    );
    assert.match(rolledBack.stderr, /^Rolled back to the checkpoint as requested: state version 3\.$/m);
    assert.deepEqual(await queues(), ["rollme-default-first"], "what the failed apply created is gone");
    const [first] = failures();
    assert.equal(first?.detail.step, "Apply");
    assert.equal(first?.detail.error.name, "ApplyFailedError");
    assert.equal(first?.detail.rolledBack, true);
    const record = (await auditOfRun(store, key, first?.detail.runId)).filter((r) => r.detail?.error).at(-1);
    assert.deepEqual(record?.detail?.rollback, { version: 3 });
    assert.deepEqual(
      (await auditOfRun(store, key, first?.detail.runId)).map((r) => `${r.step} ${r.outcome}`),
      [...DEPLOYED.slice(0, 6), "Apply failed", "RollBack succeeded", "Apply failed"],
    );
    assert.deepEqual(
      (await store.listVersions(key)).map((v) => `${v.version} ${v.outcome} ${v.resourceCount}`),
      ["1 succeeded 1", "2 failed 2", "3 succeeded 1"],
    );

    const kept = await runCli(["apply", "--auto-approve"], { cwd, env });
    assert.equal(kept.code, 1);
    assert.deepEqual(await queues(), ["rollme-default-first", "rollme-default-third"], "no rollback asked");
    const second = failures()[1];
    assert.equal(second?.detail.step, "Apply");
    assert.equal(second?.detail.rolledBack, undefined);
    assert.ok(proxy.stats.denied >= 2);
  } finally {
    await proxy.close();
  }
});

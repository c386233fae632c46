import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { DeleteObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { ListQueuesCommand } from "@aws-sdk/client-sqs";
import { auditOfRun } from "../../../src/control/audit-trail.ts";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { motoClients, motoEnv } from "../../helpers/aws.ts";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";
import { DEPLOYED } from "../../helpers/control-plane.ts";
import { motoAccount, startMoto } from "../../helpers/moto.ts";

const shop = fileURLToPath(new URL("../../../examples/shop/plinth.yaml", import.meta.url));

// examples/shop end to end on moto, through the CLI and so through the deploy and destroy workflows
// embedded: every type the shop lowers to is created, read back (the Verify step, and a refreshed plan,
// find nothing to change), every step leaves its audit record, and everything is destroyed (a bucket
// holding data only once emptied). Its own moto: the shop's bucket name is global, and other tests
// may deploy the shop too.
test("examples/shop: plinth apply runs the deploy workflow end to end (every step audited), destroy its own", async () => {
  const endpoint = await startMoto();
  const account = await motoAccount(endpoint);
  const cwd = mkdtempSync(join(tmpdir(), "plinth-shop-"));
  cpSync(shop, join(cwd, "plinth.yaml"));
  const env = motoEnv(endpoint, account);

  const apply = await runCli(["apply", "-f", "plinth.yaml", "--env", "dev", "--auto-approve", "--json"], {
    cwd,
    env,
  });
  assert.equal(apply.code, 0, apply.stderr);
  const result = JSON.parse(apply.stdout);
  const store = new LocalFileStore(join(cwd, ".plinth"));
  const key = { app: "shop", env: "dev" };
  const deployed = await auditOfRun(store, key, result.runId);
  assert.deepEqual(
    deployed.map((r) => `${r.step} ${r.outcome}`),
    DEPLOYED,
  );
  assert.equal(new Set(deployed.map((r) => r.principal)).size, 1, "every record names the requester");
  const events = () =>
    readFileSync(join(cwd, ".plinth", "events.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { "detail-type": string; detail: Record<string, unknown> });
  assert.deepEqual(events().find((e) => e["detail-type"] === "DeploySucceeded")?.detail, {
    app: "shop",
    env: "dev",
    runId: result.runId,
    version: 1,
  });
  // The cost of what is applied, compared with the spec: the same, resource by resource.
  const cost = await runCli(["cost", "--env", "dev", "--compare-to", "applied", "--json"], { cwd, env });
  assert.equal(cost.code, 0, cost.stderr);
  const { diff, totalMonthlyCost } = JSON.parse(cost.stdout);
  assert.ok(totalMonthlyCost > 0);
  assert.deepEqual([diff.previousTotalMonthlyCost, diff.delta], [totalMonthlyCost, 0]);
  assertMatchesCliSchema("apply.schema.json", result);
  assert.equal(result.outcome, "succeeded");
  assert.ok(result.results.length >= 38, `${result.results.length} resources`);
  assert.ok(result.results.every((r: { status: string }) => r.status === "done"));
  assert.match(result.outputs.dbEndpoint, /^shop-dev-db\..*:5432$/);
  assert.equal(result.outputs.assetsBucket, "shop-dev-assets");

  const refresh = await runCli(["plan", "--env", "dev", "--refresh", "--detailed-exitcode"], { cwd, env });
  assert.equal(refresh.code, 0, refresh.stdout);

  const clients = await motoClients({ endpoint, credentials: account.credentials });
  const sqs = clients.sqs();
  assert.equal((await sqs.send(new ListQueuesCommand({}))).QueueUrls?.length, 2);
  // The access-log bucket holds logs by now (moto delivers them): data is never deleted unasked.
  const refused = await runCli(["destroy", "--env", "dev", "--auto-approve"], { cwd, env });
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    /^error: Destroy stopped: aws_s3_bucket\._access_logs failed: Bucket shop-dev-access-logs-\w+ still holds objects, so it was not deleted; \d+ finished .*Empty it first/,
  );
  const state = JSON.parse(readFileSync(join(cwd, ".plinth/state/shop/dev/versions/00000002.json"), "utf8"));
  const logs = state.resources["aws_s3_bucket._access_logs"].id as string;
  const { Contents } = await clients.s3().send(new ListObjectsV2Command({ Bucket: logs }));
  for (const object of Contents ?? [])
    await clients.s3().send(new DeleteObjectCommand({ Bucket: logs, Key: object.Key }));

  const destroy = await runCli(["destroy", "--env", "dev", "--auto-approve"], { cwd, env });
  assert.equal(destroy.code, 0, destroy.stderr);
  assert.match(destroy.stdout, /Destroy complete!/);
  const destroyed = events().filter((e) => e["detail-type"].startsWith("Destroy"));
  assert.deepEqual(
    destroyed.map((e) => [e["detail-type"], e.detail.step ?? e.detail.deleted]),
    [
      ["DestroyRequested", undefined],
      ["DestroyFailed", "Destroy"],
      ["DestroyRequested", undefined],
      ["DestroySucceeded", Object.keys(state.resources).length],
    ],
  );
  const lastRun = destroyed.at(-1)?.detail.runId as string;
  assert.deepEqual(
    (await auditOfRun(store, key, lastRun)).map((r) => `${r.step} ${r.outcome}`),
    ["Destroy started", "Plan succeeded", "Checkpoint succeeded", "Destroy succeeded", "Destroy succeeded"],
  );
  assert.equal((await sqs.send(new ListQueuesCommand({}))).QueueUrls?.length ?? 0, 0);
  const history = JSON.parse((await runCli(["history", "--env", "dev", "--json"], { cwd, env })).stdout);
  assert.deepEqual(
    history.versions.map((v: { command: string; outcome: string }) => `${v.command} ${v.outcome}`),
    ["apply succeeded", "destroy failed", "destroy succeeded"],
  );
  assert.equal(history.versions[2].resourceCount, 0);
});

// An environment's roleArn is assumed through STS before anything is created (moto answers
// AssumeRole with credentials of the role's account, so the queue lands in that account).
test("an environment's roleArn is assumed: resources land in the role's account", async () => {
  const endpoint = await startMoto();
  const cwd = mkdtempSync(join(tmpdir(), "plinth-role-"));
  writeFileSync(
    join(cwd, "plinth.yaml"),
    `apiVersion: plinth/v1
app: roles
cloud: aws
region: us-east-1
environments:
  prod:
    roleArn: arn:aws:iam::111122223333:role/deploy
components:
  jobs: { type: queue }
`,
  );
  const env = { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing" };
  const apply = await runCli(["apply", "--env", "prod", "--auto-approve", "--json"], { cwd, env });
  assert.equal(apply.code, 0, apply.stderr);
  const state = JSON.parse(
    readFileSync(join(cwd, ".plinth/state/roles/prod/versions/00000001.json"), "utf8"),
  );
  assert.match(state.resources["aws_sqs_queue.jobs"].id, /\/111122223333\/roles-prod-jobs$/);
});

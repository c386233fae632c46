import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { DeleteObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { ListQueuesCommand } from "@aws-sdk/client-sqs";
import { motoClients, motoEnv } from "../../helpers/aws.ts";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";
import { motoAccount, startMoto } from "../../helpers/moto.ts";

const shop = fileURLToPath(new URL("../../../examples/shop/plinth.yaml", import.meta.url));

// examples/shop end to end on moto, through the CLI: every type the shop lowers to is created, read
// back (a refreshed plan finds nothing to change), and destroyed (a bucket holding data only once
// emptied). Its own moto: the shop's bucket
// name is global, and other tests may deploy the shop too.
test("examples/shop: apply, refresh finds no drift, destroy leaves nothing", async () => {
  const endpoint = await startMoto();
  const account = await motoAccount(endpoint);
  const cwd = mkdtempSync(join(tmpdir(), "plinth-shop-"));
  cpSync(shop, join(cwd, "plinth.yaml"));
  const env = motoEnv(endpoint, account);

  const apply = await runCli(["apply", "--env", "dev", "--auto-approve", "--json"], { cwd, env });
  assert.equal(apply.code, 0, apply.stderr);
  const result = JSON.parse(apply.stdout);
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

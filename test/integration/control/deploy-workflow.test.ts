import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { estimateSpecEnvironment } from "../../../src/cost/spec-estimate.ts";
import { handlersFor } from "../../../src/engine/handler-registry.ts";
import { plinthNull } from "../../../src/engine/plinth-null.ts";
import type { ExistingCall } from "../../../src/engine/resource-handler.ts";
import { buildGraph } from "../../../src/model/build-graph.ts";
import { AwsClients } from "../../../src/providers/aws/aws-clients.ts";
import { readSpecFile } from "../../../src/spec/load-spec.ts";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";
import { auditOf, DEPLOYED, workspace, writeSpec } from "../../helpers/control-plane.ts";
import { commitPlannedVersion } from "../../helpers/engine.ts";

const NULL_SPEC = `apiVersion: plinth/v1
app: notes
cloud: gcp
region: europe-west1
environments:
  dev: {}
  prod: { approval: true }
components:
  first: { type: native, resource: plinth_null, properties: { greeting: hello } }
  second: { type: native, resource: plinth_null, properties: { after: "\${first.id}" } }
`;

const deployRequested = (id: string, detail: Record<string, unknown> = {}) => ({
  id,
  source: "plinth.ci",
  "detail-type": "DeployRequested",
  detail: { app: "notes", env: "dev", principal: "ci@acme.dev", spec: "notes/plinth.yaml", ...detail },
});

/** What a run recorded, step by step, in the environment's audit trail. */
async function steps(ws: ReturnType<typeof workspace>, runId: string, env = "dev") {
  return (await auditOf(ws.plane, runId, { app: "notes", env })).map((r) => `${r.step} ${r.outcome}`);
}

function project(spec: string): string {
  const cwd = mkdtempSync(join(tmpdir(), "plinth-deploy-flow-"));
  writeFileSync(join(cwd, "plinth.yaml"), spec);
  return cwd;
}

/** The outcome events the local bus logged, by type. */
function eventsIn(cwd: string) {
  const file = join(cwd, ".plinth", "events.jsonl");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { "detail-type": string; detail: Record<string, unknown> });
}

describe("the deploy workflow embedded, with the real handlers (no cloud: plinth_null)", () => {
  test("a DeployRequested event deploys with an audit record for every step; delivered again (even at once) it starts nothing", async () => {
    const ws = workspace();
    writeSpec(ws, "notes", NULL_SPEC);
    const deliveries = await Promise.all([1, 2, 3].map(() => ws.plane.bus.put(deployRequested("evt-1"))));
    assert.equal(deliveries.filter((d) => d.deliveries[0]?.started).length, 1);
    const again = await ws.plane.bus.put(deployRequested("evt-1"));
    assert.deepEqual(again.deliveries, [
      { route: "deploy-requested", workflow: "deploy", runId: "deploy-evt-1", started: false },
    ]);
    const run = await ws.plane.runs.get("deploy-evt-1");
    assert.equal(run?.status, "SUCCEEDED", JSON.stringify(run?.error));
    assert.deepEqual(await steps(ws, "deploy-evt-1"), DEPLOYED);
    const versions = await ws.plane.store.listVersions({ app: "notes", env: "dev" });
    assert.deepEqual(
      versions.map((v) => [v.version, v.resourceCount, v.trigger, v.principal]),
      [[1, 2, "workflow:deploy", "ci@acme.dev"]],
    );
    const succeeded = ws.events().filter((e) => e["detail-type"] === "DeploySucceeded");
    assert.deepEqual(
      succeeded.map((e) => e.detail),
      [{ app: "notes", env: "dev", runId: "deploy-evt-1", version: 1 }],
    );
    // The run's artifacts: the spec as deployed, the graph, the generated Terraform, the plan.
    const output = run?.output as { codegen: { artifacts: Array<{ format: string }>; skipped: unknown[] } };
    assert.deepEqual(
      output.codegen.artifacts.map((a) => a.format),
      ["terraform-hcl"],
    );
    const terraform = JSON.parse(
      new TextDecoder().decode(await ws.plane.artifacts.get("runs/deploy-evt-1/code/terraform-hcl.json")),
    ) as Record<string, string>;
    assert.match(terraform["main.tf"] ?? "", /resource "plinth_null" "first" {\n {2}greeting = "hello"\n}/);
    // The deployed spec is the environment's scan target from now on.
    assert.deepEqual(await ws.plane.store.getRecord("targets", "notes.dev").then((r) => r?.data), {
      app: "notes",
      env: "dev",
      spec: "runs/deploy-evt-1/plinth.yaml",
    });
  });

  test("deploying what is already deployed plans no changes, and the run ends skipped", async () => {
    const ws = workspace();
    writeSpec(ws, "notes", NULL_SPEC);
    await ws.plane.bus.put(deployRequested("evt-a"));
    await ws.plane.bus.put(deployRequested("evt-b"));
    assert.deepEqual(await steps(ws, "deploy-evt-b"), [...DEPLOYED.slice(0, 5), "Deploy skipped"]);
    assert.equal((await ws.plane.store.listVersions({ app: "notes", env: "dev" })).length, 1);
  });

  test("a spec path that leaves the targets root, and a spec of another app, fail at Codegen with a clear record", async () => {
    const ws = workspace();
    writeSpec(ws, "notes", NULL_SPEC);
    await ws.plane.bus.put(deployRequested("evt-escape", { spec: "../../../etc/passwd" }));
    await ws.plane.bus.put(deployRequested("evt-other", { app: "shop", spec: "notes/plinth.yaml" }));
    const [outside] = (await auditOf(ws.plane, "deploy-evt-escape", { app: "notes", env: "dev" })).filter(
      (r) => r.outcome === "failed",
    );
    assert.equal(outside?.step, "Codegen");
    assert.match(String((outside?.detail?.error as { message?: string } | undefined)?.message), /is outside/);
    const other = (await auditOf(ws.plane, "deploy-evt-other", { app: "shop", env: "dev" })).at(-1);
    assert.deepEqual(other?.detail?.error, {
      name: "DeployTargetMismatchError",
      message: "notes/plinth.yaml is the spec of `notes`, not of `shop`; nothing was deployed.",
    });
    assert.equal(ws.events().filter((e) => e["detail-type"] === "DeployFailed").length, 2);
    assert.deepEqual(await ws.plane.store.listVersions({ app: "notes", env: "dev" }), []);
  });

  test("a resource that does not read back as applied fails Verify: a clear record and DeployFailed", async () => {
    // plinth_null reading back other properties than were applied: changed as soon as it is made.
    const tampered = {
      ...plinthNull,
      read: async (call: ExistingCall) => ({
        id: call.id,
        outputs: call.outputs,
        properties: { greeting: "tampered" },
      }),
    };
    const ws = workspace({ resources: async () => new Map([[tampered.type, tampered]]) });
    writeSpec(ws, "notes", NULL_SPEC);
    await ws.plane.bus.put(deployRequested("evt-verify"));
    assert.deepEqual((await steps(ws, "deploy-evt-verify")).slice(-2), ["Apply succeeded", "Verify failed"]);
    const [record] = (await auditOf(ws.plane, "deploy-evt-verify", { app: "notes", env: "dev" })).slice(-1);
    assert.deepEqual(record?.detail?.error, {
      name: "VerificationFailedError",
      message:
        "After applying version 1, 2 resources still differ from the plan: plinth_null.first (update), plinth_null.second (update). Something changed them meanwhile, or the cloud did not take a setting: run `plinth plan --refresh`.",
    });
    assert.equal(ws.events().find((e) => e["detail-type"] === "DeployFailed")?.detail.step, "Verify");
    assert.equal(await ws.plane.store.latestVersion({ app: "notes", env: "dev" }), 1, "the apply is kept");
  });

  test("destroy runs its workflow: plan the deletions, checkpoint, destroy; the scan target goes", async () => {
    const ws = workspace();
    writeSpec(ws, "notes", NULL_SPEC);
    await ws.plane.bus.put(deployRequested("evt-d1"));
    await ws.plane.bus.put({ ...deployRequested("evt-d2"), "detail-type": "DestroyRequested" });
    const run = await ws.plane.runs.get("destroy-evt-d2");
    assert.equal(run?.status, "SUCCEEDED", JSON.stringify(run?.error));
    assert.deepEqual(await steps(ws, "destroy-evt-d2"), [
      "Destroy started",
      "Plan succeeded",
      "Checkpoint succeeded",
      "Destroy succeeded",
      "Destroy succeeded",
    ]);
    const versions = await ws.plane.store.listVersions({ app: "notes", env: "dev" });
    assert.deepEqual(
      versions.map((v) => [v.command, v.resourceCount]),
      [
        ["apply", 2],
        ["destroy", 0],
      ],
    );
    assert.equal(await ws.plane.store.getRecord("targets", "notes.dev"), undefined);
    assert.deepEqual(ws.events().find((e) => e["detail-type"] === "DestroySucceeded")?.detail, {
      app: "notes",
      env: "dev",
      runId: "destroy-evt-d2",
      deleted: 2,
    });
  });
});

describe("the gates stop a deploy before anything is planned, with their events", () => {
  // No AWS endpoint or credentials are configured: a deploy reaching Plan would fail differently.
  test("policy: high findings announce PolicyViolations and end the run at PolicyGate", async () => {
    const cwd = project(`apiVersion: plinth/v1
app: leaky
cloud: aws
region: us-east-1
components:
  files: { type: native, resource: aws_s3_bucket, properties: { bucket: leaky-files } }
`);
    const result = await runCli(["apply", "--auto-approve", "--json"], { cwd });
    assert.equal(result.code, 1);
    const error = JSON.parse(result.stdout).error;
    assertMatchesCliSchema("error.schema.json", JSON.parse(result.stdout));
    assert.equal(error.name, "PolicyViolationsError");
    assert.match(
      error.message,
      /^2 policy failures at high severity or above: PLINTH-AWS-001 on aws_s3_bucket\.files \(plinth\.yaml:6\), PLINTH-AWS-003 on aws_s3_bucket\.files \(plinth\.yaml:6\); nothing was changed\.$/,
    );
    assert.equal(error.hint, "Every finding and its fix: plinth policy check plinth.yaml --env default.");
    const events = eventsIn(cwd);
    const violations = events.find((e) => e["detail-type"] === "PolicyViolations");
    assert.deepEqual(
      [violations?.detail.failures, violations?.detail.rules],
      [2, ["PLINTH-AWS-001", "PLINTH-AWS-003"]],
    );
    assert.deepEqual(events.find((e) => e["detail-type"] === "DeployFailed")?.detail.step, "PolicyGate");
    const store = new LocalFileStore(join(cwd, ".plinth"));
    const audit = await store.listAudit({ app: "leaky", env: "default" });
    assert.deepEqual(
      audit.map((r) => `${r.step} ${r.outcome}`),
      ["Deploy started", "Codegen succeeded", "PolicyCheck failed", "PolicyGate failed"],
    );
    assert.equal(await store.latestVersion({ app: "leaky", env: "default" }), 0);
  });

  test("policy: plinth-policy.yaml beside the spec is the gate's too: its custom rules block, its suppressions let through", async () => {
    // AWS handlers bound to an endpoint nobody listens on: planning calls nothing, a call would fail.
    const ws = workspace({
      resources: (types, target) =>
        handlersFor(types, () => ({
          clients: new AwsClients({
            region: target.region,
            endpoint: "http://127.0.0.1:9",
            credentials: { accessKeyId: "unused", secretAccessKey: "unused" },
            maxAttempts: 1,
          }),
          sleep: async () => {},
        })),
    });
    writeSpec(
      ws,
      "leaky",
      "apiVersion: plinth/v1\napp: leaky\ncloud: aws\nregion: us-east-1\ncomponents:\n  files: { type: bucket }\n",
    );
    const request = (id: string) => ({
      id,
      source: "plinth.ci",
      "detail-type": "DeployRequested",
      // confirm: the run stops at its approval once planned, so nothing reaches AWS.
      detail: { app: "leaky", env: "default", principal: "ci", spec: "leaky/plinth.yaml", confirm: true },
    });
    const policy = (text: string) => writeFileSync(join(ws.targetsRoot, "leaky", "plinth-policy.yaml"), text);
    const rule = `apiVersion: plinth/policy/v1
rules:
  - id: ACME-S3-001
    title: Buckets name their owner
    severity: high
    resourceTypes: [aws_s3_bucket]
    condition: "'owner' in resource.tags"
`;
    policy(rule);
    await ws.plane.bus.put(request("evt-custom"));
    const failed = ws.events().find((e) => e["detail-type"] === "PolicyViolations");
    assert.deepEqual(failed?.detail.rules, ["ACME-S3-001"]);
    policy(`${rule}suppressions:
  - rule: ACME-S3-001
    address: aws_s3_bucket.*
    reason: the platform team owns every bucket of this app
`);
    await ws.plane.bus.put(request("evt-suppressed"));
    const run = await ws.plane.runs.get("deploy-evt-suppressed");
    assert.equal(run?.status, "WAITING", JSON.stringify(run?.error));
    assert.equal(run?.waiting?.state, "RequestApproval");
  });

  test("budget: an estimate over the cap announces BudgetExceeded and ends the run at BudgetGate", async () => {
    const cwd = project(`apiVersion: plinth/v1
app: pricey
cloud: aws
region: us-east-1
components:
  net: { type: network, cidr: 10.40.0.0/16 }
  web: { type: vm, size: large, network: "\${net}" }
budgets:
  default: { monthly: 5 }
`);
    const result = await runCli(["apply", "--auto-approve"], { cwd });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: The estimate of \$[\d,.]+ a month is over the budget of \$5\.00\. Nothing was changed\. The estimate line by line: plinth cost -f plinth\.yaml --env default\.\n$/,
    );
    const events = eventsIn(cwd);
    const exceeded = events.find((e) => e["detail-type"] === "BudgetExceeded")?.detail;
    assert.equal(exceeded?.budget, 5);
    assert.equal(exceeded?.currency, "USD");
    assert.ok((exceeded?.monthlyCost as number) > 5);
    assert.equal(events.find((e) => e["detail-type"] === "DeployFailed")?.detail.step, "BudgetGate");
    const audit = await new LocalFileStore(join(cwd, ".plinth")).listAudit({ app: "pricey", env: "default" });
    assert.ok(!audit.some((r) => r.step === "Plan"), "nothing was planned");
  });
});

describe("the budget gate compares with the version last applied", () => {
  test("an estimate rising more than maxIncreasePercent over the applied version stops the deploy", async () => {
    const spec = (size: string) =>
      `apiVersion: plinth/v1\napp: growing\ncloud: aws\nregion: us-east-1\nenvironments:\n  dev: {}\ncomponents:\n  net: { type: network, cidr: 10.50.0.0/16 }\n  web: { type: vm, size: ${size}, network: "\${net}" }\nbudgets:\n  dev: { maxIncreasePercent: 10 }\n`;
    const ws = workspace();
    writeSpec(ws, "growing", spec("small"));
    // Version 1 as apply writes it: the plan of the small spec. Planning calls no cloud.
    const { graph } = buildGraph(readSpecFile(join(ws.targetsRoot, "growing", "plinth.yaml")), {
      env: "dev",
    });
    const key = { app: "growing", env: "dev" };
    await commitPlannedVersion(ws.plane.store, graph);
    const small = (
      await estimateSpecEnvironment(readSpecFile(join(ws.targetsRoot, "growing", "plinth.yaml")), graph)
    ).report;
    writeSpec(ws, "growing", spec("large"));
    await ws.plane.bus.put({
      ...deployRequested("evt-grow"),
      detail: { app: "growing", env: "dev", principal: "ci", spec: "growing/plinth.yaml" },
    });
    const exceeded = ws.events().find((e) => e["detail-type"] === "BudgetExceeded")?.detail;
    assert.equal(exceeded?.budget, Math.round(small.totalMonthlyCost * 1.1 * 100) / 100);
    assert.ok((exceeded?.monthlyCost as number) > (exceeded?.budget as number));
    const failure = (await auditOf(ws.plane, "deploy-evt-grow", key)).at(-1);
    assert.equal(failure?.step, "BudgetGate");
    assert.match(
      String((failure?.detail?.error as { message?: string } | undefined)?.message),
      /more than the 10% allowed/,
    );
  });
});

describe("plinth apply on an environment that requires approval (one process)", () => {
  test("--wait elapsed: exit 2, outcome waiting, the run still waits and names the command", async () => {
    const cwd = project(NULL_SPEC);
    const result = await runCli(["apply", "--env", "prod", "--json", "--wait", "0s"], { cwd });
    assert.equal(result.code, 2, result.stderr);
    const json = JSON.parse(result.stdout);
    assertMatchesCliSchema("apply.schema.json", json);
    assert.equal(json.outcome, "waiting");
    const [waiting] = result.stderr
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assertMatchesCliSchema("events.schema.json", waiting);
    assert.equal(waiting.runId, json.runId);
    assert.equal(waiting.approve, `plinth approve ${json.runId}`);
    const runs = await runCli(["workflow", "list", "--json"], { cwd });
    assert.deepEqual(
      JSON.parse(runs.stdout).runs.map((r: { status: string }) => r.status),
      ["WAITING"],
    );
  });

  test("past the approval's timeout the waiting apply fails the run with States.Timeout, recorded", async () => {
    const cwd = project(NULL_SPEC);
    let clock = Date.parse("2026-11-27T10:00:00Z");
    setTimeout(() => {
      clock += 25 * 3600 * 1000;
    }, 300);
    const result = await runCli(["apply", "--env", "prod"], { cwd, now: () => new Date(clock) });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /notes\/prod requires an approval: run deploy-[\w-]+ waits until 2026-11-28T10:00:00\.000Z\./,
    );
    assert.match(result.stderr, /^error: The approval was not given before its timeout\.$/m);
    const audit = await new LocalFileStore(join(cwd, ".plinth")).listAudit({ app: "notes", env: "prod" });
    assert.deepEqual(audit.at(-1)?.step, "RequestApproval");
    assert.deepEqual(audit.at(-1)?.outcome, "timed-out");
    assert.ok(!audit.some((r) => r.step === "Apply"));
  });
});

import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";

const fixtures = new URL("../../fixtures/workflows/", import.meta.url).pathname;

function dir(): string {
  const root = mkdtempSync(join(tmpdir(), "plinth-cli-control-"));
  mkdirSync(join(root, "apps", "shop"), { recursive: true });
  cpSync(
    new URL("../../../examples/shop/plinth.yaml", import.meta.url),
    join(root, "apps", "shop", "plinth.yaml"),
  );
  writeFileSync(
    join(root, "scan.json"),
    JSON.stringify({
      id: "evt-1",
      source: "plinth.operator",
      "detail-type": "ScanRequested",
      detail: { kind: "drift" },
    }),
  );
  writeFileSync(
    join(root, "deploy.json"),
    JSON.stringify({
      source: "plinth.ci",
      "detail-type": "DeployRequested",
      detail: { app: "shop", env: "prod", principal: "ci" },
    }),
  );
  return root;
}

describe("plinth events put", () => {
  test("routes the event to its workflow, prints progress and the outcome; a redelivery starts nothing", async () => {
    const cwd = dir();
    const first = await runCli(["events", "put", "scan.json", "--targets", "apps"], { cwd });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, "✓ scheduled-scan run scheduled-scan-evt-1 succeeded.\n");
    assert.match(
      first.stderr,
      /^✓ scheduled-scan ListTargets \d+ ms\n✓ scheduled-scan ScanTargets \d+ ms \(2 items\)\n/,
    );
    const again = await runCli(["events", "put", "scan.json", "--targets", "apps", "--json"], { cwd });
    const json = JSON.parse(again.stdout);
    assertMatchesCliSchema("events-put.schema.json", json);
    assert.deepEqual(json.events[0].deliveries, [
      { route: "scan-requested", workflow: "scheduled-scan", runId: "scheduled-scan-evt-1", started: false },
    ]);
    const list = await runCli(["workflow", "list", "--json"], { cwd });
    assertMatchesCliSchema("workflow-list.schema.json", JSON.parse(list.stdout));
    assert.deepEqual(
      JSON.parse(list.stdout).runs.map((r: { runId: string }) => r.runId),
      ["scheduled-scan-evt-1"],
    );
  });

  test("bad input: one sentence with file:line:col, exit 1, nothing started", async () => {
    const cwd = dir();
    writeFileSync(join(cwd, "broken.json"), '{\n  "source": "plinth.ci",\n  oops\n}');
    const broken = await runCli(["events", "put", "broken.json"], { cwd });
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /^error: broken\.json:3:3: .+\n$/);
    writeFileSync(
      join(cwd, "hostile.json"),
      JSON.stringify({
        source: "plinth.ci",
        "detail-type": "DeployRequested",
        detail: { app: "%{x}", env: "dev", principal: "p" },
      }),
    );
    const hostile = await runCli(["events", "put", "hostile.json", "--json"], { cwd });
    assert.equal(hostile.code, 1);
    assertMatchesCliSchema("error.schema.json", JSON.parse(hostile.stdout));
    assert.equal(JSON.parse(hostile.stdout).error.name, "InvalidEventError");
    writeFileSync(join(cwd, "huge.json"), `[${'"x",'.repeat(300_000)}"x"]`);
    const huge = await runCli(["events", "put", "huge.json"], { cwd });
    assert.match(huge.stderr, /^error: huge\.json is \d+ bytes; inputs are at most 1048576 bytes\./);
    const list = await runCli(["workflow", "list"], { cwd });
    assert.equal(list.stdout, "No runs yet.\n");
  });
});

describe("plinth workflow run, approve and reject", () => {
  test("a run that needs approval waits (exit 0, says what to do next); approve finishes it", async () => {
    const cwd = dir();
    const args = ["--workflows", fixtures, "--targets", "apps"];
    const started = await runCli(
      ["workflow", "run", "approval-only", "--input", "deploy.json", "--run-id", "deploy-1", ...args],
      { cwd },
    );
    assert.equal(started.code, 0, started.stderr);
    assert.match(
      started.stdout,
      /deploy-1 waits for approval at RequestApproval until .*\n {2}Next: plinth approve deploy-1/,
    );
    const approved = await runCli(["approve", "deploy-1", "--as", "ana", "--json", ...args], { cwd });
    assert.equal(approved.code, 0, approved.stderr);
    const json = JSON.parse(approved.stdout);
    assertMatchesCliSchema("approve.schema.json", json);
    assert.equal(json.run.status, "SUCCEEDED");
    const audit = readFileSync(join(cwd, ".plinth", "state", "shop", "prod", "audit.jsonl"), "utf8");
    assert.match(
      audit,
      /"principal":"ana",.*"outcome":"approved","runId":"deploy-1","step":"RequestApproval"/,
    );
    const twice = await runCli(["approve", "deploy-1", ...args], { cwd });
    assert.equal(twice.code, 1);
    assert.equal(twice.stderr, "error: Run deploy-1 is not waiting for an approval (it is SUCCEEDED).\n");
  });

  test("reject fails the run through the failure path; --json matches its schema", async () => {
    const cwd = dir();
    const args = ["--workflows", fixtures, "--targets", "apps"];
    const run = await runCli(
      [
        "workflow",
        "run",
        "approval-only",
        "--input",
        "deploy.json",
        "--run-id",
        "deploy-2",
        "--json",
        ...args,
      ],
      { cwd },
    );
    assertMatchesCliSchema("workflow-run.schema.json", JSON.parse(run.stdout));
    assert.equal(JSON.parse(run.stdout).status, "WAITING");
    const rejected = await runCli(["reject", "deploy-2", "--comment", "freeze", "--json", ...args], { cwd });
    const json = JSON.parse(rejected.stdout);
    assertMatchesCliSchema("reject.schema.json", json);
    assert.deepEqual([json.decision, json.run.status], ["rejected", "FAILED"]);
    assert.match(
      readFileSync(join(cwd, ".plinth", "events.jsonl"), "utf8"),
      /"detail-type":"DeployFailed".*"step":"RequestApproval"/,
    );
  });

  test("a workflow calling a handler plinth does not have says which one", async () => {
    const cwd = dir();
    mkdirSync(join(cwd, "flows"));
    writeFileSync(
      join(cwd, "flows", "later.asl.json"),
      JSON.stringify({
        StartAt: "A",
        States: { A: { Type: "Task", Resource: "${function:drift-scan}", End: true } },
      }),
    );
    const result = await runCli(["workflow", "run", "later", "--workflows", "flows"], { cwd });
    assert.equal(result.code, 1);
    assert.equal(result.stderr, "error: No handler `drift-scan` is registered with the runner.\n");
  });
});

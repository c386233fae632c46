import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { assertMatchesCliSchema } from "../helpers/cli-schemas.ts";
import { runPlinth } from "../helpers/run-plinth.ts";

const bin = new URL("../../bin/plinth.js", import.meta.url).pathname;

const SPEC = `apiVersion: plinth/v1
app: ledger
cloud: gcp
region: europe-west1
environments:
  prod: { approval: true }
components:
  book: { type: native, resource: plinth_null, properties: { pages: 100 } }
`;

/**
 * `plinth apply --json` on the approval environment, as its own process: resolves with its run id once
 * it announces it waits, and with its end once it exits.
 */
function waitingApply(cwd: string) {
  const child = spawn(process.execPath, [bin, "apply", "--env", "prod", "--json"], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const ended = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
  const waiting = new Promise<{ runId: string; approve: string }>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
      const line = stderr.split("\n").find((l) => l.includes('"run.waiting"'));
      if (line) resolve(JSON.parse(line));
    });
    child.on("exit", () => reject(new Error(`apply ended before waiting: ${stderr}`)));
  });
  return { waiting, ended };
}

// Two processes meet through the run store: one apply waits for the environment's approval, another
// process approves (or rejects); the waiting one then reports how the run ended.
describe("plinth apply waits for plinth approve from another process", () => {
  test("approved elsewhere: the waiting apply reports the applied version and exits 0", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "plinth-approval-"));
    writeFileSync(join(cwd, "plinth.yaml"), SPEC);
    const apply = waitingApply(cwd);
    const { runId, approve } = await apply.waiting;
    assert.equal(approve, `plinth approve ${runId}`);
    const approved = await runPlinth(["approve", runId, "--as", "ana@acme.dev"], cwd, process.env);
    assert.equal(approved.code, 0, approved.stderr);
    assert.match(approved.stdout, new RegExp(`deploy run ${runId} succeeded`));
    const ended = await apply.ended;
    assert.equal(ended.code, 0, ended.stderr);
    const result = JSON.parse(ended.stdout);
    assertMatchesCliSchema("apply.schema.json", result);
    assert.deepEqual([result.runId, result.outcome, result.version], [runId, "succeeded", 1]);
    const history = await runPlinth(["history", "--env", "prod", "--json"], cwd, process.env);
    assert.equal(JSON.parse(history.stdout).versions.length, 1);
  });

  test("rejected elsewhere: the waiting apply fails with the rejection, nothing applied", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "plinth-approval-"));
    writeFileSync(join(cwd, "plinth.yaml"), SPEC);
    const apply = waitingApply(cwd);
    const { runId } = await apply.waiting;
    const rejected = await runPlinth(
      ["reject", runId, "--as", "bo@acme.dev", "--comment", "change freeze"],
      cwd,
      process.env,
    );
    assert.equal(rejected.code, 0, rejected.stderr);
    const ended = await apply.ended;
    assert.equal(ended.code, 1);
    assert.equal(JSON.parse(ended.stdout).error.name, "ApprovalRejectedError");
    assert.match(ended.stderr, /^error: Rejected by bo@acme\.dev: change freeze\.$/m);
    const history = await runPlinth(["history", "--env", "prod", "--json"], cwd, process.env);
    assert.deepEqual(JSON.parse(history.stdout).versions, []);
  });
});

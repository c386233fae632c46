import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { run } from "../../../src/cli/main.ts";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";

const SPEC = `apiVersion: plinth/v1
app: demo
cloud: gcp
region: europe-west1
components:
  first:
    type: native
    resource: plinth_null
    properties: { greeting: hello }
  second:
    type: native
    resource: plinth_null
    properties: { after: "\${first.id}", text: "x-\${first.greeting}" }
`;

function project(spec = SPEC): string {
  const dir = mkdtempSync(join(tmpdir(), "plinth-deploy-"));
  writeFileSync(join(dir, "plinth.yaml"), spec);
  return dir;
}

describe("plinth plan / apply / destroy / history (plinth_null, any cloud)", () => {
  test("plan shows Terraform-style changes; --detailed-exitcode is 2 with changes, 0 without", async () => {
    const cwd = project();
    const plan = await runCli(["plan", "--detailed-exitcode"], { cwd });
    assert.equal(plan.code, 2, plan.stderr);
    assert.match(
      plan.stdout,
      /# plinth_null\.first will be created\n {2}\+ resource "plinth_null" "first" \{\n {6}\+ greeting = "hello"/,
    );
    assert.match(plan.stdout, /\+ after = \(known after apply\)/);
    assert.match(plan.stdout, /Plan: 2 to add, 0 to change, 0 to destroy\./);
    assert.equal(existsSync(join(cwd, ".plinth")), false, "plan writes nothing");

    const apply = await runCli(["apply", "--auto-approve"], { cwd });
    assert.equal(apply.code, 0, apply.stderr);
    assert.match(apply.stdout, /\nplinth_null\.first: Creation complete after \d+\.\ds\n/);
    assert.doesNotMatch(apply.stdout, /Creating\.\.\./, "quick resources get one line each");
    assert.match(
      apply.stdout,
      /Apply complete! Resources: 2 added, 0 changed, 0 destroyed in [\d.]+s; state version 1\./,
    );

    const again = await runCli(["plan", "--detailed-exitcode"], { cwd });
    assert.equal(again.code, 0);
    assert.match(
      again.stdout,
      /No changes\. The environment matches the spec \(demo\/default, state version 1\)\./,
    );
  });

  test("--json outputs match their schemas", async () => {
    const cwd = project();
    const plan = await runCli(["plan", "--json"], { cwd });
    assertMatchesCliSchema("plan.schema.json", JSON.parse(plan.stdout));
    const apply = await runCli(["apply", "--auto-approve", "--json"], { cwd });
    const applied = JSON.parse(apply.stdout);
    assertMatchesCliSchema("apply.schema.json", applied);
    const events = apply.stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    for (const event of events) assertMatchesCliSchema("events.schema.json", event);
    assert.deepEqual(
      events
        .filter((e) => e.type === "resource.finished")
        .map((e) => e.address)
        .sort(),
      ["plinth_null.first", "plinth_null.second"],
    );
    assert.equal(applied.outcome, "succeeded");
    assert.deepEqual(
      applied.results.map((r: { address: string; status: string }) => `${r.address}:${r.status}`).sort(),
      ["plinth_null.first:done", "plinth_null.second:done"],
    );
    const history = await runCli(["history", "--json"], { cwd });
    assertMatchesCliSchema("history.schema.json", JSON.parse(history.stdout));
    const destroy = await runCli(["destroy", "--auto-approve", "--json"], { cwd });
    const destroyed = JSON.parse(destroy.stdout);
    assertMatchesCliSchema("destroy.schema.json", destroyed);
    assert.equal(destroyed.summary.delete, 2);
    const versions = JSON.parse((await runCli(["history", "--json"], { cwd })).stdout).versions;
    assert.deepEqual(
      versions.map((v: { version: number; command: string; resourceCount: number }) => [
        v.version,
        v.command,
        v.resourceCount,
      ]),
      [
        [1, "apply", 2],
        [2, "destroy", 0],
      ],
    );
  });

  test("without a terminal and without --auto-approve, apply refuses and changes nothing", async () => {
    const cwd = project();
    const result = await runCli(["apply"], { cwd });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: plinth apply needs a confirmation and there is no terminal to ask; nothing was changed\. /m,
    );
    assert.equal(existsSync(join(cwd, ".plinth", "state", "demo", "default", "versions")), false);
  });

  test("at a terminal, only `yes` applies", async () => {
    const cwd = project();
    const ask = async (answer: string) => {
      let out = "";
      let err = "";
      const code = await run(["apply"], {
        stdout: (t) => {
          out += t;
        },
        stderr: (t) => {
          err += t;
        },
        env: {},
        cwd,
        isTTY: true,
        prompt: async (question) => {
          out += question;
          return answer;
        },
      });
      return { code, out, err };
    };
    const no = await ask("y");
    assert.equal(no.code, 1);
    assert.match(
      no.out,
      /Do you want to perform these actions in demo\/default\? Only 'yes' will be accepted: /,
    );
    assert.match(no.err, /apply cancelled: the answer was not `yes`; nothing was changed\./);
    const yes = await ask("yes\n");
    assert.equal(yes.code, 0, yes.err);
    assert.match(yes.out, /Apply complete!/);
  });

  test("a saved plan applies exactly; once the state moved on it is refused", async () => {
    const cwd = project();
    const saved = await runCli(["plan", "--out", "plan.json"], { cwd });
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stderr, /Saved the plan to plan\.json; apply it with `plinth apply plan\.json`\./);
    await runCli(["plan", "--out", "second.json"], { cwd });
    const applied = await runCli(["apply", "plan.json"], { cwd });
    assert.equal(applied.code, 0, applied.stderr);
    const stale = await runCli(["apply", "second.json"], { cwd });
    assert.equal(stale.code, 1);
    assert.match(
      stale.stderr,
      /^error: The plan was made against version 0 of `default`, which has changed since \(now version 1\); nothing was applied\. Run `plinth plan` again/m,
    );
    const plan = JSON.parse(readFileSync(join(cwd, "second.json"), "utf8"));
    plan.baseVersion = 1;
    writeFileSync(join(cwd, "edited.json"), JSON.stringify(plan));
    const edited = await runCli(["apply", "edited.json"], { cwd });
    assert.match(
      edited.stderr,
      /^error: The plan's content does not match its hash: it was changed after it was saved\./,
    );
    writeFileSync(join(cwd, "broken.json"), '{"formatVersion": 1,\n  "oops"');
    const broken = await runCli(["apply", "broken.json"], { cwd });
    assert.match(
      broken.stderr,
      /^error: broken\.json(:\d+)? is not valid JSON, so it is not a plinth plan\.\n$/,
    );
    const missing = await runCli(["apply", "nowhere.json"], { cwd });
    assert.equal(missing.stderr, "error: No plinth plan at nowhere.json.\n");
  });

  test("a held lock makes apply fail fast naming the holder; state intact", async () => {
    const cwd = project();
    await runCli(["apply", "--auto-approve"], { cwd });
    const lockFile = join(cwd, ".plinth", "state", "demo", "default", "lock.json");
    const lock = {
      id: "x",
      holder: "carol@build-7 (pid 1)",
      operation: "apply",
      since: "2026-01-01T00:00:00.000Z",
      expiresAt: "2999-01-01T00:00:00.000Z",
      host: "another-host",
      pid: 1,
    };
    writeFileSync(lockFile, JSON.stringify(lock));
    const result = await runCli(["destroy", "--auto-approve"], { cwd });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: Environment `default` is locked by carol@build-7 \(pid 1\) \(apply\) since 2026-01-01T00:00:00\.000Z; nothing was changed\./m,
    );
    const history = JSON.parse((await runCli(["history", "--json"], { cwd })).stdout);
    assert.equal(history.versions.length, 1);
  });

  test("bad flags and inputs get one sentence each", async () => {
    const cwd = project();
    const cases: Array<[string[], RegExp]> = [
      [
        ["apply", "--parallelism", "0", "--auto-approve"],
        /--parallelism must be a whole number from 1 to 256, not `0`\./,
      ],
      [["plan", "--var", "novalue"], /--var takes NAME=VALUE, not `novalue`\./],
      [["plan", "--state", "dynamodb:"], /--state dynamodb: does not name a DynamoDB table/],
      [["plan", "--env", "nope"], /nope/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { cwd });
      assert.equal(result.code, 1, args.join(" "));
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    }
  });

  test("history of an environment never applied says so", async () => {
    const cwd = project();
    const result = await runCli(["history"], { cwd });
    assert.equal(result.stdout, "No versions of demo/default yet: nothing was applied.\n");
  });
});

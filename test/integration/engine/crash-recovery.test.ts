import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { loadWorkingState } from "../../../src/state/working-state.ts";
import { motoClients, motoEnv } from "../../helpers/aws.ts";
import { networkBucketQueueSpec, writeEngineProject } from "../../helpers/aws-spec.ts";
import { mulberry32 } from "../../helpers/fault-proxy.ts";
import { liveResourcesOf } from "../../helpers/live-resources.ts";
import { motoAccount, motoEndpoint } from "../../helpers/moto.ts";
import { runPlinth } from "../../helpers/run-plinth.ts";

const PROGRESS = /complete after/;

// The crash test: SIGKILL at random points of applies and destroys, 20 times, then one more
// apply must converge: every resource once, none unrecorded (counted through moto's APIs by tag).
test("killed 20 times at random points, apply converges with no duplicate or orphaned resource", async () => {
  const endpoint = await motoEndpoint();
  const account = await motoAccount(endpoint);
  const cwd = mkdtempSync(join(tmpdir(), "plinth-crash-"));
  writeEngineProject(cwd, networkBucketQueueSpec("crash"));
  const env = {
    ...process.env,
    ...motoEnv(endpoint, account),
    AWS_MAX_ATTEMPTS: "1",
    NO_COLOR: "1",
  };
  const seed = Number(process.env.PLINTH_CRASH_SEED ?? 20261127);
  const random = mulberry32(seed);
  let killed = 0;
  let midResource = 0;
  for (let round = 0; killed < 20 && round < 60; round++) {
    // Mostly applies; every fourth round a destroy, so deletes get interrupted too.
    const command = round % 4 === 3 ? "destroy" : "apply";
    // Killed at a random point of the work, counted in progress lines so the machine's load does not
    // move it: after 0 to 19 resources finished, a few milliseconds into whatever runs then.
    const kill = { lines: PROGRESS, after: Math.floor(random() * 20), delayMs: Math.floor(random() * 30) };
    const run = await runPlinth([command, "--auto-approve"], cwd, env, kill);
    if (run.signal === "SIGKILL") {
      killed++;
      if (/complete after/.test(run.stdout)) midResource++;
    } else assert.equal(run.code, 0, `round ${round} (${command}, seed ${seed}) failed:\n${run.stderr}`);
  }
  assert.equal(killed, 20, "20 runs were killed");
  assert.ok(midResource > 5, `kills landed in the middle of applies and destroys (${midResource})`);

  const final = await runPlinth(["apply", "--auto-approve"], cwd, env);
  assert.equal(final.code, 0, `the final apply (seed ${seed}) failed:\n${final.stderr}`);
  const check = await runPlinth(["plan", "--refresh", "--detailed-exitcode"], cwd, env);
  assert.equal(check.code, 0, `not converged (seed ${seed}):\n${check.stdout}${check.stderr}`);

  const store = new LocalFileStore(join(cwd, ".plinth"));
  const working = await loadWorkingState(store, { app: "crash", env: "default" });
  assert.equal(working.resources.size, 19, "every resource of the spec is in state");
  assert.equal(working.interrupted.size, 0);
  const live = await liveResourcesOf(
    await motoClients({ endpoint, credentials: account.credentials }),
    "crash",
  );
  const duplicates = [...live].filter(([, ids]) => ids.length > 1);
  assert.deepEqual(duplicates, [], "no resource was created twice");
  for (const [address, [id]] of live) {
    assert.equal(working.resources.get(address)?.id, id, `${address} (${id}) is not an orphan: state has it`);
  }
  // VPC, 3 subnets, 2 route tables, gateway, flow log, bucket, 2 queues, secret, log group, role.
  assert.equal(live.size, 14, `every tagged resource exists once: ${[...live.keys()].join(", ")}`);
});

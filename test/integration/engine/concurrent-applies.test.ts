import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { motoEnv } from "../../helpers/aws.ts";
import { networkBucketQueueSpec, writeEngineProject } from "../../helpers/aws-spec.ts";
import { startFaultProxy } from "../../helpers/fault-proxy.ts";
import { motoAccount, motoEndpoint } from "../../helpers/moto.ts";
import { runPlinth } from "../../helpers/run-plinth.ts";

// Ten `plinth apply` processes on one environment at once: one holds the lock, the nine others stop
// at once, naming it. AWS answers slowly here (a proxy adds latency) so the winner is still applying.
test("10 concurrent applies of one environment: exactly one proceeds, the rest fail fast naming the holder", async () => {
  const moto = await motoEndpoint();
  const account = await motoAccount(moto);
  const proxy = await startFaultProxy(moto, { latencyMs: 60 });
  try {
    const cwd = mkdtempSync(join(tmpdir(), "plinth-concurrent-"));
    writeEngineProject(cwd, networkBucketQueueSpec("race"));
    const env = {
      ...process.env,
      ...motoEnv(proxy.endpoint, account),
      NO_COLOR: "1",
    };
    const runs = await Promise.all(
      Array.from({ length: 10 }, () => runPlinth(["apply", "--auto-approve"], cwd, env)),
    );
    const winners = runs.filter((r) => r.code === 0);
    const losers = runs.filter((r) => r.code !== 0);
    assert.equal(winners.length, 1, runs.map((r) => r.stderr).join("\n"));
    assert.match(winners[0]?.stdout ?? "", /Apply complete! Resources: 19 added/);
    assert.equal(losers.length, 9);
    for (const loser of losers) {
      assert.equal(loser.code, 1);
      assert.match(
        loser.stderr,
        /^error: Environment `default` is locked by \S+@\S+ \(pid \d+, run deploy-[\w-]+\) \(apply\) since \d{4}-\d\d-\d\dT[\d:.]+Z; nothing was changed\. Wait for it to finish/,
      );
      assert.equal(loser.stderr.trim().split("\n").length, 1, "one sentence, no stack trace");
      assert.ok(
        loser.endedAt < (winners[0]?.endedAt ?? 0),
        "a loser fails while the winner is still applying",
      );
    }
    const versions = await new LocalFileStore(join(cwd, ".plinth")).listVersions({
      app: "race",
      env: "default",
    });
    assert.deepEqual(
      versions.map((v) => [v.version, v.resourceCount]),
      [[1, 19]],
    );
  } finally {
    await proxy.close();
  }
});

import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { motoClients, motoEnv } from "../../helpers/aws.ts";
import { networkBucketQueueSpec, writeEngineProject } from "../../helpers/aws-spec.ts";
import { runCli } from "../../helpers/cli.ts";
import { startFaultProxy } from "../../helpers/fault-proxy.ts";
import { liveResourcesOf } from "../../helpers/live-resources.ts";
import { motoAccount, motoEndpoint } from "../../helpers/moto.ts";

// AWS under load: 30% of calls answered with throttling errors (each protocol's shape) or 503s.
// The SDK's retry with backoff and plinth's retry of retryable errors get every resource through.
test("with 30% of AWS calls throttled or failing with 503, apply converges; retries show in the debug log", async () => {
  const moto = await motoEndpoint();
  const account = await motoAccount(moto);
  const proxy = await startFaultProxy(moto, { faultRate: 0.3, seed: 7 });
  try {
    const cwd = mkdtempSync(join(tmpdir(), "plinth-faults-"));
    writeEngineProject(cwd, networkBucketQueueSpec("faulty"));
    const env = motoEnv(proxy.endpoint, account);
    const apply = await runCli(["apply", "--auto-approve", "--debug"], { cwd, env });
    assert.equal(
      apply.code,
      0,
      apply.stderr
        .split("\n")
        .filter((l) => !l.startsWith("debug: aws"))
        .join("\n"),
    );
    assert.match(apply.stdout, /Apply complete! Resources: 19 added/);
    assert.ok(proxy.stats.throttled > 5 && proxy.stats.unavailable > 5, JSON.stringify(proxy.stats));
    const faults = proxy.stats.throttled + proxy.stats.unavailable;
    assert.ok(
      faults / proxy.stats.requests > 0.2,
      `about 30% of ${proxy.stats.requests} calls faulted (${faults})`,
    );
    const failedAttempts = apply.stderr
      .split("\n")
      .filter((l) => /^debug: aws \S+ failed (503|400|429)/.test(l));
    assert.ok(
      failedAttempts.length >= faults * 0.9,
      `${failedAttempts.length} failed attempts logged for ${faults} faults`,
    );
    assert.ok(failedAttempts.some((l) => /Throttling|RequestLimitExceeded|SlowDown|TooManyRequests/.test(l)));

    const check = await runCli(["plan", "--refresh", "--detailed-exitcode"], {
      cwd,
      env: { ...env, AWS_ENDPOINT_URL: moto },
    });
    assert.equal(check.code, 0, check.stdout);
    const live = await liveResourcesOf(
      await motoClients({ endpoint: moto, credentials: account.credentials }),
      "faulty",
    );
    assert.equal(live.size, 14);
    assert.deepEqual(
      [...live].filter(([, ids]) => ids.length > 1),
      [],
      "no duplicates despite retried creates",
    );
  } finally {
    await proxy.close();
  }
});

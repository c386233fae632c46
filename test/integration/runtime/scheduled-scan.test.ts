import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { costHistory } from "../../../src/control/cost-history.ts";
import { auditOf, workspace, writeSpec } from "../../helpers/control-plane.ts";

const scan = (
  id: string,
  detail: Record<string, unknown> = { kind: "drift", schedule: "nightly-drift-scan" },
) => ({
  id,
  source: "plinth.scheduler",
  "detail-type": "ScanRequested",
  detail,
});

describe("scheduled-scan through the local bus and the embedded runner, with the real handlers", () => {
  test("scans every environment of every target, summarises, audits and announces ScanCompleted", async () => {
    const ws = workspace();
    const { deliveries } = await ws.plane.bus.put(scan("evt-1"));
    assert.deepEqual(deliveries, [
      { route: "scan-requested", workflow: "scheduled-scan", runId: "scheduled-scan-evt-1", started: true },
    ]);
    const run = await ws.plane.runs.get("scheduled-scan-evt-1");
    assert.equal(run?.status, "SUCCEEDED", JSON.stringify(run?.error));
    assert.deepEqual(
      run?.steps.map((s) => [s.state, s.status]),
      [
        ["ListTargets", "succeeded"],
        ["ScanTargets", "succeeded"],
        ["Summarize", "succeeded"],
        ["AuditCompleted", "succeeded"],
      ],
    );
    const output = (run as { output: unknown }).output as {
      scan: { count: number };
      results: Array<{ app: string; env: string; status: string; resources: number }>;
    };
    // shop has dev and prod, gcp-notes has dev and prod: four targets, each lowered to real resources.
    assert.equal(output.scan.count, 4);
    assert.deepEqual(
      output.results.map((r) => `${r.app}/${r.env}:${r.status}`),
      ["notes/dev:ok", "notes/prod:ok", "shop/dev:ok", "shop/prod:ok"],
    );
    assert.ok(output.results.every((r) => r.resources > 5));
    assert.equal(run?.steps[1]?.iterations, 4);
    const completed = ws.events().filter((e) => e["detail-type"] === "ScanCompleted");
    assert.deepEqual(
      completed.map((e) => e.detail),
      [{ kind: "drift", runId: "scheduled-scan-evt-1", targets: 4, failed: 0, attention: 0 }],
    );
    const audit = await auditOf(ws.plane, "scheduled-scan-evt-1");
    assert.deepEqual(
      audit.map((r) => [r.step, r.outcome, r.trigger]),
      [["Summarize", "succeeded", "event:evt-1"]],
    );
  });

  test("a redelivered event (same id) starts nothing new", async () => {
    const ws = workspace();
    await ws.plane.bus.put(scan("evt-dup"));
    const again = await ws.plane.bus.put(scan("evt-dup"));
    assert.equal(again.deliveries[0]?.started, false);
    assert.deepEqual(
      (await ws.plane.runs.list()).map((r) => r.runId),
      ["scheduled-scan-evt-dup"],
    );
    assert.equal(ws.events().filter((e) => e["detail-type"] === "ScanCompleted").length, 1);
  });

  test("concurrent deliveries of one event start exactly one run", async () => {
    const ws = workspace();
    const results = await Promise.all(Array.from({ length: 5 }, () => ws.plane.bus.put(scan("evt-race"))));
    assert.equal(results.filter((r) => r.deliveries[0]?.started).length, 1);
    assert.equal(ws.events().filter((e) => e["detail-type"] === "ScanCompleted").length, 1);
  });

  test("a target whose spec no longer validates is reported for attention; the others still scan", async () => {
    const ws = workspace();
    writeSpec(
      ws,
      "broken",
      "apiVersion: plinth/v1\napp: broken\ncloud: aws\nregion: us-east-1\nenvironments:\n  dev: {}\n  prod:\n    region: eu-nowhere-9\ncomponents:\n  files:\n    type: bucket\n",
    );
    await ws.plane.bus.put(scan("evt-attn", { kind: "cost" }));
    const run = await ws.plane.runs.get("scheduled-scan-evt-attn");
    assert.equal(run?.status, "SUCCEEDED");
    const results = (
      (run as { output: unknown }).output as {
        results: Array<{ app: string; env: string; status: string; message?: string }>;
      }
    ).results;
    const prod = results.find((r) => r.app === "broken" && r.env === "prod");
    assert.equal(prod?.status, "attention");
    assert.match(prod?.message ?? "", /^cost scan skipped: the spec does not validate: .*eu-nowhere-9/);
    assert.deepEqual(ws.events().find((e) => e["detail-type"] === "ScanCompleted")?.detail, {
      kind: "cost",
      runId: "scheduled-scan-evt-attn",
      targets: 6,
      failed: 0,
      attention: 1,
    });
  });

  test("a scan task that keeps failing with a transient error is retried, then reported failed, not fatal", async () => {
    let calls = 0;
    const ws = workspace({
      handlers: {
        "scan-target": async (input) => {
          const { target } = input as { target: { app: string; env: string } };
          if (target.app !== "shop") return { app: target.app, env: target.env, status: "ok", resources: 1 };
          calls++;
          const error = new Error("S3 is down");
          error.name = "ArtifactStoreUnavailableError";
          throw error;
        },
      },
    });
    await ws.plane.bus.put(scan("evt-flaky"));
    const run = await ws.plane.runs.get("scheduled-scan-evt-flaky");
    assert.equal(run?.status, "SUCCEEDED");
    assert.equal(calls, 2 * 4, "two shop targets, each tried once and retried three times");
    const results = (
      (run as { output: unknown }).output as {
        results: Array<{ app: string; status: string; message?: string }>;
      }
    ).results;
    assert.deepEqual(
      results.map((r) => `${r.app}:${r.status}`),
      ["notes:ok", "notes:ok", "shop:failed", "shop:failed"],
    );
    assert.equal(results[2]?.message, "ArtifactStoreUnavailableError");
  });

  test("a failing step before the Map is caught: the failure is audited and the run fails clearly", async () => {
    const ws = workspace({
      handlers: {
        "list-targets": async () => {
          const error = new Error("the state store refused: AccessDenied");
          error.name = "AccessDeniedError";
          throw error;
        },
      },
    });
    await ws.plane.bus.put(scan("evt-fail"));
    const run = await ws.plane.runs.get("scheduled-scan-evt-fail");
    assert.equal(run?.status, "FAILED");
    assert.deepEqual(run?.error, { name: "ScanFailed", cause: "The scan failed; see its audit record." });
    assert.deepEqual(
      run?.steps.map((s) => [s.state, s.status, s.retries ?? 0]),
      [
        ["ListTargets", "caught", 0],
        ["RecordFailure", "succeeded", 0],
        ["Failed", "failed", 0],
      ],
    );
    const [record, ...more] = await auditOf(ws.plane, "scheduled-scan-evt-fail");
    assert.equal(more.length, 0);
    assert.equal(record?.step, "ListTargets");
    assert.equal(record?.outcome, "failed");
    assert.deepEqual(record?.detail, {
      error: { name: "AccessDeniedError", message: "the state store refused: AccessDenied" },
    });
  });

  test("a cost scan estimates every target at list prices and flags the environments over budget", async () => {
    const ws = workspace();
    writeSpec(
      ws,
      "tight",
      "apiVersion: plinth/v1\napp: tight\ncloud: aws\nregion: us-east-1\nenvironments:\n  dev: {}\ncomponents:\n  net:\n    type: network\n    cidr: 10.0.0.0/16\n  db:\n    type: database\n    engine: postgres\n    size: large\n    network: ${net}\nbudgets:\n  dev: { monthly: 10 }\n",
    );
    await ws.plane.bus.put(scan("evt-cost", { kind: "cost" }));
    const run = await ws.plane.runs.get("scheduled-scan-evt-cost");
    assert.equal(run?.status, "SUCCEEDED", JSON.stringify(run?.error));
    const results = (run as { output: unknown }).output as {
      results: Array<{
        app: string;
        env: string;
        status: string;
        monthlyCost?: number;
        budget?: number;
        message?: string;
      }>;
    };
    const byTarget = new Map(results.results.map((r) => [`${r.app}/${r.env}`, r]));
    const shopDev = byTarget.get("shop/dev");
    assert.equal(shopDev?.budget, 150, "the shop example's dev budget");
    assert.ok((shopDev?.monthlyCost ?? 0) > 0);
    assert.equal(shopDev?.status, (shopDev?.monthlyCost ?? 0) > 150 ? "attention" : "ok");
    const tight = byTarget.get("tight/dev");
    assert.equal(tight?.status, "attention");
    assert.match(tight?.message ?? "", /^The estimate of \$[\d,.]+ a month is over the budget of \$10\.00\./);
    assert.equal(byTarget.get("notes/dev")?.budget, undefined, "no budget, no cap");
    const completed = ws.events().find((e) => e["detail-type"] === "ScanCompleted");
    assert.ok((completed?.detail.attention as number) >= 1);
    const exceeded = ws.events().filter((e) => e["detail-type"] === "BudgetExceeded");
    assert.deepEqual(
      exceeded.map((e) => [e.detail.app, e.detail.env, e.detail.runId, e.detail.budget, e.detail.currency]),
      [["tight", "dev", "scheduled-scan-evt-cost", 10, "USD"]],
    );
    assert.equal(exceeded[0]?.detail.monthlyCost, tight?.monthlyCost);

    // Each scan records every environment's estimate in the state store: its cost over time.
    await ws.plane.bus.put(scan("evt-cost-2", { kind: "cost" }));
    const history = await costHistory(ws.plane.store, { app: "tight", env: "dev" });
    assert.deepEqual(
      history.map((h) => [h.runId, h.monthlyCost, h.budget, h.withinBudget]),
      [
        ["scheduled-scan-evt-cost", tight?.monthlyCost, 10, false],
        ["scheduled-scan-evt-cost-2", tight?.monthlyCost, 10, false],
      ],
    );
    assert.deepEqual(
      (await costHistory(ws.plane.store, { app: "shop", env: "dev" })).map((h) => h.withinBudget),
      [shopDev?.status === "ok", shopDev?.status === "ok"],
    );
    assert.equal(ws.events().filter((e) => e["detail-type"] === "BudgetExceeded").length, 2);
  });

  test("a spec that no longer loads at all is scanned as its folder's target and reported, not fatal", async () => {
    const ws = workspace();
    writeSpec(ws, "Broken_App", "apiVersion: plinth/v1\napp: [not, a, name\n");
    await ws.plane.bus.put(scan("evt-unloadable"));
    const run = await ws.plane.runs.get("scheduled-scan-evt-unloadable");
    assert.equal(run?.status, "SUCCEEDED", JSON.stringify(run?.error));
    const results = (
      (run as { output: unknown }).output as {
        results: Array<{ app: string; env: string; status: string; message?: string }>;
      }
    ).results;
    assert.deepEqual(
      results.find((r) => r.app === "broken-app"),
      {
        app: "broken-app",
        env: "default",
        status: "attention",
        message: results.find((r) => r.app === "broken-app")?.message,
      },
    );
    assert.equal(results.filter((r) => r.status === "ok").length, 4);
  });
});

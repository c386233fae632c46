import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { checkBudget } from "../../../src/cost/budget.ts";
import { convertReport, parseRates, rateFor } from "../../../src/cost/currency.ts";
import { diffReports } from "../../../src/cost/diff.ts";
import { buildSnapshot } from "../../../src/cost/prices/build-snapshot.ts";
import { SnapshotPrices } from "../../../src/cost/prices/snapshot.ts";
import { layerUsage, parseUsageFile, usageSet } from "../../../src/cost/usage.ts";
import { InputError } from "../../../src/errors.ts";
import { node, price } from "../../helpers/cost.ts";

const root = new URL("../../../", import.meta.url);

describe("price snapshot", () => {
  it("is the committed reference data, rebuilt (npm run build:prices)", () => {
    const rebuilt = buildSnapshot(new URL("data/pricing/reference", root).pathname);
    const committed = JSON.parse(readFileSync(new URL("data/pricing/snapshot.json", root), "utf8"));
    assert.deepEqual(committed, rebuilt);
  });

  it("keeps unit, as-of date and source per price, and its own date", () => {
    const snapshot = SnapshotPrices.load();
    assert.equal(snapshot.asOf, "2026-11-27");
    const record = snapshot.get({ cloud: "aws", service: "AmazonEC2", region: "us-east-1", key: "m5.large" });
    assert.deepEqual(record, {
      price: 0.096,
      unit: "Hrs",
      asOf: "2026-07-20",
      source:
        "aws/karpenter-provider-aws@1d927085dd81a9df9301e613f371dac5b4d16bfe:pkg/providers/pricing/zz_generated.pricing_aws.go",
    });
    assert.deepEqual(snapshot.regions("aws", "AmazonEC2"), ["eu-west-1", "us-east-1", "us-west-2"]);
  });
});

describe("usage files", () => {
  it("reads Infracost usage files: addresses, [*] wildcards and type defaults", () => {
    const data = parseUsageFile(
      [
        "version: 0.1",
        "resource_type_default_usage:",
        "  aws_lambda_function:",
        "    monthly_requests: 1000",
        "    request_duration_ms: 100",
        "resource_usage:",
        "  aws_lambda_function.api:",
        "    monthly_requests: 5000000",
        "  aws_instance.web[*]:",
        "    operating_system: windows",
      ].join("\n"),
      "usage.yml",
    );
    const usage = usageSet(data);
    assert.deepEqual(usage.forResource("aws_lambda_function.api", "aws_lambda_function"), {
      monthly_requests: 5000000,
      request_duration_ms: 100,
    });
    assert.deepEqual(usage.forResource("aws_lambda_function.other", "aws_lambda_function"), {
      monthly_requests: 1000,
      request_duration_ms: 100,
    });
    assert.deepEqual(usage.forResource('aws_instance.web["a"]', "aws_instance"), {
      operating_system: "windows",
    });
    assert.deepEqual(usage.forResource("aws_instance.webserver", "aws_instance"), {});
  });

  it("refuses bad usage files with the line", () => {
    const bad = (text: string, pattern: RegExp) =>
      assert.throws(
        () => parseUsageFile(text, "u.yml"),
        (e: Error) => pattern.test(e.message) && e instanceof Error,
      );
    bad("version: 2\nresource_usage: {}\n", /version must be 0\.1/);
    bad("version: 0.1\nresources: {}\n", /Unknown key `resources`/);
    bad("version: 0.1\nresource_usage:\n  aws_sqs_queue.q: 5\n", /must be a mapping/);
    bad("version: 0.1\nresource_usage:\n  aws_sqs_queue.q:\n    monthly_requests: -1\n", /at least 0/);
    bad("- a\n- b\n", /not a usage file/);
    try {
      parseUsageFile(
        "version: 0.1\nresource_usage:\n  aws_sqs_queue.q:\n    monthly_requests: [1]\n",
        "u.yml",
      );
      assert.fail("accepted a list");
    } catch (error) {
      assert.ok(error instanceof InputError);
      assert.equal(error.location?.line, 4);
    }
  });

  it("keeps hostile keys and tags inert", () => {
    assert.throws(() => parseUsageFile("version: 0.1\nresource_usage: !!js/function 'x'\n", "u.yml"), /tag/);
    assert.throws(
      () =>
        parseUsageFile(
          "version: 0.1\nresource_usage:\n  aws_sqs_queue.q:\n    __proto__: { polluted: 1 }\n",
          "u.yml",
        ),
      (e: InputError) => /`__proto__` is not allowed/.test(e.message) && e.location?.line === 4,
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    // Layering copies keys as data, even one named __proto__ that reached a set some other way.
    const hostile = usageSet({ resources: { q: JSON.parse('{"__proto__": {"polluted": 1}}') }, types: {} });
    const values = layerUsage(hostile).forResource("q", "aws_sqs_queue");
    assert.equal(Object.getPrototypeOf(values), Object.prototype);
    assert.equal((values as Record<string, unknown>).polluted, undefined);
  });

  it("lets a --usage file win over plinth.yaml's usage key by key", () => {
    const spec = usageSet({
      resources: { "aws_sqs_queue.q": { monthly_requests: 1, request_size_kb: 128 } },
      types: {},
    });
    const file = usageSet({ resources: { "aws_sqs_queue.q": { monthly_requests: 2 } }, types: {} });
    assert.deepEqual(layerUsage(spec, file).forResource("aws_sqs_queue.q", "aws_sqs_queue"), {
      monthly_requests: 2,
      request_size_kb: 128,
    });
  });

  it("changes the estimate: SQS requests in 64 KB chunks", async () => {
    const report = await price("aws", "us-east-1", [node("aws_sqs_queue.q", {})], {
      "aws_sqs_queue.q": { monthly_requests: 3_000_000, request_size_kb: 100 },
    });
    // 3M requests of 100 KB = 2 chunks each = 6M requests × $0.40 per 1M = $2.40
    assert.equal(report.totalMonthlyCost, 2.4);
  });
});

describe("diff, budgets and currencies", () => {
  it("diffs per resource and checks the budget's cap and increase", async () => {
    const before = await price("aws", "us-east-1", [
      node("aws_instance.a", { instance_type: "t3.micro" }),
      node("aws_eip.gone", {}),
    ]);
    const after = await price("aws", "us-east-1", [
      node("aws_instance.a", { instance_type: "m5.large" }),
      node("aws_nat_gateway.new", {}),
    ]);
    const diff = diffReports(before, after);
    // t3.micro → m5.large: (0.096 − 0.0104) × 730 = +$62.488; NAT +$32.85; EIP −$3.65
    assert.deepEqual(
      diff.resources.map((r) => [r.address, r.change, r.delta]),
      [
        ["aws_instance.a", "changed", 62.488],
        ["aws_nat_gateway.new", "added", 32.85],
        ["aws_eip.gone", "removed", -3.65],
      ],
    );
    assert.equal(diff.delta, 91.688);
    const check = checkBudget(after, { monthly: 100, maxIncreasePercent: 50 }, diff);
    assert.equal(check.ok, false);
    assert.deepEqual(
      check.violations.map((v) => v.kind),
      ["monthly-cap", "max-increase"],
    );
    assert.equal(checkBudget(after, { monthly: 200 }).ok, true);
    assert.deepEqual(checkBudget(after, { maxIncreasePercent: 5 }).unchecked.length, 1);
  });

  it("converts every amount with a rates file and refuses bad rates", async () => {
    const report = await price("aws", "us-east-1", [node("aws_eip.ip", {})]);
    const rates = parseRates({ base: "USD", asOf: "2026-11-27", rates: { EUR: 0.9 } }, "rates.json");
    const eur = convertReport(report, "EUR", rateFor(rates, "EUR"));
    assert.equal(eur.currency, "EUR");
    assert.equal(eur.totalMonthlyCost, 3.285); // $3.65 × 0.9
    assert.equal(eur.resources[0]?.components[0]?.unitPrice, 0.0045);
    assert.throws(() => rateFor(rates, "GBP"), /no rate for GBP/);
    assert.throws(() => rateFor(undefined, "EUR"), /needs exchange rates/);
    assert.throws(() => parseRates({ base: "EUR", asOf: "2026-11-27", rates: {} }, "r.json"), /based on USD/);
    assert.throws(
      () => parseRates({ base: "USD", asOf: "2026-11-27", rates: { EUR: -1 } }, "r.json"),
      /positive number/,
    );
    assert.throws(
      () => parseRates({ base: "USD", asOf: "2026-11-27", rates: { "e'; DROP": 1 } }, "r.json"),
      /not a currency code/,
    );
  });
});

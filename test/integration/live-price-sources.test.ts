// The live price clients over real HTTP against local servers that answer with recorded responses
// (test/fixtures/pricing-api, see its SOURCES.md) and hand-built responses in the same shapes. No price
// API has an emulator; test/live/ has opt-in tests against the real APIs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, describe, it } from "node:test";
import { PricingClient } from "@aws-sdk/client-pricing";
import { LayeredPrices } from "../../src/cost/prices/layered-prices.ts";
import { AwsPriceList } from "../../src/cost/prices/live/aws-price-list.ts";
import { AzureRetailPrices } from "../../src/cost/prices/live/azure-retail-prices.ts";
import { GcpBillingCatalog } from "../../src/cost/prices/live/gcp-billing-catalog.ts";
import { type PriceKey, priceKeyId } from "../../src/cost/prices/price.ts";
import { PriceSourceError } from "../../src/cost/prices/price-source-error.ts";
import { SnapshotPrices } from "../../src/cost/prices/snapshot.ts";
import { type RecordedServer, recordedServer, sendJson } from "../helpers/http-server.ts";

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/pricing-api/${name}`, import.meta.url), "utf8"));
const servers: RecordedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));
const noSleep = async () => {};

function pricingClient(endpoint: string, maxAttempts = 1) {
  return new PricingClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    maxAttempts,
  });
}

describe("AWS Price List API (recorded GetProducts response)", () => {
  const io1: PriceKey = { cloud: "aws", service: "AmazonEBS", region: "ca-central-1", key: "io1" };

  it("sends a SigV4-signed GetProducts with TERM_MATCH filters and reads the on-demand price", async () => {
    const sample = fixture("aws-pricing-getproducts.sample.json");
    const server = await recordedServer((_req, res) => sendJson(res, 200, sample.response));
    servers.push(server);
    const found = await new AwsPriceList(pricingClient(server.url), {
      now: () => Date.parse("2026-11-27"),
    }).resolve([io1]);
    const request = server.requests[0];
    assert.equal(request?.headers["x-amz-target"], "AWSPriceListService.GetProducts");
    assert.match(
      String(request?.headers.authorization),
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/pricing\/aws4_request/,
    );
    const body = JSON.parse(request?.body ?? "{}");
    assert.equal(body.ServiceCode, "AmazonEC2");
    assert.deepEqual(
      body.Filters.map((f: { Field: string; Value: string }) => `${f.Field}=${f.Value}`).sort(),
      ["productFamily=Storage", "regionCode=ca-central-1", "volumeApiName=io1"],
    );
    // the recorded product: "$0.138 per GB-month of Provisioned IOPS SSD (io1) ... Canada (Central)"
    assert.deepEqual(found.get(priceKeyId(io1)), {
      price: 0.138,
      unit: "GB-Mo",
      asOf: "2017-09-01",
      source: "AWS Price List API (AmazonEC2)",
    });
  });

  it("retries throttling and explains rejected credentials in one sentence", async () => {
    const sample = fixture("aws-pricing-getproducts.sample.json");
    const throttled = await recordedServer((_req, res, i) =>
      i === 0
        ? sendJson(res, 400, { __type: "ThrottlingException", message: "Rate exceeded" })
        : sendJson(res, 200, sample.response),
    );
    servers.push(throttled);
    const found = await new AwsPriceList(pricingClient(throttled.url, 3)).resolve([io1]);
    assert.equal(found.get(priceKeyId(io1))?.price, 0.138);
    assert.equal(throttled.requests.length, 2);

    const denied = await recordedServer((_req, res) =>
      sendJson(res, 400, {
        __type: "UnrecognizedClientException",
        message: "The security token included in the request is invalid.",
      }),
    );
    servers.push(denied);
    await assert.rejects(new AwsPriceList(pricingClient(denied.url, 3)).resolve([io1]), (error: unknown) => {
      assert.ok(error instanceof PriceSourceError);
      assert.equal(error.retryable, false);
      assert.match(
        error.message,
        /AWS rejected the credentials for the Price List API \(UnrecognizedClientException\)/,
      );
      return true;
    });
    assert.equal(denied.requests.length, 1, "credential errors are not retried");
  });

  it("leaves keys it cannot query to the snapshot", async () => {
    const server = await recordedServer((_req, res) =>
      sendJson(res, 200, { FormatVersion: "aws_v1", PriceList: [] }),
    );
    servers.push(server);
    const snapshot = SnapshotPrices.load();
    const eip: PriceKey = {
      cloud: "aws",
      service: "AmazonVPC-PublicIPv4",
      region: "us-east-1",
      key: "public-ipv4-in-use",
    };
    const layered = new LayeredPrices([new AwsPriceList(pricingClient(server.url)), snapshot], "2026-11-27");
    const found = await layered.resolve([eip]);
    assert.equal(server.requests.length, 0);
    assert.equal(found.get(priceKeyId(eip))?.price, 0.005);
    assert.equal(layered.name, "AWS Price List API, then snapshot");
  });
});

describe("Azure Retail Prices API (recorded items, hand-built pages)", () => {
  const b2s: PriceKey = {
    cloud: "azure",
    service: "VirtualMachines",
    region: "westeurope",
    key: "Standard_B2s",
  };
  const linuxItem = {
    currencyCode: "USD",
    retailPrice: 0.0456,
    unitPrice: 0.0456,
    armRegionName: "westeurope",
    effectiveStartDate: "2026-01-01T00:00:00Z",
    meterName: "B2s",
    productName: "Virtual Machines BS Series",
    skuName: "B2s",
    serviceName: "Virtual Machines",
    unitOfMeasure: "1 Hour",
    type: "Consumption",
    armSkuName: "Standard_B2s",
  };

  it("filters with OData, skips Windows and Spot items and follows NextPageLink on its host", async () => {
    const recorded = fixture("azure-retail-prices.sample.json");
    const server: RecordedServer = await recordedServer((req, res, i) => {
      if (i === 0)
        sendJson(res, 200, { ...recorded, NextPageLink: `${server.url}/api/retail/prices?page=2` });
      else sendJson(res, 200, { ...recorded, Items: [linuxItem], NextPageLink: null });
      void req;
    });
    servers.push(server);
    const source = new AzureRetailPrices({ baseUrl: `${server.url}/api/retail/prices`, sleep: noSleep });
    const found = await source.resolve([b2s]);
    const filter = new URL(server.requests[0]?.url ?? "", server.url).searchParams.get("$filter");
    assert.equal(
      filter,
      "serviceName eq 'Virtual Machines' and armSkuName eq 'Standard_B2s' and armRegionName eq 'westeurope' and priceType eq 'Consumption'",
    );
    assert.deepEqual(found.get(priceKeyId(b2s)), {
      price: 0.0456,
      unit: "1 Hour",
      asOf: "2026-01-01",
      source: "Azure Retail Prices API",
    });
    assert.equal(server.requests.length, 2);
  });

  it("doubles quotes so a key cannot change the filter, and never follows a link to another host", async () => {
    const server = await recordedServer((_req, res) =>
      sendJson(res, 200, { Items: [], NextPageLink: "http://169.254.169.254/latest" }),
    );
    servers.push(server);
    const hostile: PriceKey = { ...b2s, key: "x' or serviceName eq 'Storage" };
    await new AzureRetailPrices({ baseUrl: `${server.url}/api/retail/prices`, sleep: noSleep }).resolve([
      hostile,
    ]);
    const filter = new URL(server.requests[0]?.url ?? "", server.url).searchParams.get("$filter");
    assert.match(filter ?? "", /armSkuName eq 'x'' or serviceName eq ''Storage'/);
    assert.equal(server.requests.length, 1);
  });

  it("retries 429 with Retry-After and fails clearly on other errors", async () => {
    const server = await recordedServer((_req, res, i) =>
      i === 0
        ? sendJson(res, 429, { error: "slow down" }, { "retry-after": "1" })
        : sendJson(res, 200, { Items: [linuxItem], NextPageLink: null }),
    );
    servers.push(server);
    const waits: number[] = [];
    const found = await new AzureRetailPrices({
      baseUrl: `${server.url}/p`,
      sleep: async (ms) => void waits.push(ms),
    }).resolve([b2s]);
    assert.equal(found.size, 1);
    assert.deepEqual(waits, [1000]);

    const broken = await recordedServer((_req, res) => sendJson(res, 400, { error: "bad filter" }));
    servers.push(broken);
    await assert.rejects(
      new AzureRetailPrices({ baseUrl: `${broken.url}/p`, sleep: noSleep }).resolve([b2s]),
      /Azure Retail Prices API answered HTTP 400/,
    );
  });
});

describe("Cloud Billing Catalog API (recorded SKUs, hand-built E2 SKUs)", () => {
  const sku = (description: string, region: string, nanos: number, unit: string) => ({
    skuId: description,
    description,
    category: { serviceDisplayName: "Compute Engine", resourceFamily: "Compute", usageType: "OnDemand" },
    serviceRegions: [region],
    pricingInfo: [
      {
        pricingExpression: {
          usageUnit: unit,
          tieredRates: [{ startUsageAmount: 0, unitPrice: { currencyCode: "USD", units: "0", nanos } }],
        },
      },
    ],
  });

  it("pages through SKUs with the API key and prices disks and predefined machine types", async () => {
    const recorded = fixture("gcp-cloudbilling-v1-services-skus-list.sample.json");
    const server = await recordedServer((req, res) => {
      const page = new URL(req.url, "http://x").searchParams.get("pageToken");
      if (!page) sendJson(res, 200, { skus: recorded.skus, nextPageToken: "two" });
      else
        sendJson(res, 200, {
          skus: [
            sku("E2 Instance Core running in Americas", "us-central1", 21811590, "h"),
            sku("E2 Instance Ram running in Americas", "us-central1", 2923530, "GiBy.h"),
          ],
          nextPageToken: "",
        });
    });
    servers.push(server);
    const disk: PriceKey = {
      cloud: "gcp",
      service: "ComputeEngine-Disk",
      region: "us-west2",
      key: "pd-standard",
    };
    const e2: PriceKey = {
      cloud: "gcp",
      service: "ComputeEngine",
      region: "us-central1",
      key: "e2-standard-2",
    };
    const found = await new GcpBillingCatalog("the-key", {
      baseUrl: `${server.url}/skus`,
      sleep: noSleep,
    }).resolve([disk, e2]);
    assert.equal(new URL(server.requests[0]?.url ?? "", server.url).searchParams.get("key"), "the-key");
    // recorded: "Storage PD Capacity in Los Angeles" (us-west2) 96,000,000 nanos = $0.096 per GB-month
    assert.equal(found.get(priceKeyId(disk))?.price, 0.096);
    // e2-standard-2 = 2 vCPUs × $0.02181159 + 8 GB × $0.00292353 = $0.06701142
    assert.ok(Math.abs((found.get(priceKeyId(e2))?.price ?? 0) - 0.06701142) < 1e-12);
    assert.equal(server.requests.length, 2);
  });

  it("says when Google rejects the API key", async () => {
    const server = await recordedServer((_req, res) =>
      sendJson(res, 403, { error: { code: 403, message: "API key not valid" } }),
    );
    servers.push(server);
    const disk: PriceKey = {
      cloud: "gcp",
      service: "ComputeEngine-Disk",
      region: "us-west2",
      key: "pd-standard",
    };
    await assert.rejects(
      new GcpBillingCatalog("bad", { baseUrl: `${server.url}/skus`, sleep: noSleep }).resolve([disk]),
      /Cloud Billing Catalog API rejected the credentials/,
    );
  });
});

describe("plinth cost --prices live (recorded AWS answers)", () => {
  it("prices from the API where it answers, the snapshot elsewhere, and caches for the next run", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { runCli } = await import("../helpers/cli.ts");
    // A hand-built GetProducts answer in the recorded shape: $0.5/h for whatever EC2 instance is asked.
    const product = {
      product: { sku: "HANDBUILT" },
      terms: {
        OnDemand: {
          "HANDBUILT.JRTCKXETXF": {
            priceDimensions: {
              "HANDBUILT.JRTCKXETXF.6YS6EN2CT7": {
                unit: "Hrs",
                beginRange: "0",
                pricePerUnit: { USD: "0.5000000000" },
              },
            },
          },
        },
      },
      publicationDate: "2026-11-01T00:00:00Z",
    };
    const server = await recordedServer((req, res) => {
      const body = JSON.parse(req.body);
      const ec2Instance =
        body.Filters.some((f: { Field: string }) => f.Field === "instanceType") &&
        body.ServiceCode === "AmazonEC2";
      sendJson(res, 200, {
        FormatVersion: "aws_v1",
        PriceList: ec2Instance ? [JSON.stringify(product)] : [],
      });
    });
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), "plinth-live-"));
    writeFileSync(
      join(dir, "plinth.yaml"),
      "apiVersion: plinth/v1\napp: shop\ncloud: aws\ncomponents:\n  net: { type: network, cidr: 10.0.0.0/16 }\n  web:\n    type: vm\n    network: ${net}\n",
    );
    process.env.AWS_ACCESS_KEY_ID ??= "testing";
    process.env.AWS_SECRET_ACCESS_KEY ??= "testing";
    const env = { PLINTH_PRICING_ENDPOINT: server.url, XDG_CACHE_HOME: join(dir, "cache"), HOME: dir };
    const first = await runCli(["cost", "--prices", "live", "--json"], { cwd: dir, env });
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout);
    const web = report.resources.find((r: { address: string }) => r.address === "aws_instance.web");
    assert.equal(web.components[0].unitPrice, 0.5);
    assert.equal(web.components[0].monthlyCost, 365); // 730 h × $0.50 from the API
    assert.equal(
      web.subresources[0].components[0].unitPrice,
      0.08,
      "gp3 from the snapshot: the API had no answer",
    );
    assert.match(report.prices, /AWS Price List API \(cached\).*snapshot/);
    const asked = server.requests.length;
    const second = await runCli(["cost", "--prices", "live", "--json"], { cwd: dir, env });
    assert.equal(JSON.parse(second.stdout).totalMonthlyCost, report.totalMonthlyCost);
    assert.ok(server.requests.length - asked < asked, "the instance price came from the cache");
  });
});

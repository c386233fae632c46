// Opt-in tests against the real price APIs (`npm run test:live`); never part of `npm test`, which
// reaches no network. Each runs when its credentials are present and says which are missing otherwise.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PricingClient } from "@aws-sdk/client-pricing";
import { AwsPriceList } from "../../src/cost/prices/live/aws-price-list.ts";
import { AzureRetailPrices } from "../../src/cost/prices/live/azure-retail-prices.ts";
import { GcpBillingCatalog } from "../../src/cost/prices/live/gcp-billing-catalog.ts";
import { type PriceKey, priceKeyId } from "../../src/cost/prices/price.ts";

const hasAws = Boolean(process.env.AWS_PROFILE || process.env.AWS_ACCESS_KEY_ID);

test("AWS Price List API prices m5.large in us-east-1", {
  skip: !hasAws && "set AWS_PROFILE or AWS_ACCESS_KEY_ID",
}, async () => {
  const key: PriceKey = { cloud: "aws", service: "AmazonEC2", region: "us-east-1", key: "m5.large" };
  const found = await new AwsPriceList(new PricingClient({ region: "us-east-1" })).resolve([key]);
  const price = found.get(priceKeyId(key))?.price ?? 0;
  assert.ok(price > 0.05 && price < 0.2, String(price));
});

test("Azure Retail Prices API prices Standard_B2s in westeurope", {
  skip: !process.env.PLINTH_LIVE_AZURE && "set PLINTH_LIVE_AZURE=1 (public API, needs the internet)",
}, async () => {
  const key: PriceKey = {
    cloud: "azure",
    service: "VirtualMachines",
    region: "westeurope",
    key: "Standard_B2s",
  };
  const found = await new AzureRetailPrices().resolve([key]);
  assert.ok((found.get(priceKeyId(key))?.price ?? 0) > 0);
});

test("Cloud Billing Catalog prices pd-standard in us-central1", {
  skip: !process.env.PLINTH_GCP_PRICING_API_KEY && "set PLINTH_GCP_PRICING_API_KEY",
}, async () => {
  const key: PriceKey = {
    cloud: "gcp",
    service: "ComputeEngine-Disk",
    region: "us-central1",
    key: "pd-standard",
  };
  const found = await new GcpBillingCatalog(process.env.PLINTH_GCP_PRICING_API_KEY as string).resolve([key]);
  assert.ok((found.get(priceKeyId(key))?.price ?? 0) > 0);
});

// The wider GCP and Azure price coverage through the existing modules: N1 and more regions, Cloud SQL,
// Cloud Run, multi-region buckets; Azure VMs in more regions and sizes, Windows VMs, northeurope disks
// and blob. Prices are the records in data/pricing/reference (gcp-compute.json, gcp-supplement.json,
// azure-vms.json, azure-storage.json), written out in each test with the arithmetic.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { line, money, node, price, resource } from "../../helpers/cost.ts";

describe("GCP", () => {
  it("prices N1 with sustained use discounts in us-east1, E2 in europe-west4", async () => {
    const report = await price("gcp", "us-central1", [
      node("google_compute_instance.n1", { machine_type: "n1-standard-2", zone: "us-east1-b" }),
      node("google_compute_instance.e2", {
        machine_type: "e2-small",
        zone: "europe-west4-a",
        boot_disk: [{ initialize_params: [{ size: 20, type: "pd-balanced" }] }],
      }),
    ]);
    const n1 = resource(report, "google_compute_instance.n1");
    // $0.0949995/h; 182.5 h at 100%, 80%, 60%, 40% = 182.5 × 0.0949995 × 2.8 = $48.5447…
    const quarters = n1.components.filter((c) => c.name.startsWith("Instance usage"));
    assert.equal(quarters.length, 4);
    const total = quarters.reduce((s, c) => s + (c.monthlyCost ?? 0), 0);
    assert.ok(Math.abs(total - 182.5 * 0.0949995 * 2.8) < 1e-5, String(total));
    // pd-standard boot disk 10 GB × $0.04 = $0.40
    assert.equal(line(n1, "Boot disk").monthlyCost, 0.4);
    const e2 = resource(report, "google_compute_instance.e2");
    // $0.01844301 × 730; pd-balanced europe-west4 20 GB × $0.11 = $2.20
    assert.equal(line(e2, "Instance usage").monthlyCost, money(0.01844301 * 730));
    assert.equal(line(e2, "Boot disk").monthlyCost, 2.2);
    assert.equal(report.missingPrices, 0);
  });

  it("prices Cloud SQL vCPUs and memory, twice the zonal rates for a REGIONAL instance", async () => {
    const report = await price("gcp", "us-central1", [
      node("google_sql_database_instance.zonal", {
        database_version: "POSTGRES_16",
        region: "us-central1",
        settings: [{ tier: "db-custom-2-7680" }],
      }),
      node("google_sql_database_instance.ha", {
        database_version: "MYSQL_8_0",
        region: "us-central1",
        settings: [{ tier: "db-custom-4-15360", availability_type: "REGIONAL" }],
      }),
    ]);
    const zonal = resource(report, "google_sql_database_instance.zonal");
    // 2 vCPUs × 730 × $0.0413 = $60.298; 7.5 GB × 730 × $0.007 = $38.325
    assert.equal(line(zonal, "vCPUs").monthlyCost, 60.298);
    assert.equal(line(zonal, "Memory").monthlyCost, 38.325);
    const ha = resource(report, "google_sql_database_instance.ha");
    // primary and standby: 2 × 4 vCPUs × 730 × $0.0413 = $241.192; 2 × 15 GB × 730 × $0.007 = $153.30
    assert.equal(line(ha, "vCPUs").monthlyCost, 241.192);
    assert.equal(line(ha, "Memory").monthlyCost, 153.3);
    // storage has no sourced price: said on the line, left out of the total
    assert.match(line(ha, "Storage").note ?? "", /no list price/);
  });

  it("prices Cloud Run CPU, memory and requests from usage", async () => {
    const report = await price(
      "gcp",
      "us-central1",
      [node("google_cloud_run_v2_service.api", { location: "us-central1" })],
      {
        "google_cloud_run_v2_service.api": {
          monthly_vcpu_seconds: 1_000_000,
          monthly_gib_seconds: 2_000_000,
          monthly_requests: 5_000_000,
        },
      },
    );
    const api = resource(report, "google_cloud_run_v2_service.api");
    // 1M vCPU-s × $0.000024 = $24; 2M GiB-s × $0.0000025 = $5; 5M requests × $0.40 per 1M = $2
    assert.equal(line(api, "CPU").monthlyCost, 24);
    assert.equal(line(api, "Memory").monthlyCost, 5);
    assert.equal(line(api, "Requests").monthlyCost, 2);
    assert.equal(api.monthlyCost, 31);
  });

  it("prices a bucket in the EU multi-region", async () => {
    const report = await price("gcp", "us-central1", [node("google_storage_bucket.b", { location: "EU" })], {
      "google_storage_bucket.b": { storage_gb: 1000 },
    });
    // 1,000 GB × $0.026 (Standard, EU multi-region)
    assert.equal(line(resource(report, "google_storage_bucket.b"), "Storage (standard)").monthlyCost, 26);
  });
});

describe("Azure", () => {
  it("prices VMs and disks in northeurope and more sizes in eastus", async () => {
    const report = await price("azure", "eastus", [
      node("azurerm_linux_virtual_machine.ne", {
        size: "Standard_B2s",
        location: "North Europe",
        os_disk: [{ storage_account_type: "Premium_LRS", disk_size_gb: 64 }],
      }),
      node("azurerm_linux_virtual_machine.us", {
        size: "Standard_D2s_v3",
        location: "eastus",
        os_disk: [{ storage_account_type: "Premium_LRS", disk_size_gb: 100 }],
      }),
    ]);
    const ne = resource(report, "azurerm_linux_virtual_machine.ne");
    // $0.045 × 730 = $32.85; 64 GB Premium → P6 at $10.207 a month
    assert.equal(line(ne, "Instance usage").monthlyCost, 32.85);
    assert.equal(line(ne, "OS disk (P6 LRS").monthlyCost, 10.207);
    // Standard_D2s_v3 eastus $0.096 × 730 = $70.08 (eastus disks have no sourced price)
    const us = resource(report, "azurerm_linux_virtual_machine.us");
    assert.equal(line(us, "Instance usage").monthlyCost, 70.08);
    assert.match(line(us, "OS disk").note ?? "", /no list price for ManagedDisks P10_LRS in eastus/);
  });

  it("prices a Windows VM at its licensed price", async () => {
    const report = await price("azure", "westeurope", [
      node("azurerm_windows_virtual_machine.win", {
        size: "Standard_D2s_v3",
        location: "westeurope",
        os_disk: [{ storage_account_type: "Standard_LRS" }],
      }),
    ]);
    const win = resource(report, "azurerm_windows_virtual_machine.win");
    // Windows $0.212 × 730 = $154.76; the image's 127 GB Standard HDD → S10 at $5.888
    assert.equal(line(win, "Instance usage (Windows").monthlyCost, 154.76);
    assert.equal(line(win, "OS disk (S10 LRS").monthlyCost, 5.888);
  });

  it("prices blob storage in northeurope", async () => {
    const report = await price(
      "azure",
      "northeurope",
      [node("azurerm_storage_account.sa", { account_replication_type: "LRS", location: "northeurope" })],
      { "azurerm_storage_account.sa": { storage_gb: 1000 } },
    );
    // 1,000 GB × $0.02024 (Hot LRS)
    assert.equal(line(resource(report, "azurerm_storage_account.sa"), "Capacity").monthlyCost, 20.24);
  });
});

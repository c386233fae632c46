// GCP and Azure cost modules against hand-computed expectations from the snapshot's list prices
// (data/pricing/reference/gcp.json, azure.json).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Ref } from "../../../src/model/value.ts";
import { line, money, node, price, resource } from "../../helpers/cost.ts";

describe("GCP", () => {
  it("applies N2 sustained use discounts per quarter of the month; E2 has none", async () => {
    const report = await price("gcp", "us-central1", [
      node("google_compute_instance.n2", { machine_type: "n2-standard-2", zone: "us-central1-a" }),
      node("google_compute_instance.e2", {
        machine_type: "e2-medium",
        zone: "us-central1-b",
        boot_disk: [{ initialize_params: [{ size: 20, type: "pd-balanced" }] }],
      }),
    ]);
    const n2 = resource(report, "google_compute_instance.n2");
    // $0.097118/h; 182.5 h at 100%, 86.78%, 73.3%, 60% = 182.5 × 0.097118 × 3.2008 = $56.7315…
    const quarters = n2.components.filter((c) => c.name.startsWith("Instance usage"));
    assert.equal(quarters.length, 4);
    const total = quarters.reduce((s, c) => s + (c.monthlyCost ?? 0), 0);
    assert.ok(Math.abs(total - 182.5 * 0.097118 * (1 + 0.8678 + 0.733 + 0.6)) < 1e-5, String(total));
    assert.equal(quarters[3]?.unitPrice, 0.0582708); // $0.097118 × 60%
    // boot disk default pd-standard 10 GB × $0.04 = $0.40
    assert.equal(line(n2, "Boot disk (pd-standard)").monthlyCost, 0.4);
    const e2 = resource(report, "google_compute_instance.e2");
    // $0.03350571 × 730 = $24.459168; pd-balanced 20 GB × $0.10 = $2
    assert.equal(line(e2, "Instance usage").monthlyCost, money(0.03350571 * 730));
    assert.equal(line(e2, "Boot disk (pd-balanced)").monthlyCost, 2);
    assert.equal(n2.region, "us-central1");
  });

  it("prices regional disks, an unused static IP and Cloud NAT per assigned VM", async () => {
    const report = await price(
      "gcp",
      "europe-west1",
      [
        node("google_compute_region_disk.d", { size: 100, type: "pd-ssd", region: "europe-west1" }),
        node("google_compute_address.ip", { region: "europe-west1" }),
        node("google_compute_router_nat.nat", { region: "europe-west1" }),
      ],
      { "google_compute_router_nat.nat": { assigned_vms: 4, monthly_data_processed_gb: 10 } },
    );
    assert.equal(resource(report, "google_compute_region_disk.d").monthlyCost, 34); // 100 × $0.34
    assert.equal(resource(report, "google_compute_address.ip").monthlyCost, 7.3); // 730 × $0.01 (unused)
    const nat = resource(report, "google_compute_router_nat.nat");
    // 4 VMs × 730 h × ($0.0448 / 32) = $4.088; 10 GB × $0.045 = $0.45
    assert.equal(line(nat, "NAT gateway uptime").monthlyCost, 4.088);
    assert.equal(line(nat, "Data processed").monthlyCost, 0.45);
  });

  it("counts a static IP used by a VM at the in-use price", async () => {
    const report = await price("gcp", "us-central1", [
      node("google_compute_address.ip", { region: "us-central1" }),
      node("google_compute_instance.vm", {
        machine_type: "e2-medium",
        zone: "us-central1-a",
        network_interface: [
          { access_config: [{ nat_ip: new Ref("google_compute_address.ip", ["address"]) }] },
        ],
      }),
    ]);
    assert.equal(resource(report, "google_compute_address.ip").monthlyCost, 3.65); // 730 × $0.005
  });

  it("prices a GKE node pool across the regional cluster's three zones", async () => {
    const report = await price("gcp", "us-central1", [
      node("google_container_cluster.c", {
        location: "us-central1",
        remove_default_node_pool: true,
        initial_node_count: 1,
      }),
      node("google_container_node_pool.p", {
        cluster: new Ref("google_container_cluster.c", ["name"]),
        node_count: 1,
        node_config: [{ machine_type: "e2-medium", disk_size_gb: 50 }],
      }),
    ]);
    const pool = resource(report, "google_container_node_pool.p");
    // 3 nodes × 730 × $0.03350571; 3 × 50 GB pd-balanced × $0.10 = $15
    assert.equal(line(pool, "Nodes").monthlyCost, money(3 * 730 * 0.03350571));
    assert.equal(line(pool, "Node boot disks").monthlyCost, 15);
    // the management fee has no price in the snapshot: said, not zero
    assert.match(
      line(resource(report, "google_container_cluster.c"), "Cluster management fee").note ?? "",
      /no list price/,
    );
  });
});

describe("Azure", () => {
  it("prices a Linux VM and its OS disk tier, region from the resource group", async () => {
    const report = await price("azure", "eastus", [
      node("azurerm_resource_group.rg", { location: "West Europe" }),
      node("azurerm_linux_virtual_machine.vm", {
        size: "Standard_D2s_v5",
        location: new Ref("azurerm_resource_group.rg", ["location"]),
        os_disk: [{ storage_account_type: "Premium_LRS", caching: "ReadWrite", disk_size_gb: 100 }],
      }),
    ]);
    const vm = resource(report, "azurerm_linux_virtual_machine.vm");
    assert.equal(vm.region, "westeurope");
    // $0.115 × 730 = $83.95; 100 GB Premium → P10 at $21.68 a month
    assert.equal(line(vm, "Instance usage").monthlyCost, 83.95);
    assert.equal(line(vm, "OS disk (P10 LRS").monthlyCost, 21.68);
    assert.deepEqual(
      report.free.map((f) => f.type),
      ["azurerm_resource_group"],
    );
  });

  it("bills managed disks at the smallest tier they fit, and storage accounts from usage", async () => {
    const report = await price(
      "azure",
      "westeurope",
      [
        node("azurerm_managed_disk.ssd", {
          storage_account_type: "StandardSSD_LRS",
          disk_size_gb: 30,
          location: "westeurope",
        }),
        node("azurerm_managed_disk.hdd", {
          storage_account_type: "Standard_LRS",
          disk_size_gb: 8,
          location: "westeurope",
        }),
        node("azurerm_storage_account.sa", {
          account_tier: "Standard",
          account_replication_type: "LRS",
          location: "westeurope",
        }),
      ],
      { "azurerm_storage_account.sa": { storage_gb: 1000, monthly_write_operations: 100_000 } },
    );
    assert.equal(resource(report, "azurerm_managed_disk.ssd").monthlyCost, 2.4); // 30 GB → E4 $2.40
    assert.equal(line(resource(report, "azurerm_managed_disk.hdd"), "Disk (S4").monthlyCost, 1.536); // 8 GB → S4
    const sa = resource(report, "azurerm_storage_account.sa");
    // 1,000 GB × $0.018032 = $18.032; 100,000 writes = 10 × $0.054 = $0.54
    assert.equal(line(sa, "Capacity").monthlyCost, 18.032);
    assert.equal(line(sa, "Write operations").monthlyCost, 0.54);
  });

  it("prices an AKS default node pool's VMs and leaves the Free tier's control plane free", async () => {
    const report = await price("azure", "eastus", [
      node("azurerm_kubernetes_cluster.k", {
        location: "eastus",
        default_node_pool: [
          { name: "default", vm_size: "Standard_B2s", node_count: 2, os_disk_type: "Ephemeral" },
        ],
      }),
    ]);
    const aks = resource(report, "azurerm_kubernetes_cluster.k");
    // 2 × 730 × $0.0416 = $60.736
    assert.equal(aks.monthlyCost, 60.736);
    assert.equal(aks.components.length, 0);
  });

  it("counts Standard load balancer rules from the rules that refer to it", async () => {
    const report = await price("azure", "eastus", [
      node("azurerm_lb.lb", { sku: "Standard", location: "eastus" }),
      ...[1, 2, 3, 4, 5, 6, 7].map((i) =>
        node(`azurerm_lb_rule.r${i}`, { loadbalancer_id: new Ref("azurerm_lb.lb", ["id"]) }),
      ),
    ]);
    const additional = line(resource(report, "azurerm_lb.lb"), "Additional rules");
    assert.equal(additional.monthlyQuantity, 2 * 730);
  });
});

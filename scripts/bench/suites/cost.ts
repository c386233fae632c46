import { fileURLToPath } from "node:url";
import { estimateCost } from "../../../src/cost/estimate.ts";
import { SnapshotPrices } from "../../../src/cost/prices/snapshot.ts";
import type { ResourceGraph, ResourceNode } from "../../../src/model/graph.ts";
import { Ref } from "../../../src/model/value.ts";
import { type BenchSuite, median, percentile, timeCommand } from "../measure.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** A mix of Terraform-shaped resources, as ingested code yields them: 10 per group. */
function resources(count: number): ResourceNode[] {
  const nodes: ResourceNode[] = [];
  const add = (address: string, properties: ResourceNode["properties"]) => {
    const [type = "", name = ""] = address.split(".");
    nodes.push({ address, type, name, properties, dependsOn: [], sensitive: [] });
  };
  for (let i = 0; nodes.length < count; i++) {
    add(`aws_instance.web_${i}`, {
      instance_type: i % 2 ? "m5.large" : "t3.micro",
      root_block_device: [{ volume_type: "gp3", volume_size: 30 }],
    });
    add(`aws_ebs_volume.data_${i}`, { size: 100, type: "gp3", iops: 4000 });
    add(`aws_db_instance.db_${i}`, {
      engine: "postgres",
      instance_class: "db.t3.micro",
      allocated_storage: 20,
      multi_az: i % 3 === 0,
    });
    add(`aws_eip.nat_${i}`, { domain: "vpc" });
    add(`aws_nat_gateway.nat_${i}`, { allocation_id: new Ref(`aws_eip.nat_${i}`, ["id"]) });
    add(`aws_s3_bucket.assets_${i}`, {});
    add(`aws_lambda_function.api_${i}`, { memory_size: 512 });
    add(`aws_dynamodb_table.t_${i}`, { billing_mode: "PAY_PER_REQUEST" });
    add(`aws_lb.web_${i}`, { load_balancer_type: "application" });
    add(`aws_iam_role.r_${i}`, {});
  }
  return nodes.slice(0, count);
}

/** 10,000 resources priced offline in-process (target < 0.5 s), and `plinth cost` as a fresh process. */
export const cost: BenchSuite = {
  title: "Cost estimation (offline prices)",
  run: async () => {
    const rows = [];
    const graph: ResourceGraph = {
      app: "bench",
      env: "bench",
      cloud: "aws",
      region: "us-east-1",
      nodes: resources(10_000),
      variables: [],
      outputs: [],
    };
    const loads: number[] = [];
    const estimates: number[] = [];
    let total = 0;
    for (let run = 0; run < 12; run++) {
      const started = performance.now();
      const prices = SnapshotPrices.load();
      const loaded = performance.now();
      total = (await estimateCost([graph], { prices })).totalMonthlyCost;
      const done = performance.now();
      if (run >= 2) {
        loads.push(loaded - started);
        estimates.push(done - started);
      }
    }
    rows.push({
      name: "load the bundled price snapshot",
      ms: median(loads),
      p95: percentile(loads, 95),
    });
    const ms = median(estimates);
    rows.push({
      name: `10,000 resources → $${Math.round(total).toLocaleString("en-US")}/mo`,
      ms,
      p95: percentile(estimates, 95),
      note: `target < 500 ms: ${ms < 500 ? "met" : "MISSED"}`,
    });
    const cli = timeCommand(
      process.execPath,
      [`${root}bin/plinth.js`, "cost", "-f", "examples/shop/plinth.yaml", "--json"],
      10,
      2,
      root,
    );
    rows.push({
      name: "plinth cost -f examples/shop/plinth.yaml --json (fresh process)",
      ms: median(cli),
      p95: percentile(cli, 95),
    });
    return rows;
  },
};

// The wider AWS price coverage: more EC2 families and regions, CPU credits, RDS engines, Aurora and
// ElastiCache, priced through the existing modules. Prices are the records in data/pricing/reference
// (aws-ec2.json, aws-databases.json, aws-regions.json, aws-services.json, aws-supplement.json),
// written out in each test with the arithmetic.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Ref } from "../../../src/model/value.ts";
import { line, money, node, price, resource } from "../../helpers/cost.ts";

describe("EC2 families and regions", () => {
  it("prices T2, T3a and Graviton types in the added regions", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_instance.legacy", { instance_type: "t2.micro" }),
      node("aws_instance.fra", { instance_type: "m5.large" }, { region: "eu-central-1" }),
      node("aws_instance.sin", { instance_type: "t3a.medium" }, { region: "ap-southeast-1" }),
      node("aws_instance.ohio", { instance_type: "c7g.xlarge" }, { region: "us-east-2" }),
    ]);
    // t2.micro us-east-1 $0.0116 × 730 = $8.468
    assert.equal(line(resource(report, "aws_instance.legacy"), "Instance usage").monthlyCost, 8.468);
    // m5.large eu-central-1 $0.115 × 730 = $83.95
    assert.equal(line(resource(report, "aws_instance.fra"), "Instance usage").monthlyCost, 83.95);
    // t3a.medium ap-southeast-1 $0.0472 × 730 = $34.456
    assert.equal(line(resource(report, "aws_instance.sin"), "Instance usage").monthlyCost, 34.456);
    // c7g.xlarge us-east-2 $0.1445 × 730 = $105.485
    assert.equal(line(resource(report, "aws_instance.ohio"), "Instance usage").monthlyCost, 105.485);
    // the one line without a price: T3a surplus CPU credits, for which no AWS source was found
    assert.equal(report.missingPrices, 1);
    assert.match(line(resource(report, "aws_instance.sin"), "CPU credits").note ?? "", /cpu-credits-t3a/);
  });

  it("prices T3 surplus CPU credits per vCPU-hour", async () => {
    const report = await price(
      "aws",
      "us-east-1",
      [node("aws_instance.burst", { instance_type: "t3.large" })],
      {
        "aws_instance.burst": { monthly_cpu_credit_hrs: 100 },
      },
    );
    // 100 credit hours × 2 vCPUs = 200 vCPU-hours × $0.05 = $10
    const credits = line(resource(report, "aws_instance.burst"), "CPU credits");
    assert.equal(credits.monthlyQuantity, 200);
    assert.equal(credits.monthlyCost, 10);
  });

  it("prices NAT gateways, EKS and Fargate in the added regions", async () => {
    const report = await price(
      "aws",
      "eu-central-1",
      [node("aws_nat_gateway.main", {}), node("aws_eks_cluster.k", { name: "k" }, { region: "eu-west-1" })],
      { "aws_nat_gateway.main": { monthly_data_processed_gb: 10 } },
    );
    // eu-central-1: $0.052/h × 730 = $37.96; 10 GB × $0.052 = $0.52
    assert.equal(resource(report, "aws_nat_gateway.main").monthlyCost, money(37.96 + 0.52));
    // EKS eu-west-1 $0.10/h × 730 = $73
    assert.equal(resource(report, "aws_eks_cluster.k").monthlyCost, 73);
  });
});

describe("RDS engines", () => {
  it("prices MariaDB and SQL Server Express instances with storage in eu-central-1", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_db_instance.maria", {
        engine: "mariadb",
        instance_class: "db.t3.micro",
        allocated_storage: 20,
      }),
      node("aws_db_instance.mssql", {
        engine: "sqlserver-ex",
        instance_class: "db.t3.small",
        allocated_storage: 20,
      }),
      node(
        "aws_db_instance.fra",
        { engine: "postgres", instance_class: "db.t3.micro", allocated_storage: 100, storage_type: "gp3" },
        { region: "eu-central-1" },
      ),
    ]);
    // db.t3.micro MariaDB $0.017 × 730 = $12.41; db.t3.small SQL Server Express $0.044 × 730 = $32.12
    assert.equal(line(resource(report, "aws_db_instance.maria"), "Database instance").monthlyCost, 12.41);
    assert.equal(line(resource(report, "aws_db_instance.mssql"), "Database instance").monthlyCost, 32.12);
    // gp3 eu-central-1 100 GB × $0.137 = $13.70
    assert.equal(line(resource(report, "aws_db_instance.fra"), "Storage (gp3)").monthlyCost, 13.7);
  });
});

describe("Aurora", () => {
  it("prices instances by engine and class, at the I/O-Optimized price when the cluster uses it", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_rds_cluster.std", { engine: "aurora-postgresql" }),
      node("aws_rds_cluster_instance.std", {
        cluster_identifier: new Ref("aws_rds_cluster.std", ["id"]),
        instance_class: "db.r6g.large",
      }),
      node("aws_rds_cluster.iopt", { engine: "aurora-postgresql", storage_type: "aurora-iopt1" }),
      node("aws_rds_cluster_instance.iopt", {
        cluster_identifier: new Ref("aws_rds_cluster.iopt", ["id"]),
        instance_class: "db.r6g.large",
      }),
      node("aws_rds_cluster_instance.legacy", { engine: "aurora", instance_class: "db.t4g.medium" }),
    ]);
    // db.r6g.large Aurora PostgreSQL $0.26 × 730 = $189.80; I/O-Optimized $0.338 × 730 = $246.74
    assert.equal(resource(report, "aws_rds_cluster_instance.std").monthlyCost, 189.8);
    assert.equal(resource(report, "aws_rds_cluster_instance.iopt").monthlyCost, 246.74);
    // the legacy `aurora` engine is Aurora MySQL: db.t4g.medium $0.073 × 730 = $53.29
    assert.equal(resource(report, "aws_rds_cluster_instance.legacy").monthlyCost, 53.29);
  });

  it("prices storage, I/O, backups and Serverless v2 capacity from usage", async () => {
    const report = await price(
      "aws",
      "us-east-1",
      [
        node("aws_rds_cluster.db", { engine: "aurora-postgresql" }),
        node("aws_rds_cluster.iopt", { engine: "aurora-mysql", storage_type: "aurora-iopt1" }),
        node("aws_rds_cluster_instance.sv2", {
          cluster_identifier: new Ref("aws_rds_cluster.iopt", ["id"]),
          instance_class: "db.serverless",
        }),
      ],
      {
        "aws_rds_cluster.db": { storage_gb: 100, write_requests_per_sec: 10, backup_snapshot_size_gb: 50 },
        "aws_rds_cluster.iopt": { storage_gb: 100 },
        "aws_rds_cluster_instance.sv2": { capacity_units_per_hr: 2 },
      },
    );
    const db = resource(report, "aws_rds_cluster.db");
    // 100 GB × $0.10 = $10; 10/s × 2,628,000 s = 26.28M I/Os × $0.20 per 1M = $5.256; 50 GB × $0.021 = $1.05
    assert.equal(line(db, "Storage").monthlyCost, 10);
    assert.equal(line(db, "I/O requests").monthlyCost, 5.256);
    assert.equal(line(db, "Backup storage").monthlyCost, 1.05);
    // I/O-Optimized: 100 GB × $0.225 = $22.50 and no I/O line
    const iopt = resource(report, "aws_rds_cluster.iopt");
    assert.equal(line(iopt, "Storage").monthlyCost, 22.5);
    assert.throws(() => line(iopt, "I/O requests"));
    // 2 ACU × 730 h × $0.16 (I/O-Optimized Serverless v2) = $233.60
    assert.equal(resource(report, "aws_rds_cluster_instance.sv2").monthlyCost, 233.6);
  });
});

describe("ElastiCache", () => {
  it("prices nodes by engine (Valkey below Redis OSS) and node type", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_elasticache_cluster.redis", { engine: "redis", node_type: "cache.t3.micro" }),
      node("aws_elasticache_cluster.valkey", { engine: "valkey", node_type: "cache.t3.micro" }),
      node("aws_elasticache_cluster.mc", {
        engine: "memcached",
        node_type: "cache.m5.large",
        num_cache_nodes: 2,
      }),
      node(
        "aws_elasticache_replication_group.rg",
        { node_type: "cache.r6g.large", num_cache_clusters: 2 },
        { region: "eu-west-1" },
      ),
    ]);
    // cache.t3.micro Redis $0.017 × 730 = $12.41; Valkey $0.0136 × 730 = $9.928
    assert.equal(resource(report, "aws_elasticache_cluster.redis").monthlyCost, 12.41);
    assert.equal(resource(report, "aws_elasticache_cluster.valkey").monthlyCost, 9.928);
    // 2 × cache.m5.large Memcached $0.156 × 730 = $227.76
    assert.equal(resource(report, "aws_elasticache_cluster.mc").monthlyCost, 227.76);
    // 2 × cache.r6g.large Redis eu-west-1 $0.229 × 730 = $334.34
    assert.equal(
      line(resource(report, "aws_elasticache_replication_group.rg"), "Cache nodes").monthlyCost,
      334.34,
    );
  });
});

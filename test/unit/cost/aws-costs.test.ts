// AWS cost modules against hand-computed expectations. Prices are the list prices in the bundled
// snapshot (data/pricing/reference/aws.json), written out in each test with the arithmetic.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Ref } from "../../../src/model/value.ts";
import { line, money, node, price, resource } from "../../helpers/cost.ts";

describe("aws_instance", () => {
  it("prices hours and the assumed 8 GB gp2 root volume when none is set", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_instance.web", { instance_type: "m5.large", ami: "ami-1" }),
    ]);
    const web = resource(report, "aws_instance.web");
    // m5.large us-east-1 $0.096/h × 730 h = $70.08; root gp2 8 GB × $0.10 = $0.80
    assert.equal(line(web, "Instance usage").monthlyCost, 70.08);
    const root = line(web, "Storage (gp2)");
    assert.equal(root.monthlyQuantity, 8);
    assert.equal(root.monthlyCost, 0.8);
    assert.match(root.note ?? "", /8 GB gp2 .*assumed/);
    assert.equal(web.monthlyCost, money(70.08 + 0.8));
    assert.equal(report.totalMonthlyCost, 70.88);
  });

  it("prices root and EBS block devices with gp3 IOPS and throughput above the baseline", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_instance.db", {
        instance_type: "t3.medium",
        root_block_device: [{ volume_type: "gp3", volume_size: 50, iops: 4000, throughput: 250 }],
        ebs_block_device: [{ device_name: "/dev/sdf", volume_type: "io1", volume_size: 100, iops: 1000 }],
      }),
    ]);
    const db = resource(report, "aws_instance.db");
    // t3.medium $0.0416 × 730 = $30.368
    assert.equal(line(db, "Instance usage").monthlyCost, 30.368);
    const [root, ebs] = db.subresources;
    // gp3 50 GB × $0.08 = $4; 1,000 IOPS above 3,000 × $0.005 = $5; 125 MiB/s above 125 × $40.96/1024 = $5
    assert.deepEqual(
      root?.components.map((c) => c.monthlyCost),
      [4, 5, 5],
    );
    // io1 100 GB × $0.125 = $12.50; 1,000 IOPS × $0.065 = $65
    assert.deepEqual(
      ebs?.components.map((c) => c.monthlyCost),
      [12.5, 65],
    );
    assert.equal(ebs?.name, "ebs_block_device[0] (/dev/sdf)");
    assert.equal(db.monthlyCost, money(30.368 + 14 + 77.5));
  });

  it("shows CPU credits of unlimited burstable instances as usage, priced per vCPU-hour when given", async () => {
    const report = await price(
      "aws",
      "us-east-1",
      [
        node("aws_instance.burst", { instance_type: "t3.micro" }),
        node("aws_instance.std", {
          instance_type: "t3.micro",
          credit_specification: [{ cpu_credits: "standard" }],
        }),
      ],
      { "aws_instance.burst": { monthly_cpu_credit_hrs: 100 } },
    );
    const credits = line(resource(report, "aws_instance.burst"), "CPU credits");
    assert.equal(credits.usageBased, true);
    // 100 credit hours × 2 vCPUs of a t3.micro = 200 vCPU-hours
    assert.equal(credits.monthlyQuantity, 200);
    assert.throws(() => line(resource(report, "aws_instance.std"), "CPU credits"));
  });

  it("says per line when the region has no price, and counts it nowhere", async () => {
    const report = await price("aws", "ap-southeast-2", [
      node("aws_instance.far", { instance_type: "m5.large" }),
    ]);
    const hours = line(resource(report, "aws_instance.far"), "Instance usage");
    assert.equal(hours.unitPrice, null);
    assert.equal(hours.monthlyCost, null);
    assert.match(hours.note ?? "", /no list price for AmazonEC2 m5\.large in ap-southeast-2/);
    assert.equal(report.totalMonthlyCost, 0);
    assert.ok(report.missingPrices >= 1);
  });

  it("takes the region of the node over the graph's", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_instance.eu", { instance_type: "m5.large" }, { region: "eu-west-1" }),
    ]);
    // m5.large eu-west-1 $0.107 × 730 = $78.11
    assert.equal(line(resource(report, "aws_instance.eu"), "Instance usage").monthlyCost, 78.11);
    assert.equal(resource(report, "aws_instance.eu").region, "eu-west-1");
  });
});

describe("aws_ebs_volume", () => {
  it("defaults to gp2 and prices st1, sc1 and io2 tiers", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_ebs_volume.a", { size: 100 }),
      node("aws_ebs_volume.b", { size: 500, type: "st1" }),
      node("aws_ebs_volume.c", { size: 1000, type: "sc1" }),
      node("aws_ebs_volume.d", { size: 10, type: "io2", iops: 40000 }),
    ]);
    assert.equal(resource(report, "aws_ebs_volume.a").monthlyCost, 10); // 100 × $0.10
    assert.equal(resource(report, "aws_ebs_volume.b").monthlyCost, 22.5); // 500 × $0.045
    assert.equal(resource(report, "aws_ebs_volume.c").monthlyCost, 15); // 1000 × $0.015
    const io2 = resource(report, "aws_ebs_volume.d");
    // 10 GB × $0.125; first 32,000 IOPS × $0.065 = $2,080; the next 8,000 IOPS are a second tier line
    assert.equal(line(io2, "Storage").monthlyCost, 1.25);
    assert.equal(line(io2, "Provisioned IOPS (first").monthlyCost, 2080);
    assert.equal(line(io2, "Provisioned IOPS (next").monthlyQuantity, 8000);
  });
});

describe("aws_db_instance", () => {
  it("prices engine, class, deployment and storage; gp2 unless IOPS are set", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_db_instance.small", {
        engine: "postgres",
        instance_class: "db.t3.micro",
        allocated_storage: 20,
      }),
      node("aws_db_instance.ha", {
        engine: "mysql",
        instance_class: "db.m5.large",
        allocated_storage: 100,
        multi_az: true,
        iops: 1000,
      }),
    ]);
    const small = resource(report, "aws_db_instance.small");
    // db.t3.micro postgres Single-AZ $0.018 × 730 = $13.14; gp2 20 GB × $0.115 = $2.30
    assert.equal(line(small, "Database instance").monthlyCost, 13.14);
    assert.equal(line(small, "Storage (gp2)").monthlyCost, 2.3);
    const ha = resource(report, "aws_db_instance.ha");
    // db.m5.large mysql Multi-AZ $0.342 × 730 = $249.66; io1 Multi-AZ 100 GB × $0.25 = $25; 1,000 IOPS × $0.20 = $200
    assert.equal(line(ha, "Database instance").monthlyCost, 249.66);
    assert.equal(line(ha, "Storage (io1)").monthlyCost, 25);
    assert.equal(line(ha, "Provisioned IOPS").monthlyCost, 200);
    assert.equal(ha.monthlyCost, money(249.66 + 25 + 200));
  });

  it("prices a read replica at its source's engine, and says why when the source is elsewhere", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_db_instance.main", {
        engine: "postgres",
        instance_class: "db.t3.micro",
        allocated_storage: 20,
      }),
      node("aws_db_instance.replica", {
        replicate_source_db: new Ref("aws_db_instance.main", ["identifier"]),
        instance_class: "db.t3.micro",
      }),
      node("aws_db_instance.outside", {
        replicate_source_db: "arn:aws:rds:us-east-1:123456789012:db:elsewhere",
        instance_class: "db.t3.micro",
      }),
    ]);
    // db.t3.micro postgres Single-AZ $0.018 × 730 = $13.14, as its source
    const replica = line(resource(report, "aws_db_instance.replica"), "Database instance");
    assert.equal(replica.monthlyCost, 13.14);
    assert.match(replica.name, /postgres/);
    const outside = line(resource(report, "aws_db_instance.outside"), "Database instance");
    assert.equal(outside.monthlyCost, null);
    assert.match(outside.note ?? "", /replica inherits/);
  });
});

describe("networking", () => {
  it("prices a NAT gateway with its EIP, data from usage", async () => {
    const report = await price(
      "aws",
      "eu-west-1",
      [
        node("aws_eip.nat", { domain: "vpc" }),
        node("aws_nat_gateway.main", { allocation_id: new Ref("aws_eip.nat", ["id"]) }),
      ],
      { "aws_nat_gateway.main": { monthly_data_processed_gb: 100 } },
    );
    const nat = resource(report, "aws_nat_gateway.main");
    // eu-west-1: $0.048/h × 730 = $35.04; 100 GB × $0.048 = $4.80
    assert.equal(line(nat, "NAT gateway").monthlyCost, 35.04);
    assert.equal(line(nat, "Data processed").monthlyCost, 4.8);
    // public IPv4 $0.005/h × 730 = $3.65, attached or not
    assert.equal(resource(report, "aws_eip.nat").monthlyCost, 3.65);
    assert.equal(report.baselineMonthlyCost, money(35.04 + 3.65));
    assert.equal(report.usageMonthlyCost, 4.8);
  });

  it("prices ALB hours and LCUs from the largest usage dimension", async () => {
    const report = await price("aws", "eu-west-1", [node("aws_lb.web", { internal: false })], {
      "aws_lb.web": { new_connections: 50, active_connections: 3000, processed_bytes_gb: 0.5 },
    });
    const lb = resource(report, "aws_lb.web");
    // $0.0252 × 730 = $18.396; LCUs = max(50/25, 3000/3000, 0.5/1) = 2 → 2 × 730 × $0.008 = $11.68
    assert.equal(line(lb, "Application load balancer").monthlyCost, 18.396);
    assert.equal(line(lb, "Load balancer capacity units").monthlyQuantity, 1460);
    assert.equal(line(lb, "Load balancer capacity units").monthlyCost, 11.68);
  });

  it("counts gateway VPC endpoints as free of charge lines and interface endpoints per zone", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_vpc_endpoint.s3", { service_name: "com.amazonaws.us-east-1.s3" }),
      node("aws_vpc_endpoint.ecr", { vpc_endpoint_type: "Interface", subnet_ids: ["a", "b"] }),
    ]);
    assert.deepEqual(resource(report, "aws_vpc_endpoint.s3").components, []);
    const ecr = line(resource(report, "aws_vpc_endpoint.ecr"), "Endpoint");
    assert.equal(ecr.monthlyQuantity, 1460); // 2 zones × 730 h
  });
});

describe("serverless and data", () => {
  it("prices Lambda requests and GB-seconds from usage", async () => {
    const report = await price("aws", "us-east-1", [node("aws_lambda_function.api", { memory_size: 512 })], {
      "aws_lambda_function.api": { monthly_requests: 10_000_000, request_duration_ms: 200 },
    });
    const fn = resource(report, "aws_lambda_function.api");
    // 10M requests × $0.20 per 1M = $2; 10M × 0.2 s × 0.5 GB = 1,000,000 GB-s × $0.0000166667 = $16.6667
    assert.equal(line(fn, "Requests").monthlyCost, 2);
    assert.equal(line(fn, "Duration (first").monthlyQuantity, 1_000_000);
    assert.equal(line(fn, "Duration (first").monthlyCost, 16.6667);
    assert.equal(fn.monthlyCost, money(2 + 16.6667));
  });

  it("shows usage-based lines without usage as depending on it, with the unit price", async () => {
    const report = await price("aws", "us-east-1", [node("aws_sqs_queue.jobs", { fifo_queue: true })]);
    const first = line(resource(report, "aws_sqs_queue.jobs"), "Requests (fifo, first");
    assert.equal(first.monthlyQuantity, null);
    assert.equal(first.monthlyCost, null);
    assert.equal(first.unitPrice, 0.5); // $0.0000005 per request = $0.50 per 1M
    assert.equal(report.usageUnknown, 3);
  });

  it("prices DynamoDB provisioned capacity and a global table replica in its own region", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_dynamodb_table.t", {
        read_capacity: 10,
        write_capacity: 5,
        replica: [{ region_name: "us-west-2" }],
      }),
    ]);
    const table = resource(report, "aws_dynamodb_table.t");
    // 10 RCU × 730 × $0.00013 = $0.949; 5 WCU × 730 × $0.00065 = $2.3725; replica 5 × 730 × $0.00065 (us-west-2)
    assert.equal(line(table, "Read capacity").monthlyCost, 0.949);
    assert.equal(line(table, "Write capacity").monthlyCost, 2.3725);
    assert.equal(table.subresources[0]?.name, "replica (us-west-2)");
    assert.equal(table.subresources[0]?.monthlyCost, 2.3725);
  });

  it("prices S3 Standard storage in tiers from usage", async () => {
    const report = await price("aws", "us-east-1", [node("aws_s3_bucket.b", {})], {
      "aws_s3_bucket.b": { standard: { storage_gb: 60_000, monthly_tier_1_requests: 100_000 } },
    });
    const bucket = resource(report, "aws_s3_bucket.b");
    // first 51,200 GB × $0.023 = $1,177.60; next 8,800 GB × $0.022 = $193.60; 100k PUTs × $0.005/1k = $0.50
    assert.equal(line(bucket, "Storage (Standard, first 50 TB)").monthlyCost, 1177.6);
    assert.equal(line(bucket, "Storage (Standard, next 450 TB)").monthlyCost, 193.6);
    assert.equal(line(bucket, "PUT").monthlyCost, 0.5);
  });
});

describe("groups and clusters", () => {
  it("prices an autoscaling group's instances from its launch template", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_launch_template.web", {
        instance_type: "m5.large",
        block_device_mappings: [{ device_name: "/dev/xvda", ebs: [{ volume_size: 30, volume_type: "gp3" }] }],
      }),
      node("aws_autoscaling_group.web", {
        desired_capacity: 3,
        min_size: 1,
        max_size: 5,
        launch_template: [{ id: new Ref("aws_launch_template.web", ["id"]), version: "$Latest" }],
      }),
    ]);
    const asg = resource(report, "aws_autoscaling_group.web");
    // 3 × 730 h × $0.096 = $210.24; 3 × 30 GB gp3 × $0.08 = $7.20
    assert.equal(line(asg, "Instances").monthlyCost, 210.24);
    assert.equal(line(asg, "Storage (gp3)").monthlyCost, 7.2);
    assert.deepEqual(
      report.free.map((f) => f.address),
      ["aws_launch_template.web"],
    );
  });

  it("prices an EKS node group with its defaults: t3.medium nodes and 20 GB gp2 disks", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_eks_node_group.ng", { scaling_config: [{ desired_size: 2, min_size: 1, max_size: 3 }] }),
    ]);
    const ng = resource(report, "aws_eks_node_group.ng");
    // 2 × 730 × $0.0416 = $60.736; 2 × 20 GB × $0.10 = $4
    assert.equal(line(ng, "Instances").monthlyCost, 60.736);
    assert.equal(line(ng, "Storage (gp2)").monthlyCost, 4);
  });

  it("prices an EKS control plane and an ECS service's Fargate tasks from its task definition", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_eks_cluster.k", { name: "k" }),
      node("aws_ecs_task_definition.app", {
        family: "app",
        cpu: "512",
        memory: "1024",
        requires_compatibilities: ["FARGATE"],
      }),
      node("aws_ecs_service.app", {
        launch_type: "FARGATE",
        desired_count: 2,
        task_definition: new Ref("aws_ecs_task_definition.app", ["arn"]),
      }),
    ]);
    assert.equal(resource(report, "aws_eks_cluster.k").monthlyCost, 73); // $0.10 × 730
    const service = resource(report, "aws_ecs_service.app");
    // 2 tasks × 0.5 vCPU × 730 h × $0.04048 = $29.5504; 2 × 1 GB × 730 × $0.004445 = $6.4897
    assert.equal(line(service, "Fargate vCPU").monthlyCost, 29.5504);
    assert.equal(line(service, "Fargate memory").monthlyCost, 6.4897);
  });

  it("lists free types as free and unknown types as not priced", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_iam_role.r", {}),
      node("aws_kinesis_stream.s", {}),
    ]);
    assert.deepEqual(report.free, [{ address: "aws_iam_role.r", type: "aws_iam_role" }]);
    assert.equal(report.unpriced[0]?.address, "aws_kinesis_stream.s");
    assert.match(report.unpriced[0]?.reason ?? "", /no cost model/);
  });

  it("treats names of Object's members as the unknown names they are", async () => {
    const report = await price("aws", "us-east-1", [
      node("constructor.x", {}, { type: "constructor" }),
      node("aws_instance.y", {
        instance_type: "constructor.toString",
        credit_specification: [{ cpu_credits: "unlimited" }],
      }),
      node("aws_db_instance.z", {
        engine: "postgres",
        instance_class: "db.t3.micro",
        allocated_storage: 5,
        storage_type: "__proto__",
      }),
      node("aws_lb.w", { load_balancer_type: "toString" }),
    ]);
    assert.equal(report.unpriced[0]?.address, "constructor.x");
    const instance = resource(report, "aws_instance.y");
    assert.equal(instance.components.length, 1, "no CPU credits for a family named constructor");
    assert.match(
      line(instance, "Instance usage").note ?? "",
      /no list price for AmazonEC2 constructor\.toString/,
    );
    assert.match(line(resource(report, "aws_db_instance.z"), "Storage").note ?? "", /__proto__-single-az/);
    assert.match(line(resource(report, "aws_lb.w"), "toString load balancer").note ?? "", /toString-hour/);
  });

  it("does not guess an instance type that is only known after apply", async () => {
    const { Unknown } = await import("../../../src/model/value.ts");
    const report = await price("aws", "us-east-1", [
      node("aws_instance.x", { instance_type: new Unknown("var.type") }),
    ]);
    const hours = line(resource(report, "aws_instance.x"), "Instance usage");
    assert.equal(hours.unitPrice, null);
    assert.match(hours.note ?? "", /only known after apply/);
  });
});

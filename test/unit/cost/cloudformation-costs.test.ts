// CloudFormation templates priced through the Terraform types they are read as, against hand-computed
// figures from the bundled price snapshot (us-east-1), and the types counted as free.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { estimateCost } from "../../../src/cost/estimate.ts";
import { SnapshotPrices } from "../../../src/cost/prices/snapshot.ts";
import { usageSet } from "../../../src/cost/usage.ts";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { graph, line, money, node, resource } from "../../helpers/cost.ts";
import { fixture, writeTree } from "../../helpers/ingest.ts";

const prices = SnapshotPrices.load();

async function priceTemplate(path: string, usage: Record<string, Record<string, unknown>> = {}) {
  const { graphs } = readInfrastructure(path, {
    display: "template.yaml",
    vars: { "AWS::Region": "us-east-1" },
  });
  return estimateCost(graphs, { prices, usage: usageSet({ resources: usage, types: {} }) });
}

describe("newly mapped CloudFormation types, priced", () => {
  it("prices alarms, interface endpoints, a classic load balancer, a stage cache and a launch configuration's group", async () => {
    const report = await priceTemplate(fixture("cloudformation/network-and-services.yaml"));
    // A standard alarm: 1 metric × $0.10 a month.
    assert.equal(resource(report, "aws_cloudwatch_metric_alarm.CpuAlarm").monthlyCost, 0.1);
    // Metric math over two metrics, one of them every 10 s: 2 high-resolution metrics × $0.30 = $0.60.
    const math = line(resource(report, "aws_cloudwatch_metric_alarm.ErrorRateAlarm"), "Alarm metrics");
    assert.equal(math.name, "Alarm metrics (high resolution)");
    assert.equal(math.monthlyQuantity, 2);
    assert.equal(math.monthlyCost, 0.6);
    // An interface endpoint in two subnets: 2 zones × 730 h × $0.01 = $14.60; a gateway endpoint is free.
    assert.equal(
      line(resource(report, "aws_vpc_endpoint.SsmEndpoint"), "Endpoint (Interface, 2 zones)").monthlyCost,
      14.6,
    );
    assert.equal(resource(report, "aws_vpc_endpoint.S3Endpoint").monthlyCost, 0);
    // A Classic Load Balancer: 730 h × $0.025 = $18.25 (data processed needs usage).
    assert.equal(line(resource(report, "aws_elb.Classic"), "Classic load balancer").monthlyCost, 18.25);
    // A stage with a 0.5 GB cache: 730 h × $0.02 = $14.60.
    assert.equal(resource(report, "aws_api_gateway_stage.ApiStage").monthlyCost, 14.6);
    // Two m5.large from the launch configuration: 2 × 730 h × $0.096 = $140.16, and each one's 20 GB gp3
    // root volume: 2 × 20 × $0.08 = $3.20.
    const group = resource(report, "aws_autoscaling_group.Group");
    assert.equal(line(group, "Instances (×2) (Linux, on-demand, m5.large)").monthlyCost, 140.16);
    assert.equal(group.monthlyCost, money(140.16 + 3.2));
  });

  it("lists the free types under free, and only the types without a cost model under not priced", async () => {
    const report = await priceTemplate(fixture("cloudformation/network-and-services.yaml"));
    assert.deepEqual(
      report.unpriced.map((u) => [u.address, u.reason]),
      [
        ["aws_cloudwatch_event_rule.Nightly", "plinth has no cost model for aws_cloudwatch_event_rule yet"],
        ["aws_efs_file_system.Files", "plinth has no cost model for aws_efs_file_system yet"],
      ],
    );
    const free = new Set(report.free.map((f) => f.type));
    for (const type of [
      "aws_route",
      "aws_route_table",
      "aws_route_table_association",
      "aws_internet_gateway",
      "aws_internet_gateway_attachment",
      "aws_iam_instance_profile",
      "aws_lb_target_group",
      "aws_lb_listener_rule",
      "aws_lambda_permission",
      "AWS::Lambda::Version",
      "aws_kms_alias",
      "aws_launch_configuration",
      "aws_autoscaling_policy",
      "aws_eip_association",
      "aws_ecs_cluster",
      "aws_efs_mount_target",
      "aws_network_acl",
      "aws_network_acl_rule",
      "aws_api_gateway_method",
      "aws_api_gateway_resource",
      "aws_api_gateway_deployment",
    ])
      assert.ok(free.has(type), `${type} is free`);
  });

  it("prices a SAM function with its Globals (arm64, memory) and a simple table's provisioned capacity", async () => {
    const report = await priceTemplate(fixture("cloudformation/sam.yaml"), {
      "aws_lambda_function.Worker": { monthly_requests: 1_000_000, request_duration_ms: 1000 },
    });
    const worker = resource(report, "aws_lambda_function.Worker");
    // 1M arm64 requests × $0.20 per million = $0.20; 1M × 1 s × 2 GB = 2M GB-s × $0.0000133334 = $26.6668.
    assert.equal(line(worker, "Requests").monthlyCost, 0.2);
    assert.equal(line(worker, "Duration (first 6B GB-seconds)").monthlyQuantity, 2_000_000);
    assert.equal(worker.monthlyCost, money(0.2 + 26.6668));
    // 5 RCU × 730 h × $0.00013 = $0.4745; 2 WCU × 730 h × $0.00065 = $0.949.
    const orders = resource(report, "aws_dynamodb_table.Orders");
    assert.equal(orders.monthlyCost, money(0.4745 + 0.949));
    // The default simple table is on demand: nothing without usage.
    assert.equal(resource(report, "aws_dynamodb_table.Items").monthlyCost, 0);
    assert.deepEqual(report.unpriced, []);
  });
});

describe("free resources", () => {
  it("a template of only networking types reports them all as free and nothing as not priced", async () => {
    const dir = writeTree({
      "vpc.yaml": `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  Routes: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  Default: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  Assoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Subnet, RouteTableId: !Ref Routes } }
  Acl: { Type: AWS::EC2::NetworkAcl, Properties: { VpcId: !Ref Vpc } }
  Entry: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Acl, RuleNumber: 1, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0 } }
  AclAssoc: { Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: { SubnetId: !Ref Subnet, NetworkAclId: !Ref Acl } }
  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: web, VpcId: !Ref Vpc } }
  Gateway: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.s3 } }
`,
    });
    const report = await priceTemplate(`${dir}/vpc.yaml`);
    assert.deepEqual(report.unpriced, []);
    assert.deepEqual(report.free.map((f) => f.type).sort(), [
      "aws_internet_gateway",
      "aws_internet_gateway_attachment",
      "aws_network_acl",
      "aws_network_acl_association",
      "aws_network_acl_rule",
      "aws_route",
      "aws_route_table",
      "aws_route_table_association",
      "aws_security_group",
      "aws_subnet",
      "aws_vpc",
    ]);
    assert.equal(report.totalMonthlyCost, 0);
  });

  it("resources of local Terraform providers and CloudFormation's own are free in every cloud", async () => {
    const local = [
      "random_pet.name",
      "random_id.suffix",
      "time_sleep.wait",
      "null_resource.hook",
      "terraform_data.trigger",
      "local_file.kubeconfig",
      "tls_private_key.ssh",
      "archive_file.zip",
    ];
    for (const cloud of ["aws", "gcp", "azure"] as const) {
      const report = await estimateCost(
        [
          graph(
            cloud,
            "",
            local.map((a) => node(a, {})),
          ),
        ],
        { prices },
      );
      assert.deepEqual(
        report.free.map((f) => f.address),
        local,
        cloud,
      );
      assert.deepEqual(report.unpriced, [], cloud);
    }
    const cfn = await estimateCost(
      [
        graph("aws", "us-east-1", [
          node("AWS::CloudFormation::WaitCondition.Wait", {}, { type: "AWS::CloudFormation::WaitCondition" }),
          node(
            "AWS::CloudFormation::WaitConditionHandle.Handle",
            {},
            { type: "AWS::CloudFormation::WaitConditionHandle" },
          ),
          node("AWS::CloudFormation::Macro.Expand", {}, { type: "AWS::CloudFormation::Macro" }),
          node("Custom::Seed.Seed", {}, { type: "Custom::Seed" }),
          node("AWS::CloudFormation::Stack.Nested", {}, { type: "AWS::CloudFormation::Stack" }),
        ]),
      ],
      { prices },
    );
    assert.deepEqual(
      cfn.free.map((f) => f.type),
      [
        "AWS::CloudFormation::WaitCondition",
        "AWS::CloudFormation::WaitConditionHandle",
        "AWS::CloudFormation::Macro",
        "Custom::Seed",
      ],
    );
    // A nested stack costs what its resources cost: not free, not priced.
    assert.deepEqual(
      cfn.unpriced.map((u) => u.type),
      ["AWS::CloudFormation::Stack"],
    );
  });

  it("types billed by use, and cloud types that only look like a local provider, stay not priced", async () => {
    const types = [
      "aws_s3_bucket_inventory.i",
      "aws_s3_bucket_analytics_configuration.a",
      "aws_s3_bucket_metric.m",
      "aws_s3_bucket_intelligent_tiering_configuration.t",
      "aws_cloudwatch_event_rule.r",
      "aws_cloudfront_distribution.cdn",
      "aws_s3_object.o",
      "timescale_service.db",
      "localstack_thing.x",
      "nullable_thing.x",
    ];
    const report = await estimateCost(
      [
        graph(
          "aws",
          "us-east-1",
          types.map((a) => node(a, {})),
        ),
      ],
      { prices },
    );
    assert.deepEqual(report.free, []);
    assert.deepEqual(
      report.unpriced.map((u) => u.address),
      types,
    );
  });
});

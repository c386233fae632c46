import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { InputError } from "../../../src/errors.ts";
import { CLOUDFORMATION_MAPPINGS } from "../../../src/ingest/cloudformation/types/index.ts";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { Unknown } from "../../../src/model/value.ts";
import { fixture, json, nodeAt, writeTree } from "../../helpers/ingest.ts";

const app = (vars: Record<string, string> = {}) =>
  readInfrastructure(fixture("cloudformation/app.yaml"), { display: "app.yaml", vars });

describe("CloudFormation intrinsics and conditions", () => {
  test("parameters with defaults, Fn::Join, Fn::Sub, Fn::FindInMap, Fn::Select over a CommaDelimitedList", () => {
    const graph = app().graphs[0];
    assert.equal(nodeAt(graph, "aws_s3_bucket.Assets").properties.bucket, "shop-dev-assets");
    const web = nodeAt(graph, "aws_instance.Web");
    assert.equal(web.properties.instance_type, "t3.micro");
    assert.equal(web.properties.subnet_id, "subnet-b");
    assert.deepEqual(json(web.properties.user_data ?? null), {
      $encoded: "base64",
      $value: "#!/bin/sh\necho dev\n",
    });
  });

  test("parameter overrides win over defaults and change conditions (Fn::Equals, Fn::Not, Fn::Or, Condition)", () => {
    const dev = app().graphs[0];
    assert.ok(dev?.nodes.some((n) => n.address === "aws_db_instance.DevDb"));
    assert.ok(!dev?.nodes.some((n) => n.address === "aws_db_instance.Db"));
    assert.deepEqual(nodeAt(dev, "aws_s3_bucket_versioning.Assets").properties.versioning_configuration, [
      { status: "Suspended" },
    ]);
    const prod = app({ Env: "prod" }).graphs[0];
    assert.ok(!prod?.nodes.some((n) => n.address === "aws_db_instance.DevDb"));
    assert.equal(nodeAt(prod, "aws_db_instance.Db").properties.allocated_storage, 100);
    assert.deepEqual(nodeAt(prod, "aws_s3_bucket_versioning.Assets").properties.versioning_configuration, [
      { status: "Enabled" },
    ]);
    assert.equal(nodeAt(prod, "aws_instance.Web").properties.instance_type, "m5.large");
  });

  test("an undecidable condition keeps the resource with a warning; pseudo parameters can be given", () => {
    const { graphs, warnings } = app();
    assert.ok(graphs[0]?.nodes.some((n) => n.address === "aws_sqs_queue.EastOnly"));
    assert.ok(
      warnings.some(
        (w) =>
          /`EastOnly` is created depends on the condition `InUsEast`/.test(w.message) &&
          w.location.line === 126,
      ),
    );
    const west = app({ "AWS::Region": "us-west-2", "AWS::StackName": "shop" }).graphs[0];
    assert.ok(!west?.nodes.some((n) => n.address === "aws_sqs_queue.EastOnly"));
    assert.equal(west?.region, "us-west-2");
    assert.equal(nodeAt(west, "aws_s3_bucket.Logs").region, "us-west-2");
    assert.equal(nodeAt(west, "aws_s3_bucket.Logs").properties.bucket, "shop-dev-logs");
  });

  test("Ref, Fn::GetAtt (both forms) and Fn::Sub with resources become Refs to the Terraform nodes", () => {
    const graph = app().graphs[0];
    const encryption = nodeAt(graph, "aws_s3_bucket_server_side_encryption_configuration.Assets");
    assert.deepEqual(json(encryption.properties.rule ?? null), [
      {
        apply_server_side_encryption_by_default: [
          { sse_algorithm: "aws:kms", kms_master_key_id: { $ref: "aws_kms_key.Key", $path: ["arn"] } },
        ],
        bucket_key_enabled: true,
      },
    ]);
    const policy = nodeAt(graph, "aws_s3_bucket_policy.AssetsPolicy");
    assert.deepEqual(json(policy.properties.bucket ?? null), { $ref: "aws_s3_bucket.Assets", $path: ["id"] });
    assert.deepEqual(json(policy.properties.policy ?? null), {
      $encoded: "json",
      $value: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: { $template: [{ $ref: "aws_s3_bucket.Assets", $path: ["arn"] }, "/*"] },
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      },
    });
  });

  test("Fn::ImportValue, Fn::GetAZs and unset pseudo parameters are unknown; NoEcho parameters never appear", () => {
    const graph = app().graphs[0];
    assert.match(
      (nodeAt(graph, "aws_sqs_queue.EastOnly").properties.name as Unknown).reason,
      /exported by another stack/,
    );
    assert.ok(nodeAt(graph, "aws_instance.Web").properties.availability_zone instanceof Unknown);
    assert.match((nodeAt(graph, "aws_s3_bucket.Logs").properties.bucket as Unknown).reason, /stack's name/);
    const db = nodeAt(graph, "aws_db_instance.DevDb");
    assert.ok(db.properties.password instanceof Unknown);
    assert.deepEqual(db.sensitive, [["password"]]);
    assert.ok(!JSON.stringify(json(graph?.nodes.map((n) => n.properties) ?? null)).includes("hunter2"));
  });

  test("AWS::NoValue removes the property", () => {
    const tags = nodeAt(app().graphs[0], "aws_db_instance.DevDb").properties.tags as Record<string, unknown>;
    assert.deepEqual(tags, { Name: null });
    const many = nodeAt(app({ InstanceCount: "3" }).graphs[0], "aws_db_instance.DevDb").properties.tags;
    assert.deepEqual(many, { Name: "many" });
  });
});

describe("CloudFormation types as Terraform resources", () => {
  test("an S3 bucket splits into the resources Terraform uses, linked to the bucket, with lines kept", () => {
    const graph = app().graphs[0];
    const split = graph?.nodes.filter((n) => n.name === "Assets").map((n) => n.type);
    assert.deepEqual(split, [
      "aws_s3_bucket",
      "aws_s3_bucket_logging",
      "aws_s3_bucket_public_access_block",
      "aws_s3_bucket_server_side_encryption_configuration",
      "aws_s3_bucket_versioning",
    ]);
    const block = nodeAt(graph, "aws_s3_bucket_public_access_block.Assets");
    assert.deepEqual(json(block.properties), {
      bucket: { $ref: "aws_s3_bucket.Assets", $path: ["id"] },
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    assert.deepEqual(block.attributeSources?.ignore_public_acls, { file: "app.yaml", line: 50, col: 27 });
    assert.deepEqual(block.source, { file: "app.yaml", line: 47, col: 7 });
    const versioning = nodeAt(graph, "aws_s3_bucket_versioning.Assets");
    assert.deepEqual(versioning.attributeSources?.["versioning_configuration[0].status"], {
      file: "app.yaml",
      line: 40,
      col: 21,
    });
    const logging = nodeAt(graph, "aws_s3_bucket_logging.Assets");
    assert.deepEqual(json(logging.properties.target_bucket ?? null), {
      $ref: "aws_s3_bucket.Logs",
      $path: ["id"],
    });
    assert.ok(graph?.nodes.every((n) => n.origin === "cloudformation"));
  });

  test("security group rules and instance block devices take Terraform's shape", () => {
    const graph = app().graphs[0];
    assert.deepEqual(json(nodeAt(graph, "aws_security_group.WebSg").properties.ingress ?? null), [
      { protocol: "tcp", from_port: 22, to_port: 22, cidr_blocks: ["0.0.0.0/0"] },
      { protocol: "tcp", from_port: 443, to_port: 443, cidr_blocks: ["10.0.0.0/8"] },
    ]);
    const web = nodeAt(graph, "aws_instance.Web");
    assert.deepEqual(web.properties.root_block_device, [{ volume_size: 30, encrypted: true }]);
    assert.deepEqual(web.properties.ebs_block_device, [
      { device_name: "/dev/sdf", volume_size: 100, volume_type: "gp3" },
    ]);
    assert.deepEqual(web.attributeSources?.["ebs_block_device[0].volume_size"], {
      file: "app.yaml",
      line: 84,
      col: 30,
    });
  });

  const EXPECTED: Record<string, [string, string, unknown]> = {
    Bucket: ["aws_s3_bucket", "bucket", "b"],
    BucketPolicy: [
      "aws_s3_bucket_policy",
      "policy",
      '{"Statement":[{"Action":"*","Effect":"Allow","Resource":"*"}]}',
    ],
    Instance: ["aws_instance", "instance_type", "t3.micro"],
    Sg: ["aws_security_group", "egress", [{ protocol: "-1", cidr_blocks: ["0.0.0.0/0"] }]],
    SgIn: ["aws_vpc_security_group_ingress_rule", "from_port", 3389],
    SgOut: [
      "aws_vpc_security_group_egress_rule",
      "security_group_id",
      { $ref: "aws_security_group.Sg", $path: ["id"] },
    ],
    Volume: ["aws_ebs_volume", "encrypted", false],
    Db: ["aws_db_instance", "multi_az", true],
    Cluster: ["aws_rds_cluster", "storage_encrypted", true],
    Table: ["aws_dynamodb_table", "range_key", "sk"],
    Role: [
      "aws_iam_role",
      "inline_policy",
      [{ name: "all", policy: '{"Statement":[{"Action":"*","Effect":"Allow","Resource":"*"}]}' }],
    ],
    Policy: ["aws_iam_policy", "name", "p"],
    Managed: ["aws_iam_policy", "policy", '{"Statement":[]}'],
    UserPolicy: ["aws_iam_user_policy", "user", "alice"],
    Fn: ["aws_lambda_function", "vpc_config", [{ subnet_ids: ["subnet-1"], security_group_ids: ["sg-1"] }]],
    Key: ["aws_kms_key", "enable_key_rotation", false],
    Queue: ["aws_sqs_queue", "sqs_managed_sse_enabled", true],
    Topic: ["aws_sns_topic", "kms_master_key_id", "alias/aws/sns"],
    Trail: ["aws_cloudtrail", "enable_log_file_validation", false],
    Alb: ["aws_lb", "drop_invalid_header_fields", true],
    Listener: [
      "aws_lb_listener",
      "default_action",
      [{ type: "redirect", redirect: [{ protocol: "HTTPS", port: "443", status_code: "HTTP_301" }] }],
    ],
    Vpc: ["aws_vpc", "cidr_block", "10.0.0.0/16"],
    Subnet2: ["aws_subnet", "cidr_block", "10.0.1.0/24"],
    Nat: ["aws_nat_gateway", "allocation_id", { $ref: "aws_eip.Eip", $path: ["allocation_id"] }],
    Eip: ["aws_eip", "domain", "vpc"],
    FlowLog: ["aws_flow_log", "vpc_id", { $ref: "aws_vpc.Vpc", $path: ["id"] }],
    Secret: ["aws_secretsmanager_secret", "name", "s"],
    Rotation: ["aws_secretsmanager_secret_rotation", "rotation_rules", [{ automatically_after_days: 30 }]],
    Cache: ["aws_elasticache_cluster", "node_type", "cache.t3.micro"],
    Replication: ["aws_elasticache_replication_group", "at_rest_encryption_enabled", false],
    Service: [
      "aws_ecs_service",
      "network_configuration",
      [{ subnets: ["subnet-1"], assign_public_ip: true }],
    ],
    Task: [
      "aws_ecs_task_definition",
      "container_definitions",
      '[{"image":"nginx","name":"app","privileged":true}]',
    ],
    Eks: ["aws_eks_cluster", "enabled_cluster_log_types", ["api", "audit"]],
    Nodes: ["aws_eks_node_group", "scaling_config", [{ desired_size: 3, min_size: 1, max_size: 5 }]],
    Asg: [
      "aws_autoscaling_group",
      "launch_template",
      [
        {
          id: { $ref: "aws_launch_template.Lt", $path: ["id"] },
          version: { $ref: "aws_launch_template.Lt", $path: ["latest_version"] },
        },
      ],
    ],
    Lt: ["aws_launch_template", "metadata_options", [{ http_tokens: "optional" }]],
    Logs: ["aws_cloudwatch_log_group", "retention_in_days", 7],
  };

  test("every mapped type becomes its Terraform resource with Terraform-shaped arguments", () => {
    const { graphs, warnings } = readInfrastructure(fixture("cloudformation/all-types.json"), {
      display: "all-types.json",
    });
    const graph = graphs[0];
    for (const [id, [type, argument, value]] of Object.entries(EXPECTED)) {
      const node = graph?.nodes.find((n) => n.name === id && n.type === type);
      assert.ok(node, `${id} → ${type}`);
      assert.deepEqual(json(node.properties[argument] ?? null), value, `${id}.${argument}`);
    }
    assert.equal(nodeAt(graph, "aws_s3_bucket_acl.Bucket").properties.acl, "public-read");
    assert.deepEqual(warnings, []);
  });

  test("the mapping tables cover the types policy and cost need", () => {
    const needed =
      "AWS::S3::Bucket AWS::S3::BucketPolicy AWS::EC2::Instance AWS::EC2::SecurityGroup AWS::EC2::SecurityGroupIngress AWS::EC2::SecurityGroupEgress AWS::EC2::Volume AWS::RDS::DBInstance AWS::RDS::DBCluster AWS::DynamoDB::Table AWS::IAM::Role AWS::IAM::Policy AWS::IAM::ManagedPolicy AWS::IAM::UserPolicy AWS::Lambda::Function AWS::KMS::Key AWS::SQS::Queue AWS::SNS::Topic AWS::CloudTrail::Trail AWS::ElasticLoadBalancingV2::LoadBalancer AWS::ElasticLoadBalancingV2::Listener AWS::EC2::VPC AWS::EC2::Subnet AWS::EC2::NatGateway AWS::EC2::EIP AWS::EC2::FlowLog AWS::SecretsManager::Secret AWS::SecretsManager::RotationSchedule AWS::ElastiCache::CacheCluster AWS::ElastiCache::ReplicationGroup AWS::ECS::Service AWS::ECS::TaskDefinition AWS::EKS::Cluster AWS::EKS::Nodegroup AWS::AutoScaling::AutoScalingGroup AWS::EC2::LaunchTemplate AWS::Logs::LogGroup";
    assert.deepEqual(
      needed.split(" ").filter((t) => !CLOUDFORMATION_MAPPINGS.has(t)),
      [],
    );
  });

  test("unmapped types keep their CloudFormation type and properties, with a warning", () => {
    const { graphs, warnings } = app();
    const dashboard = nodeAt(graphs[0], "AWS::CloudWatch::Dashboard.Dashboard");
    assert.equal(dashboard.type, "AWS::CloudWatch::Dashboard");
    assert.equal(dashboard.properties.DashboardBody, '{"widgets": [], "title": "dev"}');
    assert.deepEqual(dashboard.dependsOn, ["aws_instance.Web"]);
    assert.ok(
      warnings.some((w) =>
        w.message.startsWith("AWS::CloudWatch::Dashboard is not mapped to a Terraform type"),
      ),
    );
  });
});

describe("malformed and hostile templates", () => {
  const read = (text: string, name = "t.yaml") =>
    readInfrastructure(join(writeTree({ [name]: text }), name), { display: name });

  test("YAML syntax errors and duplicate keys are one sentence at the line", () => {
    assert.throws(
      () => read("Resources:\n  A:\n    Type: AWS::SNS::Topic\n   Properties: {}\n"),
      (e: unknown) =>
        e instanceof InputError && /^t\.yaml:4:\d+: The template is malformed here/.test(e.describe()),
    );
    assert.throws(
      () => read("Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SQS::Queue\n"),
      (e: unknown) =>
        e instanceof InputError &&
        e.describe() === "t.yaml:4:3: The key `A` appears twice in the same mapping.",
    );
  });

  test("tags that are not intrinsics (YAML code execution, custom types) are refused", () => {
    assert.throws(
      () =>
        read(
          "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !!python/object/apply:os.system [id]\n",
        ),
      (e: unknown) =>
        e instanceof InputError &&
        /^t\.yaml:5:18: The YAML tag `!!python\/object\/apply:os\.system` is not allowed/.test(e.describe()),
    );
    assert.throws(
      () => read("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Evil x\n"),
      (e: unknown) =>
        e instanceof InputError &&
        e.describe() === "t.yaml:5:18: The YAML tag `!Evil` is not a CloudFormation intrinsic function.",
    );
  });

  test("the Rules section's functions are read as short forms, and the resources still come through", () => {
    const template = [
      "Parameters:\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n",
      "Rules:\n  SameVpc:\n    Assertions:\n      - Assert:\n          Fn::EachMemberEquals:\n",
      "            - !ValueOfAll [AWS::EC2::Subnet::Id, VpcId]\n            - !ValueOf [Subnets, VpcId]\n",
      "        AssertDescription: subnets in one VPC\n",
      "Resources:\n  A:\n    Type: AWS::SNS::Topic\n",
    ].join("");
    assert.deepEqual(
      read(template).graphs[0]?.nodes.map((n) => n.type),
      ["aws_sns_topic"],
    );
  });

  test("alias bombs are refused, not expanded", () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x","x"]\n${Array.from(
      { length: 8 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(",")}]`,
    ).join("\n")}\nResources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: *i\n`;
    assert.throws(
      () => read(bomb),
      (e: unknown) => e instanceof InputError && /aliases expand too much/.test(e.message),
    );
  });

  test("keys cannot pollute prototypes or forge references; text that looks like a template stays text", () => {
    const graph = read(
      'Resources:\n  A:\n    Type: AWS::Foo::Bar\n    Properties:\n      __proto__: { polluted: true }\n      Text: "${not-sub} {{resolve:ssm:x}}"\n      "$ref": aws_vpc.v\n',
    ).graphs[0];
    const properties = graph?.nodes[0]?.properties as Record<string, unknown>;
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(properties), ["__proto__", "Text", "$ref"]);
    assert.equal(properties.Text, "${not-sub} {{resolve:ssm:x}}");
    assert.deepEqual(
      json(properties as never),
      JSON.parse(
        '{"__proto__": {"polluted": true}, "Text": "${not-sub} {{resolve:ssm:x}}", "$$ref": "aws_vpc.v"}',
      ),
    );
  });

  test("a bad intrinsic is a warning and an unknown, not a crash", () => {
    const { graphs, warnings } = read(
      "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Missing\n",
    );
    assert.ok(graphs[0]?.nodes[0]?.properties.name instanceof Unknown);
    assert.deepEqual(
      warnings.map((w) => `${w.location.line} ${w.message}`),
      ["5 Ref names `Missing`, which is neither a parameter nor a resource; the value is read as unknown."],
    );
  });

  test("a document without Resources is not a template", () => {
    assert.throws(
      () => read('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": []}', "t.json"),
      /t\.json has no `Resources` mapping/,
    );
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildGraph } from "../../../src/model/build-graph.ts";
import { Encoded, encodeValue, Ref, Template } from "../../../src/model/value.ts";
import { readSpecFile } from "../../../src/spec/load-spec.ts";
import { graphOf, HEADER, nodeOf } from "../../helpers/spec.ts";

const shop = readSpecFile(
  new URL("../../../examples/shop/plinth.yaml", import.meta.url).pathname,
  "plinth.yaml",
);
const dev = buildGraph(shop, { env: "dev" }).graph;
const prod = buildGraph(shop, { env: "prod" }).graph;

describe("AWS lowering: secure defaults", () => {
  test("buckets: encrypted, versioned, public access blocked, TLS-only policy", () => {
    assert.deepEqual(
      nodeOf(dev, "aws_s3_bucket_server_side_encryption_configuration.assets").properties.rule,
      [{ apply_server_side_encryption_by_default: [{ sse_algorithm: "AES256" }], bucket_key_enabled: true }],
    );
    assert.deepEqual(nodeOf(dev, "aws_s3_bucket_versioning.assets").properties.versioning_configuration, [
      { status: "Enabled" },
    ]);
    const block = nodeOf(dev, "aws_s3_bucket_public_access_block.assets").properties;
    for (const flag of [
      "block_public_acls",
      "block_public_policy",
      "ignore_public_acls",
      "restrict_public_buckets",
    ]) {
      assert.equal(block[flag], true, flag);
    }
    const policy = nodeOf(dev, "aws_s3_bucket_policy.assets").properties.policy;
    assert.ok(policy instanceof Encoded && policy.encoding === "json");
    assert.match(JSON.stringify(encodeValue(policy)), /"aws:SecureTransport":"false"/);
  });

  test("buckets log access to one log bucket per environment, which only S3 logging may write", () => {
    const logging = nodeOf(dev, "aws_s3_bucket_logging.assets").properties;
    assert.deepEqual(logging.target_bucket, new Ref("aws_s3_bucket._access_logs", ["id"]));
    assert.equal(logging.target_prefix, "assets/");
    const logBucket = nodeOf(dev, "aws_s3_bucket._access_logs");
    assert.match(String(logBucket.properties.bucket), /^shop-dev-access-logs-[0-9a-f]{6}$/);
    assert.match(logBucket.directives?.[0]?.text ?? "", /^plinth:ignore PLINTH-AWS-008 reason="/);
    const policy = JSON.stringify(encodeValue(nodeOf(dev, "aws_s3_bucket_policy._access_logs").properties));
    assert.match(policy, /"Service":"logging.s3.amazonaws.com"/);
    assert.match(policy, /"aws:SourceArn":"arn:aws:s3:::shop-dev-\*"/);
    assert.equal(dev.nodes.filter((n) => n.type === "aws_s3_bucket").length, 2);
  });

  test("the log bucket keeps its logs on destroy unless every bucket of the environment is disposable", () => {
    const forceDestroy = (spec: string) =>
      nodeOf(graphOf(`${HEADER}components:\n${spec}`), "aws_s3_bucket._access_logs").properties.force_destroy;
    assert.equal(forceDestroy("  a:\n    type: bucket\n    forceDestroy: true\n"), true);
    assert.equal(
      forceDestroy("  a:\n    type: bucket\n    forceDestroy: true\n  b:\n    type: bucket\n"),
      false,
    );
    assert.equal(nodeOf(dev, "aws_s3_bucket._access_logs").properties.force_destroy, false);
  });

  test("a public bucket opens only what it asks for", () => {
    const graph = graphOf(
      `${HEADER}components:\n  site:\n    type: bucket\n    public: true\n    versioning: false\n`,
    );
    assert.equal(
      nodeOf(graph, "aws_s3_bucket_public_access_block.site").properties.block_public_policy,
      false,
    );
    assert.ok(!graph.nodes.some((n) => n.address === "aws_s3_bucket_versioning.site"));
    assert.match(
      JSON.stringify(encodeValue(nodeOf(graph, "aws_s3_bucket_policy.site").properties)),
      /s3:GetObject/,
    );
  });

  test("databases: private, encrypted, managed password, backups; production hardening", () => {
    const db = nodeOf(dev, "aws_db_instance.db").properties;
    assert.equal(db.publicly_accessible, false);
    assert.equal(db.storage_encrypted, true);
    assert.equal(db.manage_master_user_password, true);
    assert.equal(db.password, undefined);
    assert.equal(db.backup_retention_period, 7);
    assert.equal(db.deletion_protection, false);
    assert.equal(db.skip_final_snapshot, true);
    assert.equal(db.instance_class, "db.t4g.small");
    const prodDb = nodeOf(prod, "aws_db_instance.db").properties;
    assert.equal(prodDb.deletion_protection, true);
    assert.equal(prodDb.multi_az, true);
    assert.equal(prodDb.backup_retention_period, 30);
    assert.equal(prodDb.final_snapshot_identifier, "shop-prod-db-final");
    assert.equal(prodDb.instance_class, "db.m6g.large");
    assert.equal(prodDb.allocated_storage, 100);
    assert.deepEqual(nodeOf(dev, "aws_db_subnet_group.db").properties.subnet_ids, [
      new Ref("aws_subnet.net_private_a", ["id"]),
      new Ref("aws_subnet.net_private_b", ["id"]),
    ]);
    assert.equal(
      nodeOf(dev, "aws_vpc_security_group_ingress_rule.db_from_network").properties.cidr_ipv4,
      "10.20.0.0/16",
    );
  });

  test("VMs: IMDSv2, encrypted root volume, no key pair, no public IP, private subnet, SSM role", () => {
    const vm = nodeOf(dev, "aws_instance.web").properties;
    assert.deepEqual(vm.metadata_options, [
      { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 },
    ]);
    assert.equal((vm.root_block_device as Array<Record<string, unknown>>)[0]?.encrypted, true);
    assert.equal(vm.key_name, undefined);
    assert.equal(vm.associate_public_ip_address, false);
    assert.deepEqual(vm.subnet_id, new Ref("aws_subnet.net_private_a", ["id"]));
    assert.equal(
      nodeOf(dev, "aws_iam_role_policy_attachment.web_ssm").properties.policy_arn,
      "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    );
    assert.ok(vm.user_data instanceof Template);
    const refs = (vm.user_data as Template).parts.filter((p) => p instanceof Ref).map(String);
    assert.deepEqual(refs, [
      "aws_s3_bucket.assets.bucket",
      "aws_db_instance.db.address",
      "aws_db_instance.db.address",
      "aws_sqs_queue.jobs.url",
      "aws_secretsmanager_secret.payment_api_key.id",
    ]);
  });

  test("VMs may read exactly the secrets their env references", () => {
    const policy = encodeValue(nodeOf(dev, "aws_iam_role_policy.web_secrets").properties.policy ?? null) as {
      $value: { Statement: Array<{ Action: string[]; Resource: unknown[] }> };
    };
    const [statement] = policy.$value.Statement;
    assert.deepEqual(statement?.Action, ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]);
    assert.deepEqual(statement?.Resource, [
      { $ref: "aws_secretsmanager_secret.payment_api_key", $path: ["arn"] },
    ]);
    const plain = graphOf(
      `${HEADER}components:\n  net:\n    type: network\n    cidr: 10.0.0.0/16\n  vm:\n    type: vm\n    network: \${net}\n`,
    );
    assert.ok(!plain.nodes.some((n) => n.address === "aws_iam_role_policy.vm_secrets"));
  });

  test("networks: flow logs to a log group through a scoped role; no public IPs on launch", () => {
    const flow = nodeOf(dev, "aws_flow_log.net").properties;
    assert.equal(flow.traffic_type, "ALL");
    assert.deepEqual(flow.log_destination, new Ref("aws_cloudwatch_log_group.net_flow_logs", ["arn"]));
    for (const node of dev.nodes.filter((n) => n.type === "aws_subnet")) {
      assert.equal(node.properties.map_public_ip_on_launch, false, node.address);
    }
  });

  test("queues are encrypted and dead-letter after five receives", () => {
    const queue = nodeOf(dev, "aws_sqs_queue.jobs").properties;
    assert.equal(queue.sqs_managed_sse_enabled, true);
    assert.deepEqual(encodeValue(queue.redrive_policy ?? null), {
      $encoded: "json",
      $value: { deadLetterTargetArn: { $ref: "aws_sqs_queue.jobs_dlq", $path: ["arn"] }, maxReceiveCount: 5 },
    });
  });

  test("every resource that takes tags carries plinth's address, app and env", () => {
    let tagged = 0;
    for (const node of dev.nodes) {
      const tags = node.properties.tags as Record<string, string> | undefined;
      if (!tags) continue;
      tagged++;
      assert.equal(tags["plinth:address"], node.address);
      assert.equal(tags["plinth:app"], "shop");
      assert.equal(tags["plinth:env"], "dev");
      assert.equal(tags.team, "payments");
    }
    assert.ok(tagged >= 20, `${tagged} tagged resources`);
  });

  test("partitions: GovCloud and China get their own managed-policy ARNs", () => {
    const yaml = (region: string) =>
      `apiVersion: plinth/v1\napp: a\ncloud: aws\nregion: ${region}\ncomponents:\n  net:\n    type: network\n    cidr: 10.0.0.0/16\n  vm:\n    type: vm\n    network: \${net}\n`;
    assert.match(
      String(
        nodeOf(graphOf(yaml("us-gov-west-1")), "aws_iam_role_policy_attachment.vm_ssm").properties.policy_arn,
      ),
      /^arn:aws-us-gov:/,
    );
    assert.match(
      String(
        nodeOf(graphOf(yaml("cn-north-1")), "aws_iam_role_policy_attachment.vm_ssm").properties.policy_arn,
      ),
      /^arn:aws-cn:/,
    );
  });

  test("long names are cut to the cloud's limit with a stable hash", () => {
    const long = "a".repeat(40);
    const yaml = `apiVersion: plinth/v1\napp: ${long}\ncloud: aws\nenvironments:\n  production-eu-west: {}\ncomponents:\n  ${long}:\n    type: bucket\n`;
    const name = String(nodeOf(graphOf(yaml), `aws_s3_bucket.${long}`).properties.bucket);
    assert.equal(name.length, 63);
    // Cut from the end, then a hash of the full name keeps two long components apart.
    assert.match(name, /^a{40}-production-eu-w-[0-9a-f]{6}$/);
    assert.equal(String(nodeOf(graphOf(yaml), `aws_s3_bucket.${long}`).properties.bucket), name);
  });
});

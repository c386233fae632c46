import assert from "node:assert/strict";
import { test } from "node:test";
import { UnsupportedByFormatError } from "../../../src/codegen/errors.ts";
import { generate } from "../../../src/codegen/generate.ts";
import { exampleGraph } from "../../helpers/codegen.ts";
import { graphOf, HEADER } from "../../helpers/spec.ts";

type Template = {
  Resources: Record<
    string,
    {
      Type: string;
      Properties: Record<string, unknown>;
      DependsOn?: unknown;
      Metadata?: Record<string, unknown>;
    }
  >;
  Parameters?: Record<string, unknown>;
  Outputs?: Record<string, unknown>;
};
function r(t: Template, id: string) {
  const resource = t.Resources[id];
  assert.ok(resource, `${id} is in the template`);
  return resource;
}
const template = (graph: ReturnType<typeof exampleGraph>): Template =>
  JSON.parse(generate(graph, "cloudformation-json").get("template.json") as string);

test("split Terraform resources merge into the CloudFormation resource they configure", () => {
  const t = template(exampleGraph("shop", "prod"));
  const bucket = r(t, "AssetsBucket");
  assert.equal(bucket.Type, "AWS::S3::Bucket");
  assert.deepEqual(bucket.Properties.VersioningConfiguration, { Status: "Enabled" });
  assert.deepEqual(bucket.Properties.PublicAccessBlockConfiguration, {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  });
  assert.deepEqual(bucket.Properties.BucketEncryption, {
    ServerSideEncryptionConfiguration: [
      { ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BucketKeyEnabled: true },
    ],
  });
  assert.equal(
    (bucket.Properties.LifecycleConfiguration as unknown as { Rules: Array<{ ExpirationInDays: number }> })
      .Rules[0]?.ExpirationInDays,
    365,
  );
  assert.deepEqual(bucket.Properties.LoggingConfiguration, {
    DestinationBucketName: { Ref: "AccessLogsBucket" },
    LogFilePrefix: "assets/",
  });
  assert.deepEqual(bucket.Metadata?.["plinth:addresses"], [
    "aws_s3_bucket.assets",
    "aws_s3_bucket_lifecycle_configuration.assets",
    "aws_s3_bucket_logging.assets",
    "aws_s3_bucket_public_access_block.assets",
    "aws_s3_bucket_server_side_encryption_configuration.assets",
    "aws_s3_bucket_versioning.assets",
  ]);
  // The role's inline policy and managed policy attachment become its Policies and ManagedPolicyArns.
  assert.deepEqual(r(t, "WebRole").Properties.ManagedPolicyArns, [
    "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
  ]);
  assert.equal(
    (r(t, "NetFlowLogsRole").Properties.Policies as unknown as Array<{ PolicyName: string }>)[0]?.PolicyName,
    "write-flow-logs",
  );
  // The assets bucket and the environment's access-log bucket.
  assert.equal(Object.values(t.Resources).filter((r) => r.Type === "AWS::S3::Bucket").length, 2);
});

test("references become Ref, GetAtt and Sub; the policy's explicit dependency stays, the reference's does not", () => {
  const t = template(exampleGraph("shop", "prod"));
  assert.deepEqual(r(t, "DbDBInstance").Properties.DBSubnetGroupName, { Ref: "DbDBSubnetGroup" });
  assert.deepEqual(r(t, "DbDBInstance").Properties.VPCSecurityGroups, [
    { "Fn::GetAtt": ["DbSecurityGroup", "GroupId"] },
  ]);
  assert.deepEqual(
    (
      r(t, "AssetsBucketPolicy").Properties.PolicyDocument as unknown as {
        Statement: Array<{ Resource: unknown }>;
      }
    ).Statement[0]?.Resource,
    [{ "Fn::GetAtt": ["AssetsBucket", "Arn"] }, { "Fn::Sub": "${AssetsBucket.Arn}/*" }],
  );
  // The public access block it waited for is now part of the bucket it references anyway.
  assert.equal(r(t, "AssetsBucketPolicy").DependsOn, undefined);
  assert.equal(r(t, "NetPublicInternetRoute").DependsOn, "NetInternetGatewayAttachment");
  assert.deepEqual(t.Outputs?.dbEndpoint, {
    Value: {
      "Fn::Sub": [
        "${DbDBInstanceEndpointAddress}:5432",
        { DbDBInstanceEndpointAddress: { "Fn::GetAtt": ["DbDBInstance", "Endpoint.Address"] } },
      ],
    },
  });
});

test("literal text is escaped for Sub (`${` → `${!`) and for YAML; intrinsic look-alikes stay text", () => {
  const graph = graphOf(
    `${HEADER}components:\n  logs:\n    type: native\n    resource: aws_cloudwatch_log_group\n    properties:\n      name: "!Ref x $\${AWS::Region} \\"q\\" : # - [a]"\n  b: { type: bucket }\noutputs:\n  u: "\${b.name}-$\${literal} !Sub {Ref: x}"\n`,
  );
  const yaml = generate(graph, "cloudformation").get("template.yaml") as string;
  assert.match(yaml, /LogGroupName: "!Ref x \$\{AWS::Region\} \\"q\\" : # - \[a\]"/);
  const t = template(graph);
  assert.equal(r(t, "LogsLogGroup").Properties.LogGroupName, '!Ref x ${AWS::Region} "q" : # - [a]');
  assert.deepEqual(t.Outputs?.u, { Value: { "Fn::Sub": "${BBucket}-${!literal} !Sub {Ref: x}" } });
});

test("a type without a CloudFormation mapping is refused with its name and the format, not dropped", () => {
  const graph = graphOf(
    `${HEADER}components:\n  t:\n    type: native\n    resource: aws_sns_topic\n    properties: { name: t }\n`,
  );
  assert.throws(
    () => generate(graph, "cloudformation"),
    (error: Error) => {
      assert.ok(error instanceof UnsupportedByFormatError);
      assert.equal(
        error.message,
        "aws_sns_topic cannot be generated as CloudFormation yet (aws_sns_topic.t).",
      );
      return true;
    },
  );
  const unknownArgument = graphOf(
    `${HEADER}components:\n  l:\n    type: native\n    resource: aws_cloudwatch_log_group\n    properties: { name: l, skip_destroy: true }\n`,
  );
  assert.throws(
    () => generate(unknownArgument, "cloudformation"),
    /aws_cloudwatch_log_group argument `skip_destroy` \(aws_cloudwatch_log_group\.l\) cannot be generated as CloudFormation yet/,
  );
  assert.throws(
    () => generate(exampleGraph("gcp-notes"), "cloudformation"),
    /cloudformation generates for aws only; environment `prod` of app `notes` targets gcp\./,
  );
});

test("text CloudFormation would resolve as a dynamic reference is refused", () => {
  const graph = graphOf(
    `${HEADER}components:\n  l:\n    type: native\n    resource: aws_cloudwatch_log_group\n    properties: { name: "{{resolve:secretsmanager:db}}" }\n`,
  );
  assert.throws(
    () => generate(graph, "cloudformation"),
    /contains `\{\{resolve:`, which CloudFormation would resolve/,
  );
});

test("beyond 500 resources the template becomes nested stacks of at most 500, wired through the root", () => {
  const buckets = Array.from({ length: 300 }, (_, i) => `  b${i}: { type: bucket }\n`).join("");
  const graph = graphOf(
    `${HEADER}components:\n  net: { type: network, cidr: 10.0.0.0/16 }\n${buckets}outputs:\n  vpc: \${net.id}\n`,
  );
  const files = generate(graph, "cloudformation-json");
  const root = JSON.parse(files.get("template.json") as string) as Template;
  const children = [...files.keys()].filter((p) => p.startsWith("stacks/"));
  assert.ok(children.length >= 2, children.join(", "));
  let total = 0;
  for (const path of children) {
    const child = JSON.parse(files.get(path) as string) as Template;
    const count = Object.keys(child.Resources).length;
    assert.ok(count <= 500, `${path}: ${count}`);
    total += count;
    // A bucket and its policy are never split apart.
    for (const [id, resource] of Object.entries(child.Resources))
      if (resource.Type === "AWS::S3::BucketPolicy")
        assert.ok(child.Resources[id.replace(/Policy$/, "")], id);
  }
  // Each bucket and its policy (versioning, encryption, public access block and logging merge into the
  // bucket), plus everything else of the environment: the network and the shared access-log bucket.
  assert.equal(
    total,
    300 * 2 +
      2 +
      Object.keys(
        template(graphOf(`${HEADER}components:\n  net: { type: network, cidr: 10.0.0.0/16 }\n`)).Resources,
      ).length,
  );
  assert.ok(Object.values(root.Resources).every((r) => r.Type === "AWS::CloudFormation::Stack"));
  // A bucket in a child without the access-log bucket logs to it through a parameter of its child,
  // which the root fills from the output of the child that holds it; buckets beside it refer to it.
  let acrossStacks = 0;
  for (const path of children) {
    const child = JSON.parse(files.get(path) as string) as Template;
    const holdsLogs = child.Resources.AccessLogsBucket !== undefined;
    for (const resource of Object.values(child.Resources)) {
      const logging = resource.Properties.LoggingConfiguration as { DestinationBucketName: unknown };
      if (!logging) continue;
      assert.deepEqual(logging.DestinationBucketName, { Ref: "AccessLogsBucket" }, path);
      if (holdsLogs) continue;
      acrossStacks++;
      assert.ok(child.Parameters?.AccessLogsBucket, `${path} takes the log bucket as a parameter`);
    }
    if (!holdsLogs && child.Parameters?.AccessLogsBucket) {
      const id = `Part${path.replace(/^stacks\/part-(\d+)\.json$/, "$1")}Stack`;
      const passed = (r(root, id).Properties.Parameters as Record<string, unknown>).AccessLogsBucket;
      assert.deepEqual(Object.keys(passed as object), ["Fn::GetAtt"], `${id} passes the log bucket`);
    }
  }
  assert.ok(acrossStacks > 0, "some buckets log to a bucket in another nested stack");
  // The root's output reads the child that holds the VPC.
  const value = (root.Outputs as Record<string, unknown>).vpc as {
    Value: { "Fn::GetAtt": [string, string] };
  };
  const getAtt = value.Value["Fn::GetAtt"];
  const holder = JSON.parse(
    files.get(`stacks/${getAtt[0].replace(/^Part(\d+)Stack$/, "part-$1")}.json`) as string,
  );
  assert.deepEqual(holder.Outputs[getAtt[1].replace("Outputs.", "")], { Value: { Ref: "NetVPC" } });
});

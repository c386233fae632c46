import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, test } from "node:test";
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from "@aws-sdk/client-cloudformation";
import {
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { GetRoleCommand, IAMClient, ListRolePoliciesCommand } from "@aws-sdk/client-iam";
import {
  CreateBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from "@aws-sdk/client-sqs";
import { generate } from "../../../src/codegen/generate.ts";
import { type MotoAccount, motoAccount, motoEndpoint } from "../../helpers/moto.ts";
import { graphOf, HEADER } from "../../helpers/spec.ts";

let endpoint: string;
let account: MotoAccount;
const config = () => ({
  endpoint,
  region: "us-east-1",
  credentials: account.credentials,
  // moto answers unimplemented actions with HTTP 500, which the SDK would retry.
  maxAttempts: 1,
});

before(async () => {
  endpoint = await motoEndpoint();
});

/** A fresh account in the shared moto, and an app name no other test's buckets use (S3 names are global). */
async function fresh(): Promise<string> {
  account = await motoAccount(endpoint);
  return `cfn${account.accountId.slice(-6)}`;
}

/** The shop example under another app name. */
function shopGraph(app: string, env: string) {
  const text = readFileSync(new URL("../../../examples/shop/plinth.yaml", import.meta.url), "utf8");
  return graphOf(text.replace(/^app: shop$/m, `app: ${app}`), { env });
}

async function createStack(name: string, body: string): Promise<string> {
  const cfn = new CloudFormationClient(config());
  await cfn.send(
    new CreateStackCommand({ StackName: name, TemplateBody: body, Capabilities: ["CAPABILITY_NAMED_IAM"] }),
  );
  for (let i = 0; i < 100; i++) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
    if (stack?.StackStatus && !stack.StackStatus.endsWith("IN_PROGRESS"))
      return `${stack.StackStatus} ${stack.StackStatusReason ?? ""}`.trim();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return "TIMEOUT";
}

test("the shop's generated CloudFormation deploys on moto, and its resources are visible through the service APIs", async () => {
  const app = await fresh();
  const graph = shopGraph(app, "dev");
  const body = generate(graph, "cloudformation").get("template.yaml") as string;
  assert.equal(await createStack(`${app}-dev`, body), "CREATE_COMPLETE");

  const cfn = new CloudFormationClient(config());
  const resources =
    (await cfn.send(new DescribeStackResourcesCommand({ StackName: `${app}-dev` }))).StackResources ?? [];
  // moto lists the resources of the types it models (not bucket policies, secrets, egress rules), each created.
  const declared = Object.keys(
    JSON.parse(generate(graph, "cloudformation-json").get("template.json") as string).Resources,
  );
  assert.ok(resources.length >= 25, `${resources.length} resources listed`);
  // (moto also lists some helper entries of its own without a logical ID.)
  for (const resource of resources.filter((r) => r.LogicalResourceId)) {
    assert.ok(
      declared.includes(resource.LogicalResourceId as string),
      `${resource.LogicalResourceId} is declared`,
    );
    assert.equal(resource.ResourceStatus, "CREATE_COMPLETE", resource.LogicalResourceId);
  }
  const physical = (logicalId: string) =>
    resources.find((r) => r.LogicalResourceId === logicalId)?.PhysicalResourceId as string;

  // The bucket with what Terraform splits into four resources, merged.
  const s3 = new S3Client({ ...config(), forcePathStyle: true });
  const bucket = physical("AssetsBucket");
  assert.equal(bucket, `${app}-dev-assets`);
  const encryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
  assert.equal(
    encryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault
      ?.SSEAlgorithm,
    "AES256",
  );
  // moto's CloudFormation applies a bucket's encryption and tags only (not its versioning, public access
  // block or lifecycle): those merged properties are checked in the template by cloudformation.test.ts.
  const tags = (await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet ?? [];
  assert.ok(tags.some((t) => t.Key === "plinth:address" && t.Value === "aws_s3_bucket.assets"));

  const ec2 = new EC2Client(config());
  const vpc = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [physical("NetVPC")] }))).Vpcs?.[0];
  assert.equal(vpc?.CidrBlock, "10.20.0.0/16");
  const subnets =
    (
      await ec2.send(
        new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc?.VpcId as string] }] }),
      )
    ).Subnets ?? [];
  assert.equal(subnets.length, 4);
  const groups =
    (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [physical("DbSecurityGroup")] })))
      .SecurityGroups ?? [];
  assert.equal(groups[0]?.GroupName, `${app}-dev-db`);

  const sqs = new SQSClient(config());
  const url = (await sqs.send(new GetQueueUrlCommand({ QueueName: `${app}-dev-jobs` }))).QueueUrl;
  const attributes =
    (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] }))).Attributes ??
    {};
  assert.equal(JSON.parse(attributes.RedrivePolicy as string).maxReceiveCount, 5);
  assert.match(
    JSON.parse(attributes.RedrivePolicy as string).deadLetterTargetArn,
    new RegExp(`:${app}-dev-jobs-dlq$`),
  );

  // The flow-log role with its inline policy merged into it.
  const iam = new IAMClient(config());
  const role = (await iam.send(new GetRoleCommand({ RoleName: `${app}-dev-net-flow-logs` }))).Role;
  assert.match(decodeURIComponent(role?.AssumeRolePolicyDocument ?? ""), /vpc-flow-logs\.amazonaws\.com/);
  assert.deepEqual(
    (await iam.send(new ListRolePoliciesCommand({ RoleName: `${app}-dev-net-flow-logs` }))).PolicyNames,
    ["write-flow-logs"],
  );
  // moto's CloudFormation creates roles without their ManagedPolicyArns; the template test checks them.
  assert.equal(
    (await iam.send(new GetRoleCommand({ RoleName: `${app}-dev-web` }))).Role?.RoleName,
    `${app}-dev-web`,
  );
});

test("nested stacks deploy on moto: the root creates every child stack from its uploaded template", async () => {
  const app = await fresh();
  // Independent queues, 3 children of at most 10 resources. moto cannot read a child's outputs
  // (`GetAtt Child.Outputs.X`), so values passed between children are checked by cfn-lint and the unit
  // tests instead; buckets would share the environment's access-log bucket across children.
  const queues = Array.from(
    { length: 25 },
    (_, i) => `  q${String(i).padStart(2, "0")}: { type: queue }\n`,
  ).join("");
  const graph = graphOf(`${HEADER.replace("app: shop", `app: ${app}`)}components:\n${queues}`);
  const files = generate(graph, "cloudformation", { maxResourcesPerStack: 10 });
  const children = [...files.keys()].filter((path) => path.startsWith("stacks/"));
  assert.deepEqual(children, ["stacks/part-01.yaml", "stacks/part-02.yaml", "stacks/part-03.yaml"]);
  // What `aws cloudformation package` does: upload each child and point TemplateURL at it.
  const s3 = new S3Client({ ...config(), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: `${app}-templates` }));
  let root = files.get("template.yaml") as string;
  for (const path of children) {
    await s3.send(new PutObjectCommand({ Bucket: `${app}-templates`, Key: path, Body: files.get(path) }));
    root = root.replace(
      `TemplateURL: ${path}`,
      `TemplateURL: https://${app}-templates.s3.amazonaws.com/${path}`,
    );
  }
  assert.equal(await createStack(`${app}-nested`, root), "CREATE_COMPLETE");
  const sqs = new SQSClient(config());
  for (let i = 0; i < 25; i++) {
    const name = `${app}-default-q${String(i).padStart(2, "0")}`;
    assert.ok((await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl, name);
  }
});

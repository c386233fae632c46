import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeContinuousBackupsCommand, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { DescribeKeyCommand, GetKeyRotationStatusCommand } from "@aws-sdk/client-kms";
import { GetFunctionConfigurationCommand } from "@aws-sdk/client-lambda";
import { DescribeDBInstancesCommand } from "@aws-sdk/client-rds";
import { DescribeSecretCommand } from "@aws-sdk/client-secrets-manager";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import type { AwsContext } from "../../../src/catalog/aws/aws-crud.ts";
import { cloudwatchLogGroup } from "../../../src/catalog/aws/cloudwatch-log-group/crud.ts";
import { dbInstance } from "../../../src/catalog/aws/db-instance/crud.ts";
import { dbSubnetGroup } from "../../../src/catalog/aws/db-subnet-group/crud.ts";
import { dynamodbTable } from "../../../src/catalog/aws/dynamodb-table/crud.ts";
import { kmsKey } from "../../../src/catalog/aws/kms-key/crud.ts";
import { lambdaFunction } from "../../../src/catalog/aws/lambda-function/crud.ts";
import { secretsmanagerSecret } from "../../../src/catalog/aws/secretsmanager-secret/crud.ts";
import { sqsQueue } from "../../../src/catalog/aws/sqs-queue/crud.ts";
import { subnet } from "../../../src/catalog/aws/subnet/crud.ts";
import { vpc } from "../../../src/catalog/aws/vpc/crud.ts";
import { callFor, freshAws, lifecycle, tagsFor } from "../../helpers/aws.ts";

describe("SQS, Secrets Manager, CloudWatch Logs, RDS, DynamoDB, KMS and Lambda against moto", () => {
  let aws: AwsContext;
  before(async () => {
    aws = await freshAws();
  });

  test("aws_sqs_queue: attributes and redrive policy set, updated in place; id is the URL", async () => {
    const sqs = aws.clients.sqs();
    const dlq = await sqsQueue.create(aws, callFor("aws_sqs_queue.dlq", { name: "itest-dlq" }));
    const address = "aws_sqs_queue.jobs";
    const redrive = JSON.stringify({ deadLetterTargetArn: dlq.outputs.arn, maxReceiveCount: 5 });
    await lifecycle(
      aws,
      sqsQueue,
      address,
      {
        name: "itest-jobs",
        visibility_timeout_seconds: 30,
        sqs_managed_sse_enabled: true,
        redrive_policy: redrive,
        tags: tagsFor(address),
      },
      {
        update: { visibility_timeout_seconds: 90 },
        checkUpdated: async (o) => {
          assert.match(o.id, /itest-jobs$/);
          const { Attributes } = await sqs.send(
            new GetQueueAttributesCommand({ QueueUrl: o.id, AttributeNames: ["All"] }),
          );
          assert.equal(Attributes?.VisibilityTimeout, "90");
          assert.equal(JSON.parse(Attributes?.RedrivePolicy ?? "{}").maxReceiveCount, 5);
          assert.equal((await sqsQueue.find?.(aws, callFor(address, { name: "itest-jobs" })))?.id, o.id);
        },
      },
    );
  });

  test("aws_secretsmanager_secret: a container without a value; description updated; recovery window honoured", async () => {
    const client = aws.clients.secretsManager();
    const address = "aws_secretsmanager_secret.key";
    const props = {
      name: "itest/dev/key",
      description: "API key",
      recovery_window_in_days: 0,
      tags: tagsFor(address),
    };
    const created = await lifecycle(aws, secretsmanagerSecret, address, props, {
      update: { description: "rotated API key" },
      checkUpdated: async (o) => {
        const secret = await client.send(new DescribeSecretCommand({ SecretId: o.id }));
        assert.equal(secret.Description, "rotated API key");
      },
      keep: true,
    });
    assert.equal(
      (await secretsmanagerSecret.create(aws, callFor(address, props))).id,
      created.id,
      "found, not duplicated",
    );
    await secretsmanagerSecret.delete(aws, { ...callFor(address, props), id: created.id, outputs: {} });
    assert.equal(
      await secretsmanagerSecret.read(aws, { ...callFor(address, props), id: created.id, outputs: {} }),
      undefined,
    );
  });

  test("aws_secretsmanager_secret: recreating a secret plinth deleted within its recovery window restores it", async () => {
    const address = "aws_secretsmanager_secret.restored";
    const props = { name: "itest/dev/restored", recovery_window_in_days: 7, tags: tagsFor(address) };
    const created = await secretsmanagerSecret.create(aws, callFor(address, props));
    const existing = { ...callFor(address, props), id: created.id, outputs: {} };
    await secretsmanagerSecret.delete(aws, existing);
    assert.equal(await secretsmanagerSecret.read(aws, existing), undefined, "scheduled for deletion");
    const again = await secretsmanagerSecret.create(aws, callFor(address, props));
    assert.equal(again.id, created.id);
    assert.ok(await secretsmanagerSecret.read(aws, existing), "restored");
    await assert.rejects(
      secretsmanagerSecret.create(aws, callFor("aws_secretsmanager_secret.other", props)),
      {
        name: "AwsConflictError",
      },
    );
  });

  test("aws_cloudwatch_log_group: retention set and changed", async () => {
    await lifecycle(
      aws,
      cloudwatchLogGroup,
      "aws_cloudwatch_log_group.audit",
      { name: "/itest/audit", retention_in_days: 365, tags: tagsFor("aws_cloudwatch_log_group.audit") },
      {
        update: { retention_in_days: 30 },
        checkUpdated: async () => {
          const { logGroups } = await aws.clients
            .logs()
            .send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/itest/audit" }));
          assert.equal(logGroups?.[0]?.retentionInDays, 30);
          assert.equal(
            (
              await cloudwatchLogGroup.find?.(
                aws,
                callFor("aws_cloudwatch_log_group.audit", { name: "/itest/audit" }),
              )
            )?.id,
            "/itest/audit",
          );
        },
      },
    );
  });

  test("aws_db_subnet_group and aws_db_instance (postgres, RDS-managed password)", async () => {
    const rds = aws.clients.rds();
    const vpcId = (await vpc.create(aws, callFor("aws_vpc.db", { cidr_block: "10.7.0.0/16" }))).id;
    const a = await subnet.create(
      aws,
      callFor("aws_subnet.a", { vpc_id: vpcId, cidr_block: "10.7.1.0/24", availability_zone: "us-east-1a" }),
    );
    const b = await subnet.create(
      aws,
      callFor("aws_subnet.b", { vpc_id: vpcId, cidr_block: "10.7.2.0/24", availability_zone: "us-east-1b" }),
    );
    const group = await lifecycle(
      aws,
      dbSubnetGroup,
      "aws_db_subnet_group.db",
      { name: "itest-db", subnet_ids: [a.id, b.id], tags: tagsFor("aws_db_subnet_group.db") },
      { keep: true },
    );
    const props = {
      identifier: "itest-db",
      engine: "postgres",
      engine_version: "16",
      instance_class: "db.t4g.small",
      allocated_storage: 20,
      storage_encrypted: true,
      db_name: "shop",
      username: "app_admin",
      manage_master_user_password: true,
      db_subnet_group_name: group.id,
      publicly_accessible: false,
      backup_retention_period: 7,
      skip_final_snapshot: true,
      tags: tagsFor("aws_db_instance.db"),
    };
    await lifecycle(aws, dbInstance, "aws_db_instance.db", props, {
      check: (o) => {
        assert.match(String(o.outputs.address), /itest-db/);
        assert.equal(o.outputs.port, 5432);
      },
      update: { instance_class: "db.t4g.medium", allocated_storage: 40 },
      checkUpdated: async () => {
        const { DBInstances } = await rds.send(
          new DescribeDBInstancesCommand({ DBInstanceIdentifier: "itest-db" }),
        );
        assert.equal(DBInstances?.[0]?.DBInstanceClass, "db.t4g.medium");
        assert.equal(DBInstances?.[0]?.AllocatedStorage, 40);
      },
    });
    await dbSubnetGroup.delete(aws, { ...callFor("x", {}), id: group.id, outputs: {} });
  });

  test("aws_dynamodb_table: keys, GSI, TTL and point-in-time recovery; billing changed in place", async () => {
    const ddb = aws.clients.dynamodb();
    const props = {
      name: "itest-orders",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "pk",
      range_key: "sk",
      attribute: [
        { name: "pk", type: "S" },
        { name: "sk", type: "S" },
        { name: "gsi1", type: "S" },
      ],
      global_secondary_index: [{ name: "by-gsi1", hash_key: "gsi1", projection_type: "ALL" }],
      ttl: [{ attribute_name: "expires", enabled: true }],
      point_in_time_recovery: [{ enabled: true }],
      tags: tagsFor("aws_dynamodb_table.orders"),
    };
    await lifecycle(aws, dynamodbTable, "aws_dynamodb_table.orders", props, {
      check: async () => {
        const { Table } = await ddb.send(new DescribeTableCommand({ TableName: "itest-orders" }));
        assert.equal(Table?.GlobalSecondaryIndexes?.[0]?.IndexName, "by-gsi1");
        const backups = await ddb.send(new DescribeContinuousBackupsCommand({ TableName: "itest-orders" }));
        assert.equal(
          backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
          "ENABLED",
        );
      },
      update: { billing_mode: "PROVISIONED", read_capacity: 5, write_capacity: 5 },
      checkUpdated: async () => {
        const { Table } = await ddb.send(new DescribeTableCommand({ TableName: "itest-orders" }));
        assert.equal(Table?.ProvisionedThroughput?.ReadCapacityUnits, 5);
      },
    });
  });

  test("aws_kms_key: rotation enabled, found by tags, deletion scheduled", async () => {
    const kms = aws.clients.kms();
    const address = "aws_kms_key.data";
    const props = {
      description: "data key",
      enable_key_rotation: true,
      deletion_window_in_days: 7,
      tags: tagsFor(address),
    };
    const created = await kmsKey.create(aws, callFor(address, props));
    assert.equal(
      (await kms.send(new GetKeyRotationStatusCommand({ KeyId: created.id }))).KeyRotationEnabled,
      true,
    );
    assert.equal((await kmsKey.find?.(aws, callFor(address, props)))?.id, created.id);
    const existing = { ...callFor(address, props), id: created.id, outputs: created.outputs };
    await kmsKey.update?.(aws, {
      ...existing,
      properties: { ...props, description: "renamed" },
      previous: props,
      changed: ["description"],
    });
    assert.equal(
      (await kms.send(new DescribeKeyCommand({ KeyId: created.id }))).KeyMetadata?.Description,
      "renamed",
    );
    await kmsKey.delete(aws, existing);
    assert.equal(
      (await kms.send(new DescribeKeyCommand({ KeyId: created.id }))).KeyMetadata?.KeyState,
      "PendingDeletion",
    );
    assert.equal(await kmsKey.read(aws, existing), undefined);
  });

  test("aws_lambda_function: created from a zip, configuration updated (not invoked: moto has no runtime)", async () => {
    const { Role } = await aws.clients.iam().send(
      new CreateRoleCommand({
        RoleName: "itest-fn",
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
          ],
        }),
      }),
    );
    const zip = join(mkdtempSync(join(tmpdir(), "plinth-fn-")), "fn.zip");
    // A minimal valid zip (empty archive): moto stores the code, it never runs it.
    writeFileSync(zip, Buffer.from("504b0506000000000000000000000000000000000000", "hex"));
    const props = {
      function_name: "itest-fn",
      role: Role?.Arn as string,
      handler: "index.handler",
      runtime: "nodejs22.x",
      filename: zip,
      memory_size: 128,
      timeout: 10,
      environment: [{ variables: { STAGE: "dev" } }],
      tags: tagsFor("aws_lambda_function.fn"),
    };
    await lifecycle(aws, lambdaFunction, "aws_lambda_function.fn", props, {
      update: { memory_size: 256, environment: [{ variables: { STAGE: "prod" } }] },
      checkUpdated: async () => {
        const config = await aws.clients
          .lambda()
          .send(new GetFunctionConfigurationCommand({ FunctionName: "itest-fn" }));
        assert.equal(config.MemorySize, 256);
        assert.equal(config.Environment?.Variables?.STAGE, "prod");
      },
    });
    await assert.rejects(
      lambdaFunction.create(
        aws,
        callFor("aws_lambda_function.bad", {
          ...props,
          function_name: "itest-bad",
          filename: "/nonexistent/fn.zip",
        }),
      ),
      (error: Error) => error.name === "InputError" && /fn\.zip` cannot be read/.test(error.message),
    );
  });
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { before, describe, test } from "node:test";
import {
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
} from "@aws-sdk/client-iam";
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import type { AwsContext } from "../../../src/catalog/aws/aws-crud.ts";
import { iamInstanceProfile } from "../../../src/catalog/aws/iam-instance-profile/crud.ts";
import { iamRole } from "../../../src/catalog/aws/iam-role/crud.ts";
import { iamRolePolicy } from "../../../src/catalog/aws/iam-role-policy/crud.ts";
import { iamRolePolicyAttachment } from "../../../src/catalog/aws/iam-role-policy-attachment/crud.ts";
import { s3Bucket } from "../../../src/catalog/aws/s3-bucket/crud.ts";
import { s3BucketLifecycleConfiguration } from "../../../src/catalog/aws/s3-bucket-lifecycle-configuration/crud.ts";
import { s3BucketLogging } from "../../../src/catalog/aws/s3-bucket-logging/crud.ts";
import { s3BucketPolicy } from "../../../src/catalog/aws/s3-bucket-policy/crud.ts";
import { s3BucketPublicAccessBlock } from "../../../src/catalog/aws/s3-bucket-public-access-block/crud.ts";
import { s3BucketServerSideEncryptionConfiguration } from "../../../src/catalog/aws/s3-bucket-server-side-encryption-configuration/crud.ts";
import { s3BucketVersioning } from "../../../src/catalog/aws/s3-bucket-versioning/crud.ts";
import { callFor, freshAws, lifecycle, tagsFor } from "../../helpers/aws.ts";

const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

describe("S3 resources against moto", () => {
  // Bucket names are global (across moto's accounts too): a run of its own keeps a reused server clean.
  const run = randomBytes(3).toString("hex");
  let aws: AwsContext;
  before(async () => {
    aws = await freshAws();
  });

  test("aws_s3_bucket: tags set and updated, found by name and identity, force_destroy empties it", async () => {
    const s3 = aws.clients.s3();
    const address = "aws_s3_bucket.assets";
    const props = { bucket: `itest-assets-${run}`, force_destroy: true, tags: tagsFor(address) };
    await lifecycle(aws, s3Bucket, address, props, {
      update: { tags: { ...tagsFor(address), team: "web" } },
      checkUpdated: async () => {
        const { TagSet } = await s3.send(new GetBucketTaggingCommand({ Bucket: `itest-assets-${run}` }));
        assert.equal(TagSet?.find((t) => t.Key === "team")?.Value, "web");
        assert.equal((await s3Bucket.find?.(aws, callFor(address, props)))?.id, `itest-assets-${run}`);
        assert.equal(
          await s3Bucket.find?.(aws, callFor("aws_s3_bucket.other", props)),
          undefined,
          "not ours",
        );
        await s3.send(new PutObjectCommand({ Bucket: `itest-assets-${run}`, Key: "a.txt", Body: "a" }));
      },
    });
  });

  test("a bucket create retried after it went through succeeds on the bucket it already owns", async () => {
    const props = { bucket: `itest-retried-${run}`, tags: tagsFor("aws_s3_bucket.r") };
    const first = await s3Bucket.create(aws, callFor("aws_s3_bucket.r", props));
    const second = await s3Bucket.create(aws, callFor("aws_s3_bucket.r", props));
    assert.equal(second.id, first.id);
    assert.equal(first.outputs.arn, `arn:aws:s3:::itest-retried-${run}`);
  });

  test("bucket settings: versioning, encryption, public access block, lifecycle, policy", async () => {
    const s3 = aws.clients.s3();
    const Bucket = `itest-settings-${run}`;
    await s3Bucket.create(aws, callFor("aws_s3_bucket.s", { bucket: Bucket }));
    const versioning = { bucket: Bucket, versioning_configuration: [{ status: "Enabled" }] };
    const created = await s3BucketVersioning.create(aws, callFor("aws_s3_bucket_versioning.s", versioning));
    assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status, "Enabled");
    // Deleting versioning suspends it: a bucket never returns to unversioned.
    await s3BucketVersioning.delete(aws, { ...callFor("x", versioning), id: created.id, outputs: {} });
    assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status, "Suspended");
    await lifecycle(
      aws,
      s3BucketServerSideEncryptionConfiguration,
      "aws_s3_bucket_server_side_encryption_configuration.s",
      {
        bucket: Bucket,
        rule: [
          {
            apply_server_side_encryption_by_default: [{ sse_algorithm: "AES256" }],
            bucket_key_enabled: true,
          },
        ],
      },
      {
        check: async () => {
          const { ServerSideEncryptionConfiguration } = await s3.send(
            new GetBucketEncryptionCommand({ Bucket }),
          );
          assert.equal(
            ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
            "AES256",
          );
        },
        keep: true,
      },
    );
    await lifecycle(
      aws,
      s3BucketPublicAccessBlock,
      "aws_s3_bucket_public_access_block.s",
      {
        bucket: Bucket,
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      },
      {
        update: { restrict_public_buckets: false },
        checkUpdated: async () => {
          const { PublicAccessBlockConfiguration: c } = await s3.send(
            new GetPublicAccessBlockCommand({ Bucket }),
          );
          assert.equal(c?.BlockPublicAcls, true);
          assert.equal(c?.RestrictPublicBuckets, false);
        },
      },
    );
    await lifecycle(
      aws,
      s3BucketLifecycleConfiguration,
      "aws_s3_bucket_lifecycle_configuration.s",
      {
        bucket: Bucket,
        rule: [
          {
            id: "expire",
            status: "Enabled",
            filter: [{}],
            expiration: [{ days: 365 }],
            noncurrent_version_expiration: [{ noncurrent_days: 30 }],
            abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
          },
        ],
      },
      {
        check: async () => {
          const { Rules } = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket }));
          assert.equal(Rules?.[0]?.Expiration?.Days, 365);
          assert.equal(Rules?.[0]?.AbortIncompleteMultipartUpload?.DaysAfterInitiation, 7);
        },
      },
    );
    const logs = `${Bucket}-logs`;
    await s3Bucket.create(aws, callFor("aws_s3_bucket.logs", { bucket: logs }));
    const refused = callFor("aws_s3_bucket_logging.s", { bucket: Bucket, target_bucket: logs });
    await assert.rejects(s3BucketLogging.create(aws, refused), (error: Error & { retryable?: boolean }) => {
      assert.equal(error.name, "AwsEventualConsistencyError", "retried until the target's policy is there");
      assert.equal(error.retryable, true);
      return true;
    });
    await s3BucketPolicy.create(
      aws,
      callFor("aws_s3_bucket_policy.logs", {
        bucket: logs,
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "logging.s3.amazonaws.com" },
              Action: "s3:PutObject",
              Resource: `arn:aws:s3:::${logs}/*`,
            },
          ],
        }),
      }),
    );
    await lifecycle(
      aws,
      s3BucketLogging,
      "aws_s3_bucket_logging.s",
      { bucket: Bucket, target_bucket: logs, target_prefix: "s/" },
      {
        update: { target_prefix: "assets/" },
        checkUpdated: async () => {
          const { LoggingEnabled } = await s3.send(new GetBucketLoggingCommand({ Bucket }));
          assert.deepEqual([LoggingEnabled?.TargetBucket, LoggingEnabled?.TargetPrefix], [logs, "assets/"]);
        },
      },
    );
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: `arn:aws:s3:::${Bucket}/*`,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
    await lifecycle(
      aws,
      s3BucketPolicy,
      "aws_s3_bucket_policy.s",
      { bucket: Bucket, policy },
      {
        check: async () => {
          const { Policy } = await s3.send(new GetBucketPolicyCommand({ Bucket }));
          assert.equal(JSON.parse(Policy ?? "{}").Statement[0].Sid, "DenyInsecureTransport");
        },
      },
    );
  });
});

describe("IAM resources against moto", () => {
  let aws: AwsContext;
  before(async () => {
    aws = await freshAws();
  });

  test("aws_iam_role: trust policy and description updated; a retried create adopts the role it made", async () => {
    const iam = aws.clients.iam();
    const address = "aws_iam_role.web";
    const props = { name: "itest-web", assume_role_policy: trust, tags: tagsFor(address) };
    const created = await iamRole.create(aws, callFor(address, props));
    assert.match(String(created.outputs.arn), /:role\/itest-web$/);
    assert.equal((await iamRole.create(aws, callFor(address, props))).id, "itest-web", "adopted, not failed");
    await assert.rejects(iamRole.create(aws, callFor("aws_iam_role.someone_else", props)), {
      name: "AwsConflictError",
    });
    await lifecycle(
      aws,
      iamRole,
      "aws_iam_role.app",
      { name: "itest-app", assume_role_policy: trust, tags: tagsFor("aws_iam_role.app") },
      {
        update: { description: "app servers", tags: { team: "app" } },
        checkUpdated: async () => {
          const { Role } = await iam.send(new GetRoleCommand({ RoleName: "itest-app" }));
          assert.equal(Role?.Description, "app servers");
          assert.deepEqual(Role?.Tags, [{ Key: "team", Value: "app" }]);
        },
      },
    );
  });

  test("aws_iam_role_policy, aws_iam_role_policy_attachment, aws_iam_instance_profile", async () => {
    const iam = aws.clients.iam();
    await iamRole.create(aws, callFor("aws_iam_role.r", { name: "itest-r", assume_role_policy: trust }));
    await iamRole.create(aws, callFor("aws_iam_role.r2", { name: "itest-r2", assume_role_policy: trust }));
    const policy = (action: string) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: action, Resource: "*" }],
      });
    await lifecycle(
      aws,
      iamRolePolicy,
      "aws_iam_role_policy.logs",
      { role: "itest-r", name: "logs", policy: policy("logs:PutLogEvents") },
      {
        update: { policy: policy("logs:CreateLogStream") },
        checkUpdated: async (o) => {
          assert.equal(o.id, "itest-r:logs");
          const { PolicyDocument } = await iam.send(
            new GetRolePolicyCommand({ RoleName: "itest-r", PolicyName: "logs" }),
          );
          assert.match(decodeURIComponent(PolicyDocument ?? ""), /logs:CreateLogStream/);
        },
      },
    );
    const policyArn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    await lifecycle(
      aws,
      iamRolePolicyAttachment,
      "aws_iam_role_policy_attachment.ssm",
      { role: "itest-r", policy_arn: policyArn },
      {
        check: async () => {
          const { AttachedPolicies } = await iam.send(
            new ListAttachedRolePoliciesCommand({ RoleName: "itest-r" }),
          );
          assert.deepEqual(
            AttachedPolicies?.map((p) => p.PolicyArn),
            [policyArn],
          );
        },
      },
    );
    await lifecycle(
      aws,
      iamInstanceProfile,
      "aws_iam_instance_profile.web",
      { name: "itest-web", role: "itest-r", tags: tagsFor("aws_iam_instance_profile.web") },
      {
        update: { role: "itest-r2" },
        checkUpdated: async () => {
          const { InstanceProfile } = await iam.send(
            new GetInstanceProfileCommand({ InstanceProfileName: "itest-web" }),
          );
          assert.deepEqual(
            InstanceProfile?.Roles?.map((r) => r.RoleName),
            ["itest-r2"],
          );
          assert.equal(
            (
              await iamInstanceProfile.find?.(
                aws,
                callFor("aws_iam_instance_profile.web", { name: "itest-web" }),
              )
            )?.id,
            "itest-web",
          );
        },
      },
    );
  });
});

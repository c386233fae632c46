import type { BucketComponent } from "../../../spec/types.ts";
import { Template } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";
import { accessLogBucket } from "./access-log-bucket.ts";
import { denyInsecureTransport, policyDocument } from "./iam.ts";

/**
 * S3 bucket with encryption at rest, versioning, all public access blocked (unless `public: true`), a
 * policy refusing plain HTTP, server access logs to the environment's log bucket, and an optional expiry
 * rule: the split resources of AWS provider v4+.
 */
export function lowerAwsBucket(bucket: BucketComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(bucket);
  const isPublic = bucket.props.public ?? false;
  const address = ctx.add(bucket, "aws_s3_bucket", name, {
    bucket: ctx.physicalName(bucket, { max: 63 }),
    force_destroy: bucket.props.forceDestroy ?? false,
  });
  const id = ctx.ref(address, "id");
  const arn = ctx.ref(address, "arn");

  ctx.add(bucket, "aws_s3_bucket_logging", name, {
    bucket: id,
    target_bucket: ctx.ref(accessLogBucket(ctx, bucket), "id"),
    target_prefix: `${bucket.name}/`,
  });
  if (bucket.props.versioning ?? true) {
    ctx.add(bucket, "aws_s3_bucket_versioning", name, {
      bucket: id,
      versioning_configuration: [{ status: "Enabled" }],
    });
  }
  ctx.add(bucket, "aws_s3_bucket_server_side_encryption_configuration", name, {
    bucket: id,
    rule: [
      { apply_server_side_encryption_by_default: [{ sse_algorithm: "AES256" }], bucket_key_enabled: true },
    ],
  });
  const publicAccessBlock = ctx.add(bucket, "aws_s3_bucket_public_access_block", name, {
    bucket: id,
    block_public_acls: !isPublic,
    block_public_policy: !isPublic,
    ignore_public_acls: !isPublic,
    restrict_public_buckets: !isPublic,
  });

  const objects = new Template([arn, "/*"]);
  const statements = [denyInsecureTransport(arn, objects)];
  if (isPublic) {
    statements.push({
      Sid: "PublicRead",
      Effect: "Allow",
      Principal: "*",
      Action: "s3:GetObject",
      Resource: objects,
    });
  }
  // A bucket policy granting public read is refused while the public access block is being applied.
  ctx.add(
    bucket,
    "aws_s3_bucket_policy",
    name,
    { bucket: id, policy: policyDocument(statements) },
    { dependsOn: [publicAccessBlock] },
  );

  if (bucket.props.expireAfterDays !== undefined) {
    ctx.add(bucket, "aws_s3_bucket_lifecycle_configuration", name, {
      bucket: id,
      rule: [
        {
          id: "expire-objects",
          status: "Enabled",
          filter: [{}],
          expiration: [{ days: bucket.props.expireAfterDays }],
          noncurrent_version_expiration: [{ noncurrent_days: bucket.props.expireAfterDays }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
        },
      ],
    });
  }

  return {
    attributes: {
      id,
      name: ctx.ref(address, "bucket"),
      url: new Template(["s3://", ctx.ref(address, "bucket")]),
    },
  };
}

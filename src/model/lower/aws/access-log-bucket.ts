import type { Component } from "../../../spec/types.ts";
import { shortHash } from "../../naming.ts";
import { Template } from "../../value.ts";
import type { LoweringContext } from "../context.ts";
import { denyInsecureTransport, policyDocument } from "./iam.ts";

/** Local name of the environment's access-log bucket; components' names never start with `_`. */
const LOG_BUCKET = "_access_logs";

/**
 * The environment's S3 server access log bucket, created once for all its buckets: encrypted with
 * SSE-S3 (access logging cannot write SSE-KMS), versioned, private, TLS only, logs kept a year, and
 * writable only by the S3 logging service for this app's buckets. It does not log its own access (that
 * would log every log delivery); the suppression says so, so policy reports it as accepted, not missed.
 * Logs are evidence, so destroy keeps a bucket holding them, unless every bucket of the environment is
 * declared disposable (`forceDestroy`, as preview environments are): then its logs go with it.
 */
export function accessLogBucket(ctx: LoweringContext, first: Component): string {
  const address = `aws_s3_bucket.${LOG_BUCKET}`;
  if (ctx.nodes.has(address)) return address;
  const { app, env } = ctx.spec;
  const name = `${app}-${env}-access-logs-${shortHash(`${app}/${env}`, 6)}`.slice(0, 63);
  // It belongs to the first bucket that needs it, so it moves with a component (nested stacks, graphs).
  const disposable = ctx.spec.components.every((c) => c.type !== "bucket" || c.props.forceDestroy === true);
  ctx.add(first, "aws_s3_bucket", LOG_BUCKET, { bucket: name, force_destroy: disposable });
  const node = ctx.nodes.get(address);
  if (node) {
    node.directives = [
      {
        text: 'plinth:ignore PLINTH-AWS-008 reason="the access-log bucket does not log access to itself"',
        location: first.location,
      },
    ];
  }
  const id = ctx.ref(address, "id");
  const arn = ctx.ref(address, "arn");
  ctx.add(first, "aws_s3_bucket_versioning", LOG_BUCKET, {
    bucket: id,
    versioning_configuration: [{ status: "Enabled" }],
  });
  ctx.add(first, "aws_s3_bucket_server_side_encryption_configuration", LOG_BUCKET, {
    bucket: id,
    rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: "AES256" }] }],
  });
  const block = ctx.add(first, "aws_s3_bucket_public_access_block", LOG_BUCKET, {
    bucket: id,
    block_public_acls: true,
    block_public_policy: true,
    ignore_public_acls: true,
    restrict_public_buckets: true,
  });
  ctx.add(first, "aws_s3_bucket_lifecycle_configuration", LOG_BUCKET, {
    bucket: id,
    rule: [
      {
        id: "expire-access-logs",
        status: "Enabled",
        filter: [{}],
        expiration: [{ days: 365 }],
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
      },
    ],
  });
  const objects = new Template([arn, "/*"]);
  ctx.add(
    first,
    "aws_s3_bucket_policy",
    LOG_BUCKET,
    {
      bucket: id,
      // Statement order means nothing to AWS; the logging grant comes first because S3 emulators that
      // check it (moto 5.2) fail on a statement with a "*" principal before reaching it.
      policy: policyDocument([
        {
          Sid: "S3ServerAccessLogs",
          Effect: "Allow",
          Principal: { Service: "logging.s3.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: objects,
          Condition: { ArnLike: { "aws:SourceArn": `arn:aws:s3:::${app}-${env}-*` } },
        },
        denyInsecureTransport(arn, objects),
      ]),
    },
    { dependsOn: [block] },
  );
  return address;
}

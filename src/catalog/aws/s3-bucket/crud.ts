import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketTaggingCommand,
  DeleteObjectsCommand,
  GetBucketTaggingCommand,
  HeadBucketCommand,
  ListObjectVersionsCommand,
  PutBucketTaggingCommand,
} from "@aws-sdk/client-s3";
import type { Observed } from "../../../engine/resource-handler.ts";
import {
  AwsConflictError,
  AwsError,
  AwsNotFoundError,
  AwsRequestError,
} from "../../../providers/aws/aws-errors.ts";
import { hasIdentity, tagList, tagMap } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, unlessNotFound } from "../aws-crud.ts";
import { bool, requiredStr } from "../properties.ts";

/**
 * aws_s3_bucket: the bucket and its tags. Versioning, encryption, public access, lifecycle and policy
 * are their own resources, as in Terraform's AWS provider 4+. A bucket name is its identity: a create
 * retried after a crash finds the bucket it already owns instead of failing.
 */
export const s3Bucket: AwsCrud = {
  type: "aws_s3_bucket",
  forceNew: ["bucket", "bucket_prefix", "object_lock_enabled"],
  async create(aws, call) {
    const bucket = requiredStr(call.properties, "bucket", "aws_s3_bucket");
    const region = aws.clients.region;
    try {
      await aws.clients.s3().send(
        new CreateBucketCommand({
          Bucket: bucket,
          ...(region === "us-east-1"
            ? {}
            : { CreateBucketConfiguration: { LocationConstraint: region as "eu-west-1" } }),
          ObjectLockEnabledForBucket: bool(call.properties, "object_lock_enabled"),
        }),
      );
    } catch (error) {
      if (!(error instanceof AwsConflictError && error.code === "BucketAlreadyOwnedByYou")) throw error;
    }
    await putTags(aws, bucket, call.properties.tags);
    return observed(aws, bucket);
  },
  async read(aws, call) {
    const found = await unlessNotFound(aws.clients.s3().send(new HeadBucketCommand({ Bucket: call.id })));
    if (!found) return undefined;
    return { ...observed(aws, call.id), properties: { tags: await readTags(aws, call.id) } };
  },
  async update(aws, call) {
    if (call.changed.includes("tags")) await putTags(aws, call.id, call.properties.tags);
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    if (bool(call.properties, "force_destroy")) await emptyBucket(aws, call.id);
    try {
      await unlessNotFound(aws.clients.s3().send(new DeleteBucketCommand({ Bucket: call.id })));
    } catch (error) {
      if (!(error instanceof AwsError && error.code === "BucketNotEmpty")) throw error;
      // Objects are data: never deleted unless the spec says so.
      throw new AwsConflictError(`Bucket ${call.id} still holds objects, so it was not deleted.`, error, {
        hint: "Empty it first (aws s3 rm --recursive), or set forceDestroy: true on its component.",
        cause: error,
      });
    }
  },
  async find(aws, call) {
    const bucket = requiredStr(call.properties, "bucket", "aws_s3_bucket");
    const found = await unlessNotFound(aws.clients.s3().send(new HeadBucketCommand({ Bucket: bucket })));
    if (!found) return undefined;
    return hasIdentity(await readTags(aws, bucket), call.identity) ? observed(aws, bucket) : undefined;
  },
};

async function putTags(aws: AwsContext, bucket: string, tags: Parameters<typeof tagList>[0]) {
  const TagSet = tagList(tags);
  if (TagSet.length === 0) await aws.clients.s3().send(new DeleteBucketTaggingCommand({ Bucket: bucket }));
  else await aws.clients.s3().send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet } }));
}

async function readTags(aws: AwsContext, bucket: string): Promise<Record<string, string>> {
  try {
    const { TagSet } = await aws.clients.s3().send(new GetBucketTaggingCommand({ Bucket: bucket }));
    return tagMap(TagSet);
  } catch (error) {
    // A bucket without tags answers NoSuchTagSet.
    if (
      error instanceof AwsNotFoundError ||
      (error instanceof AwsRequestError && error.code === "NoSuchTagSet")
    )
      return {};
    throw error;
  }
}

/** Deletes every object version and delete marker, a page at a time (force_destroy). */
async function emptyBucket(aws: AwsContext, bucket: string): Promise<void> {
  const s3 = aws.clients.s3();
  for (;;) {
    const page = await unlessNotFound(
      s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 })),
    );
    const objects = [...(page?.Versions ?? []), ...(page?.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key as string,
      VersionId: v.VersionId,
    }));
    if (objects.length === 0) return;
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
  }
}

function observed(aws: AwsContext, bucket: string): Observed {
  return {
    id: bucket,
    outputs: {
      bucket,
      arn: `arn:aws:s3:::${bucket}`,
      region: aws.clients.region,
      bucket_domain_name: `${bucket}.s3.amazonaws.com`,
      bucket_regional_domain_name: `${bucket}.s3.${aws.clients.region}.amazonaws.com`,
    },
  };
}

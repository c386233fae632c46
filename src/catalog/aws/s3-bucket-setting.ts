import type { Observed } from "../../engine/resource-handler.ts";
import type { JsonObject } from "../../model/value.ts";
import { type AwsContext, type AwsCrud, unlessNotFound } from "./aws-crud.ts";
import { requiredStr } from "./properties.ts";

/** How one bucket sub-resource (versioning, encryption…) is put, read and removed. */
export interface BucketSetting {
  type: string;
  put(aws: AwsContext, bucket: string, props: JsonObject): Promise<unknown>;
  /**
   * The live setting as properties (shaped like `applied`, so optional fields AWS reports with their
   * defaults do not look like drift), or undefined when the bucket has none.
   */
  get(aws: AwsContext, bucket: string, applied: JsonObject): Promise<JsonObject | undefined>;
  remove(aws: AwsContext, bucket: string, props: JsonObject): Promise<unknown>;
}

/**
 * The CRUD of a bucket setting resource (`aws_s3_bucket_versioning`…): put is idempotent, so create
 * and update are the same call and a create retried after a crash is harmless. Its id is the bucket.
 */
export function bucketSetting(setting: BucketSetting): AwsCrud {
  const bucketOf = (props: JsonObject) => requiredStr(props, "bucket", setting.type);
  const observed = (bucket: string): Observed => ({ id: bucket, outputs: {} });
  return {
    type: setting.type,
    forceNew: ["bucket", "expected_bucket_owner"],
    async create(aws, call) {
      await setting.put(aws, bucketOf(call.properties), call.properties);
      return observed(bucketOf(call.properties));
    },
    async read(aws, call) {
      const live = await unlessNotFound(setting.get(aws, call.id, call.properties));
      return live ? { ...observed(call.id), properties: live } : undefined;
    },
    async update(aws, call) {
      await setting.put(aws, call.id, call.properties);
      return observed(call.id);
    },
    async delete(aws, call) {
      await unlessNotFound(setting.remove(aws, call.id, call.properties));
    },
  };
}

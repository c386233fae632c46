import type { PulumiMapping } from "../pulumi-mapping.ts";
import { lb } from "./lb/pulumi.ts";
import { s3BucketLifecycleConfiguration } from "./s3-bucket-lifecycle-configuration/pulumi.ts";

/** AWS types whose Pulumi resource differs from the generic derivation. */
export const PULUMI: Readonly<Record<string, PulumiMapping>> = {
  aws_lb: lb,
  aws_s3_bucket_lifecycle_configuration: s3BucketLifecycleConfiguration,
};

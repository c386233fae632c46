import type { PulumiMapping } from "../../pulumi-mapping.ts";

const single = (name: string) => ({ name, flattened: true });

/**
 * pulumi-aws takes a rule's filter, expiration and the like as single objects, where Terraform's
 * (plugin framework) schema declares lists without a maximum.
 */
export const s3BucketLifecycleConfiguration: PulumiMapping = {
  fields: {
    "rule.filter": single("filter"),
    "rule.expiration": single("expiration"),
    "rule.noncurrent_version_expiration": single("noncurrentVersionExpiration"),
    "rule.abort_incomplete_multipart_upload": single("abortIncompleteMultipartUpload"),
  },
};

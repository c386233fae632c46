import { bool, type CloudFormationMapping, each, tags } from "../type-mapping.ts";

/** S3 bucket, split as Terraform splits it: versioning, encryption, public access block, logging, ACL. */
export const s3Bucket: CloudFormationMapping = {
  cloudFormationType: "AWS::S3::Bucket",
  main: {
    terraformType: "aws_s3_bucket",
    rules: [
      ["BucketName", "bucket"],
      ["ObjectLockEnabled", "object_lock_enabled", bool],
      ["Tags", "tags", tags],
    ],
  },
  split: [
    {
      terraformType: "aws_s3_bucket_versioning",
      when: "VersioningConfiguration",
      link: { argument: "bucket", attribute: "id" },
      rules: [["VersioningConfiguration.Status", "versioning_configuration[0].status"]],
    },
    {
      terraformType: "aws_s3_bucket_server_side_encryption_configuration",
      when: "BucketEncryption",
      link: { argument: "bucket", attribute: "id" },
      rules: [
        each("BucketEncryption.ServerSideEncryptionConfiguration", "rule", [
          [
            "ServerSideEncryptionByDefault.SSEAlgorithm",
            "apply_server_side_encryption_by_default[0].sse_algorithm",
          ],
          [
            "ServerSideEncryptionByDefault.KMSMasterKeyID",
            "apply_server_side_encryption_by_default[0].kms_master_key_id",
          ],
          ["BucketKeyEnabled", "bucket_key_enabled", bool],
        ]),
      ],
    },
    {
      terraformType: "aws_s3_bucket_public_access_block",
      when: "PublicAccessBlockConfiguration",
      link: { argument: "bucket", attribute: "id" },
      rules: [
        ["PublicAccessBlockConfiguration.BlockPublicAcls", "block_public_acls", bool],
        ["PublicAccessBlockConfiguration.BlockPublicPolicy", "block_public_policy", bool],
        ["PublicAccessBlockConfiguration.IgnorePublicAcls", "ignore_public_acls", bool],
        ["PublicAccessBlockConfiguration.RestrictPublicBuckets", "restrict_public_buckets", bool],
      ],
    },
    {
      terraformType: "aws_s3_bucket_logging",
      when: "LoggingConfiguration",
      link: { argument: "bucket", attribute: "id" },
      rules: [
        ["LoggingConfiguration.DestinationBucketName", "target_bucket"],
        ["LoggingConfiguration.LogFilePrefix", "target_prefix"],
      ],
    },
    {
      terraformType: "aws_s3_bucket_acl",
      when: "AccessControl",
      link: { argument: "bucket", attribute: "id" },
      rules: [
        [
          "AccessControl",
          "acl",
          (v) => (typeof v === "string" ? v.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase() : v),
        ],
      ],
    },
  ],
  attributes: {
    Arn: "arn",
    DomainName: "bucket_domain_name",
    RegionalDomainName: "bucket_regional_domain_name",
    WebsiteURL: "website_endpoint",
  },
};

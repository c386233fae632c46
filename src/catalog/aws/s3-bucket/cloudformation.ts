import { type CloudFormationMapping, getAtt, REF } from "../../cloudformation-mapping.ts";

/** The bucket; its versioning, encryption, public access block and lifecycle merge into it. */
export const s3Bucket: CloudFormationMapping = {
  type: "AWS::S3::Bucket",
  properties: {
    bucket: "BucketName",
    // CloudFormation cannot empty a bucket before deleting it, whatever force_destroy says.
    force_destroy: () => ({}),
  },
  attributes: {
    id: REF,
    bucket: REF,
    arn: getAtt("Arn"),
    bucket_domain_name: getAtt("DomainName"),
    bucket_regional_domain_name: getAtt("RegionalDomainName"),
  },
  retention: () => "Retain",
};

import { Encoded } from "../../../model/value.ts";
import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const s3BucketPolicy: CloudFormationMapping = {
  type: "AWS::S3::BucketPolicy",
  properties: {
    bucket: "Bucket",
    policy: (value) => ({ PolicyDocument: value instanceof Encoded ? value.value : value }),
  },
  tags: "none",
  attributes: { id: REF },
};

import { Encoded, type Value } from "../../value.ts";

/** `aws`, `aws-cn` or `aws-us-gov`: ARNs of AWS-managed policies differ by partition. */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** A trust policy letting one AWS service assume a role. */
export function assumeRolePolicy(service: string): Encoded {
  return policyDocument([{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }]);
}

export function policyDocument(statements: Array<Record<string, Value>>): Encoded {
  return new Encoded("json", { Version: "2012-10-17", Statement: statements });
}

/** The bucket policy statement refusing every request over plain HTTP, to the bucket and its objects. */
export function denyInsecureTransport(bucketArn: Value, objectsArn: Value): Record<string, Value> {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucketArn, objectsArn],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A small AWS application for engine tests against moto: a network (3 subnets, one public), a bucket
 * (plain, so destroys are never refused for holding logs), a queue with its dead-letter queue and a
 * secret; 19 resources, 14 of them tagged and countable through the services' APIs.
 */
export function networkBucketQueueSpec(app: string): string {
  // Bucket names are global in moto as in AWS.
  const bucket = `${app}-files-${randomBytes(4).toString("hex")}`;
  return `apiVersion: plinth/v1
app: ${app}
cloud: aws
region: us-east-1
components:
  net:
    type: network
    cidr: 10.30.0.0/16
    subnets:
      a: { cidr: 10.30.0.0/20 }
      b: { cidr: 10.30.16.0/20, zone: b }
      edge: { cidr: 10.30.32.0/20, public: true }
  files:
    type: native
    resource: aws_s3_bucket
    properties: { bucket: ${bucket}, force_destroy: true }
  jobs:
    type: queue
    deadLetter: true
  key:
    type: secret
`;
}

/**
 * plinth-policy.yaml for those engine tests: their bucket is plain on purpose, and the deploy's policy
 * gate (high and critical findings) is not what they test. Suppressions say so, as a team would.
 */
export const PLAIN_BUCKET_POLICY = `apiVersion: plinth/policy/v1
suppressions:
  - rule: PLINTH-AWS-001
    address: aws_s3_bucket.files
    reason: engine test bucket, plain on purpose; the policy gate is tested elsewhere
  - rule: PLINTH-AWS-003
    address: aws_s3_bucket.files
    reason: engine test bucket, plain on purpose; the policy gate is tested elsewhere
`;

/** A project directory for an engine test: the spec and its plinth-policy.yaml. */
export function writeEngineProject(cwd: string, spec: string): void {
  writeFileSync(join(cwd, "plinth.yaml"), spec);
  writeFileSync(join(cwd, "plinth-policy.yaml"), PLAIN_BUCKET_POLICY);
}

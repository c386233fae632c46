/**
 * A small AWS application for engine tests against moto: a network (3 subnets, one public), a bucket,
 * a queue with its dead-letter queue and a secret; 23 resources, 14 of them tagged and countable.
 */
export function networkBucketQueueSpec(app: string): string {
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
    type: bucket
    forceDestroy: true
  jobs:
    type: queue
    deadLetter: true
  key:
    type: secret
`;
}

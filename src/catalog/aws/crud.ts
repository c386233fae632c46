import type { ResourceHandler } from "../../engine/resource-handler.ts";
import { type AwsContext, type AwsCrud, bindAws } from "./aws-crud.ts";
import { cloudwatchLogGroup } from "./cloudwatch-log-group/crud.ts";
import { dbInstance } from "./db-instance/crud.ts";
import { dbSubnetGroup } from "./db-subnet-group/crud.ts";
import { dynamodbTable } from "./dynamodb-table/crud.ts";
import { eip } from "./eip/crud.ts";
import { flowLog } from "./flow-log/crud.ts";
import { iamInstanceProfile } from "./iam-instance-profile/crud.ts";
import { iamRole } from "./iam-role/crud.ts";
import { iamRolePolicy } from "./iam-role-policy/crud.ts";
import { iamRolePolicyAttachment } from "./iam-role-policy-attachment/crud.ts";
import { instance } from "./instance/crud.ts";
import { internetGateway } from "./internet-gateway/crud.ts";
import { kmsKey } from "./kms-key/crud.ts";
import { lambdaFunction } from "./lambda-function/crud.ts";
import { natGateway } from "./nat-gateway/crud.ts";
import { route } from "./route/crud.ts";
import { routeTable } from "./route-table/crud.ts";
import { routeTableAssociation } from "./route-table-association/crud.ts";
import { s3Bucket } from "./s3-bucket/crud.ts";
import { s3BucketLifecycleConfiguration } from "./s3-bucket-lifecycle-configuration/crud.ts";
import { s3BucketLogging } from "./s3-bucket-logging/crud.ts";
import { s3BucketPolicy } from "./s3-bucket-policy/crud.ts";
import { s3BucketPublicAccessBlock } from "./s3-bucket-public-access-block/crud.ts";
import { s3BucketServerSideEncryptionConfiguration } from "./s3-bucket-server-side-encryption-configuration/crud.ts";
import { s3BucketVersioning } from "./s3-bucket-versioning/crud.ts";
import { secretsmanagerSecret } from "./secretsmanager-secret/crud.ts";
import { securityGroup } from "./security-group/crud.ts";
import { sqsQueue } from "./sqs-queue/crud.ts";
import { subnet } from "./subnet/crud.ts";
import { vpc } from "./vpc/crud.ts";
import { vpcSecurityGroupEgressRule } from "./vpc-security-group-egress-rule/crud.ts";
import { vpcSecurityGroupIngressRule } from "./vpc-security-group-ingress-rule/crud.ts";

/** Every AWS type plinth can apply: one line per catalog module. */
export const AWS_CRUD: ReadonlyArray<AwsCrud> = [
  cloudwatchLogGroup,
  dbInstance,
  dbSubnetGroup,
  dynamodbTable,
  eip,
  flowLog,
  iamInstanceProfile,
  iamRole,
  iamRolePolicy,
  iamRolePolicyAttachment,
  instance,
  internetGateway,
  kmsKey,
  lambdaFunction,
  natGateway,
  route,
  routeTable,
  routeTableAssociation,
  s3Bucket,
  s3BucketLifecycleConfiguration,
  s3BucketLogging,
  s3BucketPolicy,
  s3BucketPublicAccessBlock,
  s3BucketServerSideEncryptionConfiguration,
  s3BucketVersioning,
  secretsmanagerSecret,
  securityGroup,
  sqsQueue,
  subnet,
  vpc,
  vpcSecurityGroupEgressRule,
  vpcSecurityGroupIngressRule,
];

/** The AWS types as the engine sees them, bound to one region and identity. */
export function awsHandlers(aws: AwsContext): ResourceHandler[] {
  return AWS_CRUD.map((crud) => bindAws(crud, aws));
}

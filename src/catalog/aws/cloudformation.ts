import type { CloudFormationMapping } from "../cloudformation-mapping.ts";
import { cloudwatchLogGroup } from "./cloudwatch-log-group/cloudformation.ts";
import { dbInstance } from "./db-instance/cloudformation.ts";
import { dbSubnetGroup } from "./db-subnet-group/cloudformation.ts";
import { eip } from "./eip/cloudformation.ts";
import { flowLog } from "./flow-log/cloudformation.ts";
import { iamInstanceProfile } from "./iam-instance-profile/cloudformation.ts";
import { iamRole } from "./iam-role/cloudformation.ts";
import { iamRolePolicy } from "./iam-role-policy/cloudformation.ts";
import { iamRolePolicyAttachment } from "./iam-role-policy-attachment/cloudformation.ts";
import { instance } from "./instance/cloudformation.ts";
import { internetGateway } from "./internet-gateway/cloudformation.ts";
import { natGateway } from "./nat-gateway/cloudformation.ts";
import { route } from "./route/cloudformation.ts";
import { routeTable } from "./route-table/cloudformation.ts";
import { routeTableAssociation } from "./route-table-association/cloudformation.ts";
import { s3Bucket } from "./s3-bucket/cloudformation.ts";
import { s3BucketLifecycleConfiguration } from "./s3-bucket-lifecycle-configuration/cloudformation.ts";
import { s3BucketLogging } from "./s3-bucket-logging/cloudformation.ts";
import { s3BucketPolicy } from "./s3-bucket-policy/cloudformation.ts";
import { s3BucketPublicAccessBlock } from "./s3-bucket-public-access-block/cloudformation.ts";
import { s3BucketServerSideEncryptionConfiguration } from "./s3-bucket-server-side-encryption-configuration/cloudformation.ts";
import { s3BucketVersioning } from "./s3-bucket-versioning/cloudformation.ts";
import { secretsmanagerSecret } from "./secretsmanager-secret/cloudformation.ts";
import { securityGroup } from "./security-group/cloudformation.ts";
import { sqsQueue } from "./sqs-queue/cloudformation.ts";
import { subnet } from "./subnet/cloudformation.ts";
import { vpc } from "./vpc/cloudformation.ts";
import { vpcSecurityGroupEgressRule } from "./vpc-security-group-egress-rule/cloudformation.ts";
import { vpcSecurityGroupIngressRule } from "./vpc-security-group-ingress-rule/cloudformation.ts";

/** Every AWS type plinth generates as CloudFormation, by Terraform type. */
export const CLOUDFORMATION: Readonly<Record<string, CloudFormationMapping>> = {
  aws_cloudwatch_log_group: cloudwatchLogGroup,
  aws_db_instance: dbInstance,
  aws_db_subnet_group: dbSubnetGroup,
  aws_eip: eip,
  aws_flow_log: flowLog,
  aws_iam_instance_profile: iamInstanceProfile,
  aws_iam_role: iamRole,
  aws_iam_role_policy: iamRolePolicy,
  aws_iam_role_policy_attachment: iamRolePolicyAttachment,
  aws_instance: instance,
  aws_internet_gateway: internetGateway,
  aws_nat_gateway: natGateway,
  aws_route: route,
  aws_route_table: routeTable,
  aws_route_table_association: routeTableAssociation,
  aws_s3_bucket: s3Bucket,
  aws_s3_bucket_lifecycle_configuration: s3BucketLifecycleConfiguration,
  aws_s3_bucket_policy: s3BucketPolicy,
  aws_s3_bucket_public_access_block: s3BucketPublicAccessBlock,
  aws_s3_bucket_server_side_encryption_configuration: s3BucketServerSideEncryptionConfiguration,
  aws_s3_bucket_logging: s3BucketLogging,
  aws_s3_bucket_versioning: s3BucketVersioning,
  aws_secretsmanager_secret: secretsmanagerSecret,
  aws_security_group: securityGroup,
  aws_sqs_queue: sqsQueue,
  aws_subnet: subnet,
  aws_vpc: vpc,
  aws_vpc_security_group_egress_rule: vpcSecurityGroupEgressRule,
  aws_vpc_security_group_ingress_rule: vpcSecurityGroupIngressRule,
};

import type { CloudFormationMapping } from "../type-mapping.ts";
import { autoScalingGroup, launchTemplate } from "./autoscaling.ts";
import { cloudtrailTrail } from "./cloudtrail-trail.ts";
import { dynamodbTable } from "./dynamodb-table.ts";
import { ec2Instance } from "./ec2-instance.ts";
import { ec2Eip, ec2FlowLog, ec2NatGateway, ec2Subnet, ec2Vpc } from "./ec2-network.ts";
import { ec2SecurityGroup } from "./ec2-security-group.ts";
import { ec2SecurityGroupEgress, ec2SecurityGroupIngress } from "./ec2-security-group-rule.ts";
import { ec2Volume } from "./ec2-volume.ts";
import { ecsService, ecsTaskDefinition } from "./ecs.ts";
import { eksCluster, eksNodegroup } from "./eks.ts";
import { elasticacheCluster, elasticacheReplicationGroup } from "./elasticache.ts";
import { elbv2Listener, elbv2LoadBalancer } from "./elbv2.ts";
import { iamManagedPolicy, iamPolicy, iamRole, iamRolePolicy, iamUserPolicy } from "./iam.ts";
import { kmsKey } from "./kms-key.ts";
import { lambdaFunction } from "./lambda-function.ts";
import { logsLogGroup } from "./logs-log-group.ts";
import { rdsDbCluster } from "./rds-db-cluster.ts";
import { rdsDbInstance } from "./rds-db-instance.ts";
import { s3Bucket } from "./s3-bucket.ts";
import { s3BucketPolicy } from "./s3-bucket-policy.ts";
import { secretsManagerRotationSchedule, secretsManagerSecret } from "./secretsmanager.ts";
import { snsTopic } from "./sns-topic.ts";
import { sqsQueue } from "./sqs-queue.ts";

/** Every CloudFormation type plinth reads as Terraform resources, by CloudFormation type name. */
export const CLOUDFORMATION_MAPPINGS: ReadonlyMap<string, CloudFormationMapping> = new Map(
  [
    s3Bucket,
    s3BucketPolicy,
    ec2Instance,
    ec2SecurityGroup,
    ec2SecurityGroupIngress,
    ec2SecurityGroupEgress,
    ec2Volume,
    rdsDbInstance,
    rdsDbCluster,
    dynamodbTable,
    iamRole,
    iamPolicy,
    iamManagedPolicy,
    iamUserPolicy,
    iamRolePolicy,
    lambdaFunction,
    kmsKey,
    sqsQueue,
    snsTopic,
    cloudtrailTrail,
    elbv2LoadBalancer,
    elbv2Listener,
    ec2Vpc,
    ec2Subnet,
    ec2NatGateway,
    ec2Eip,
    ec2FlowLog,
    secretsManagerSecret,
    secretsManagerRotationSchedule,
    elasticacheCluster,
    elasticacheReplicationGroup,
    ecsService,
    ecsTaskDefinition,
    eksCluster,
    eksNodegroup,
    autoScalingGroup,
    launchTemplate,
    logsLogGroup,
  ].map((m) => [m.cloudFormationType, m]),
);

import type { CloudFormationMapping } from "../type-mapping.ts";
import {
  apiGatewayAuthorizer,
  apiGatewayDeployment,
  apiGatewayMethod,
  apiGatewayModel,
  apiGatewayResource,
  apiGatewayRestApi,
  apiGatewayStage,
} from "./api-gateway.ts";
import {
  autoScalingGroup,
  launchConfiguration,
  launchTemplate,
  scalingPolicy,
  scheduledAction,
} from "./autoscaling.ts";
import { cloudtrailTrail } from "./cloudtrail-trail.ts";
import { cloudwatchAlarm } from "./cloudwatch-alarm.ts";
import { dynamodbTable } from "./dynamodb-table.ts";
import { ec2Instance } from "./ec2-instance.ts";
import { ec2Eip, ec2FlowLog, ec2NatGateway, ec2NetworkInterface, ec2Subnet, ec2Vpc } from "./ec2-network.ts";
import { ec2NetworkAcl, ec2NetworkAclEntry, ec2SubnetNetworkAclAssociation } from "./ec2-network-acl.ts";
import {
  ec2EipAssociation,
  ec2GatewayRouteTableAssociation,
  ec2InternetGateway,
  ec2Route,
  ec2RouteTable,
  ec2SubnetRouteTableAssociation,
  ec2VpcGatewayAttachment,
} from "./ec2-routing.ts";
import { ec2SecurityGroup } from "./ec2-security-group.ts";
import { ec2SecurityGroupEgress, ec2SecurityGroupIngress } from "./ec2-security-group-rule.ts";
import { ec2Volume } from "./ec2-volume.ts";
import { ec2VpcEndpoint } from "./ec2-vpc-endpoint.ts";
import { ecsCluster, ecsService, ecsTaskDefinition } from "./ecs.ts";
import { efsAccessPoint, efsFileSystem, efsMountTarget } from "./efs.ts";
import { eksCluster, eksNodegroup } from "./eks.ts";
import {
  elasticacheCluster,
  elasticacheParameterGroup,
  elasticacheReplicationGroup,
  elasticacheSubnetGroup,
} from "./elasticache.ts";
import { elbClassicLoadBalancer } from "./elb-classic.ts";
import { elbv2Listener, elbv2ListenerRule, elbv2LoadBalancer, elbv2TargetGroup } from "./elbv2.ts";
import { eventsRule } from "./events-rule.ts";
import {
  iamInstanceProfile,
  iamManagedPolicy,
  iamPolicy,
  iamRole,
  iamRolePolicy,
  iamUserPolicy,
} from "./iam.ts";
import { kmsAlias, kmsKey } from "./kms-key.ts";
import { lambdaFunction, lambdaPermission } from "./lambda-function.ts";
import { logsLogGroup, logsLogStream, logsQueryDefinition } from "./logs-log-group.ts";
import { rdsDbCluster } from "./rds-db-cluster.ts";
import { rdsDbInstance } from "./rds-db-instance.ts";
import { rdsDbClusterParameterGroup, rdsDbParameterGroup, rdsDbSubnetGroup } from "./rds-groups.ts";
import { s3Bucket } from "./s3-bucket.ts";
import { s3BucketPolicy } from "./s3-bucket-policy.ts";
import { serverlessFunction, serverlessSimpleTable } from "./sam.ts";
import { secretsManagerRotationSchedule, secretsManagerSecret } from "./secretsmanager.ts";
import { snsSubscription, snsTopic, snsTopicPolicy } from "./sns-topic.ts";
import { sqsQueue, sqsQueuePolicy } from "./sqs-queue.ts";

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
    rdsDbSubnetGroup,
    rdsDbParameterGroup,
    rdsDbClusterParameterGroup,
    dynamodbTable,
    iamRole,
    iamPolicy,
    iamManagedPolicy,
    iamUserPolicy,
    iamRolePolicy,
    iamInstanceProfile,
    lambdaFunction,
    lambdaPermission,
    kmsKey,
    kmsAlias,
    sqsQueue,
    sqsQueuePolicy,
    snsTopic,
    snsTopicPolicy,
    snsSubscription,
    cloudtrailTrail,
    cloudwatchAlarm,
    elbv2LoadBalancer,
    elbv2Listener,
    elbv2ListenerRule,
    elbv2TargetGroup,
    elbClassicLoadBalancer,
    ec2Vpc,
    ec2Subnet,
    ec2NatGateway,
    ec2Eip,
    ec2EipAssociation,
    ec2FlowLog,
    ec2NetworkInterface,
    ec2RouteTable,
    ec2Route,
    ec2SubnetRouteTableAssociation,
    ec2GatewayRouteTableAssociation,
    ec2InternetGateway,
    ec2VpcGatewayAttachment,
    ec2VpcEndpoint,
    ec2NetworkAcl,
    ec2NetworkAclEntry,
    ec2SubnetNetworkAclAssociation,
    secretsManagerSecret,
    secretsManagerRotationSchedule,
    elasticacheCluster,
    elasticacheReplicationGroup,
    elasticacheSubnetGroup,
    elasticacheParameterGroup,
    ecsCluster,
    ecsService,
    ecsTaskDefinition,
    efsFileSystem,
    efsMountTarget,
    efsAccessPoint,
    eksCluster,
    eksNodegroup,
    autoScalingGroup,
    launchConfiguration,
    scalingPolicy,
    scheduledAction,
    launchTemplate,
    logsLogGroup,
    logsLogStream,
    logsQueryDefinition,
    eventsRule,
    apiGatewayRestApi,
    apiGatewayStage,
    apiGatewayMethod,
    apiGatewayResource,
    apiGatewayDeployment,
    apiGatewayAuthorizer,
    apiGatewayModel,
    serverlessFunction,
    serverlessSimpleTable,
  ].map((m) => [m.cloudFormationType, m]),
);

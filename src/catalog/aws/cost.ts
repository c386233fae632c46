/** AWS cost modules by Terraform type, and the types AWS does not charge for. */
import type { CostRegistry } from "../cost-components.ts";
import { apiGatewayRestApiCost } from "./api-gateway-rest-api/cost.ts";
import { apiGatewayStageCost } from "./api-gateway-stage/cost.ts";
import { apigatewayv2ApiCost } from "./apigatewayv2-api/cost.ts";
import { autoscalingGroupCost } from "./autoscaling-group/cost.ts";
import { cloudwatchCompositeAlarmCost } from "./cloudwatch-composite-alarm/cost.ts";
import { cloudwatchLogGroupCost } from "./cloudwatch-log-group/cost.ts";
import { cloudwatchMetricAlarmCost } from "./cloudwatch-metric-alarm/cost.ts";
import { dbInstanceCost } from "./db-instance/cost.ts";
import { dynamodbTableCost } from "./dynamodb-table/cost.ts";
import { ebsVolumeCost } from "./ebs-volume/cost.ts";
import { ecrRepositoryCost } from "./ecr-repository/cost.ts";
import { ecsServiceCost } from "./ecs-service/cost.ts";
import { eipCost } from "./eip/cost.ts";
import { eksClusterCost } from "./eks-cluster/cost.ts";
import { eksFargateProfileCost } from "./eks-fargate-profile/cost.ts";
import { eksNodeGroupCost } from "./eks-node-group/cost.ts";
import { elasticacheClusterCost } from "./elasticache-cluster/cost.ts";
import { elasticacheReplicationGroupCost } from "./elasticache-replication-group/cost.ts";
import { elbCost } from "./elb/cost.ts";
import { instanceCost } from "./instance/cost.ts";
import { kmsKeyCost } from "./kms-key/cost.ts";
import { lambdaFunctionCost } from "./lambda-function/cost.ts";
import { lbCost } from "./lb/cost.ts";
import { natGatewayCost } from "./nat-gateway/cost.ts";
import { rdsClusterCost } from "./rds-cluster/cost.ts";
import { rdsClusterInstanceCost } from "./rds-cluster-instance/cost.ts";
import { route53RecordCost } from "./route53-record/cost.ts";
import { route53ZoneCost } from "./route53-zone/cost.ts";
import { s3BucketCost } from "./s3-bucket/cost.ts";
import { secretsmanagerSecretCost } from "./secretsmanager-secret/cost.ts";
import { snsTopicCost } from "./sns-topic/cost.ts";
import { snsTopicSubscriptionCost } from "./sns-topic-subscription/cost.ts";
import { sqsQueueCost } from "./sqs-queue/cost.ts";
import { vpcEndpointCost } from "./vpc-endpoint/cost.ts";

export const AWS_COSTS: CostRegistry = {
  defaultRegion: "us-east-1",
  priced: {
    aws_instance: instanceCost,
    aws_ebs_volume: ebsVolumeCost,
    aws_s3_bucket: s3BucketCost,
    aws_db_instance: dbInstanceCost,
    aws_rds_cluster: rdsClusterCost,
    aws_rds_cluster_instance: rdsClusterInstanceCost,
    aws_nat_gateway: natGatewayCost,
    aws_lb: lbCost,
    aws_alb: lbCost,
    aws_elb: elbCost,
    aws_eip: eipCost,
    aws_dynamodb_table: dynamodbTableCost,
    aws_lambda_function: lambdaFunctionCost,
    aws_sqs_queue: sqsQueueCost,
    aws_cloudwatch_log_group: cloudwatchLogGroupCost,
    aws_elasticache_cluster: elasticacheClusterCost,
    aws_elasticache_replication_group: elasticacheReplicationGroupCost,
    aws_ecs_service: ecsServiceCost,
    aws_eks_cluster: eksClusterCost,
    aws_eks_node_group: eksNodeGroupCost,
    aws_eks_fargate_profile: eksFargateProfileCost,
    aws_autoscaling_group: autoscalingGroupCost,
    aws_vpc_endpoint: vpcEndpointCost,
    aws_secretsmanager_secret: secretsmanagerSecretCost,
    aws_kms_key: kmsKeyCost,
    aws_sns_topic: snsTopicCost,
    aws_sns_topic_subscription: snsTopicSubscriptionCost,
    aws_cloudwatch_metric_alarm: cloudwatchMetricAlarmCost,
    aws_cloudwatch_composite_alarm: cloudwatchCompositeAlarmCost,
    aws_ecr_repository: ecrRepositoryCost,
    aws_api_gateway_rest_api: apiGatewayRestApiCost,
    aws_api_gateway_stage: apiGatewayStageCost,
    aws_apigatewayv2_api: apigatewayv2ApiCost,
    aws_route53_zone: route53ZoneCost,
    aws_route53_record: route53RecordCost,
  },
  // Priced through what uses them (launch templates through instances and groups) or free of charge.
  // Not here, though they look like configuration: types billed by use (S3 inventory, analytics,
  // metrics, replication, acceleration and intelligent tiering; EventBridge rules; IPAM), which stay
  // "not priced" with their reason until they have a cost module.
  free: new Set([
    // CloudFormation types without a Terraform resource of their own (in Terraform, `publish = true`).
    "AWS::Lambda::Version",
    "aws_alb_listener",
    "aws_alb_target_group",
    "aws_api_gateway_account",
    "aws_api_gateway_authorizer",
    "aws_api_gateway_deployment",
    "aws_api_gateway_integration",
    "aws_api_gateway_integration_response",
    "aws_api_gateway_method",
    "aws_api_gateway_method_response",
    "aws_api_gateway_method_settings",
    "aws_api_gateway_model",
    "aws_api_gateway_resource",
    "aws_apigatewayv2_authorizer",
    "aws_apigatewayv2_deployment",
    "aws_apigatewayv2_integration",
    "aws_apigatewayv2_route",
    "aws_apigatewayv2_stage",
    "aws_appautoscaling_policy",
    "aws_appautoscaling_target",
    "aws_autoscaling_lifecycle_hook",
    "aws_autoscaling_policy",
    "aws_autoscaling_schedule",
    "aws_cloudwatch_event_target",
    "aws_cloudwatch_log_stream",
    "aws_cloudwatch_query_definition",
    "aws_customer_gateway",
    "aws_db_instance_role_association",
    "aws_db_option_group",
    "aws_db_parameter_group",
    "aws_db_subnet_group",
    "aws_default_network_acl",
    "aws_default_route_table",
    "aws_default_security_group",
    "aws_default_subnet",
    "aws_default_vpc",
    "aws_ec2_tag",
    "aws_ecr_lifecycle_policy",
    "aws_ecr_repository_policy",
    "aws_ecs_cluster",
    "aws_ecs_task_definition",
    "aws_efs_access_point",
    "aws_efs_file_system_policy",
    "aws_efs_mount_target",
    "aws_egress_only_internet_gateway",
    "aws_eip_association",
    "aws_eks_access_entry",
    "aws_eks_access_policy_association",
    "aws_eks_addon",
    "aws_eks_pod_identity_association",
    "aws_elasticache_parameter_group",
    "aws_elasticache_subnet_group",
    "aws_flow_log",
    "aws_iam_access_key",
    "aws_iam_group",
    "aws_iam_group_membership",
    "aws_iam_group_policy",
    "aws_iam_group_policy_attachment",
    "aws_iam_instance_profile",
    "aws_iam_openid_connect_provider",
    "aws_iam_policy",
    "aws_iam_policy_attachment",
    "aws_iam_role",
    "aws_iam_role_policy",
    "aws_iam_role_policy_attachment",
    "aws_iam_service_linked_role",
    "aws_iam_user",
    "aws_iam_user_policy",
    "aws_iam_user_policy_attachment",
    "aws_internet_gateway",
    "aws_internet_gateway_attachment",
    "aws_key_pair",
    "aws_kms_alias",
    "aws_lambda_alias",
    "aws_lambda_permission",
    "aws_launch_configuration",
    "aws_launch_template",
    "aws_lb_listener",
    "aws_lb_listener_certificate",
    "aws_lb_listener_rule",
    "aws_lb_target_group",
    "aws_lb_target_group_attachment",
    "aws_main_route_table_association",
    "aws_network_acl",
    "aws_network_acl_association",
    "aws_network_acl_rule",
    "aws_network_interface",
    "aws_placement_group",
    "aws_rds_cluster_parameter_group",
    "aws_redshift_subnet_group",
    "aws_route",
    "aws_route53_zone_association",
    "aws_route_table",
    "aws_route_table_association",
    "aws_s3_account_public_access_block",
    "aws_s3_bucket_acl",
    "aws_s3_bucket_cors_configuration",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_s3_bucket_logging",
    "aws_s3_bucket_notification",
    "aws_s3_bucket_object_lock_configuration",
    "aws_s3_bucket_ownership_controls",
    "aws_s3_bucket_policy",
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_request_payment_configuration",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_versioning",
    "aws_s3_bucket_website_configuration",
    "aws_s3tables_namespace",
    "aws_s3tables_table_bucket_policy",
    "aws_s3tables_table_policy",
    "aws_s3vectors_vector_bucket_policy",
    "aws_secretsmanager_secret_policy",
    "aws_secretsmanager_secret_rotation",
    "aws_secretsmanager_secret_version",
    "aws_security_group",
    "aws_security_group_rule",
    "aws_sns_topic_policy",
    "aws_sqs_queue_policy",
    "aws_sqs_queue_redrive_policy",
    "aws_subnet",
    "aws_volume_attachment",
    "aws_vpc",
    "aws_vpc_block_public_access_exclusion",
    "aws_vpc_block_public_access_options",
    "aws_vpc_dhcp_options",
    "aws_vpc_dhcp_options_association",
    "aws_vpc_endpoint_route_table_association",
    "aws_vpc_ipv4_cidr_block_association",
    "aws_vpc_security_group_egress_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_vpn_gateway",
    "aws_vpn_gateway_attachment",
  ]),
};

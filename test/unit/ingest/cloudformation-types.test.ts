// The CloudFormation types read as their Terraform resources beyond the first set (networking, load
// balancing, alarms, API Gateway, autoscaling, EFS…) and SAM's serverless resources with Globals.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { fixture, json, nodeAt, writeTree } from "../../helpers/ingest.ts";

const read = (name: string) =>
  readInfrastructure(fixture(`cloudformation/${name}`), {
    display: name,
    vars: { "AWS::Region": "us-east-1" },
  });

const ref = (address: string, ...path: Array<string | number>) => ({ $ref: address, $path: path });

describe("more CloudFormation types as Terraform resources", () => {
  const { graphs, warnings } = read("network-and-services.yaml");
  const graph = graphs[0];
  const props = (address: string) => json(nodeAt(graph, address).properties) as Record<string, unknown>;

  test("every type of the template is mapped: no warning, no CloudFormation type left but Lambda versions", () => {
    assert.deepEqual(
      warnings.map((w) => w.message),
      [
        "AWS::Lambda::Version is not mapped to a Terraform type; `FnVersion` keeps its CloudFormation type and properties.",
      ],
    );
    assert.deepEqual(
      graph?.nodes.filter((n) => !n.type.startsWith("aws_")).map((n) => n.type),
      ["AWS::Lambda::Version"],
    );
  });

  test("routing: route tables, routes, associations, gateways and their attachments, with references", () => {
    assert.deepEqual(props("aws_internet_gateway.Igw"), { tags: { Name: "dev-igw" } });
    assert.deepEqual(props("aws_internet_gateway_attachment.IgwAttachment"), {
      vpc_id: ref("aws_vpc.Vpc", "id"),
      internet_gateway_id: ref("aws_internet_gateway.Igw", "id"),
    });
    assert.deepEqual(props("aws_vpn_gateway_attachment.VpnAttachment"), {
      vpc_id: ref("aws_vpc.Vpc", "id"),
      vpn_gateway_id: "vgw-0123",
    });
    assert.deepEqual(props("aws_route_table.PublicRoutes"), { vpc_id: ref("aws_vpc.Vpc", "id") });
    assert.deepEqual(props("aws_route.DefaultRoute"), {
      route_table_id: ref("aws_route_table.PublicRoutes", "id"),
      destination_cidr_block: "0.0.0.0/0",
      gateway_id: ref("aws_internet_gateway.Igw", "id"),
    });
    assert.deepEqual(nodeAt(graph, "aws_route.DefaultRoute").dependsOn, [
      "aws_internet_gateway_attachment.IgwAttachment",
    ]);
    assert.deepEqual(props("aws_route_table_association.PublicSubnetRoutes"), {
      subnet_id: ref("aws_subnet.PublicSubnet", "id"),
      route_table_id: ref("aws_route_table.PublicRoutes", "id"),
    });
    assert.deepEqual(props("aws_eip_association.IpAssociation"), {
      allocation_id: ref("aws_eip.Ip", "allocation_id"),
      network_interface_id: ref("aws_network_interface.Eni", "id"),
    });
    assert.equal(props("aws_network_interface.Eni").source_dest_check, false);
  });

  test("network ACL entries take Terraform's argument names, the protocol as a string", () => {
    assert.deepEqual(props("aws_network_acl_rule.AclSsh"), {
      network_acl_id: ref("aws_network_acl.Acl", "id"),
      rule_number: 100,
      protocol: "6",
      rule_action: "allow",
      cidr_block: "0.0.0.0/0",
      from_port: 22,
      to_port: 22,
    });
    assert.deepEqual(props("aws_network_acl_association.AclAssociation"), {
      subnet_id: ref("aws_subnet.PublicSubnet", "id"),
      network_acl_id: ref("aws_network_acl.Acl", "id"),
    });
  });

  test("VPC endpoints: gateway and interface, with their subnets", () => {
    assert.deepEqual(props("aws_vpc_endpoint.S3Endpoint"), {
      vpc_id: ref("aws_vpc.Vpc", "id"),
      service_name: "com.amazonaws.us-east-1.s3",
      route_table_ids: [ref("aws_route_table.PublicRoutes", "id")],
    });
    const ssm = props("aws_vpc_endpoint.SsmEndpoint");
    assert.equal(ssm.vpc_endpoint_type, "Interface");
    assert.equal(ssm.private_dns_enabled, true);
    assert.deepEqual(ssm.subnet_ids, ["subnet-a", "subnet-b"]);
  });

  test("an instance profile takes its one role; Ref of the profile is its name", () => {
    assert.deepEqual(props("aws_iam_instance_profile.InstanceProfile"), {
      path: "/",
      role: ref("aws_iam_role.InstanceRole", "name"),
    });
    assert.deepEqual(
      props("aws_instance.Web").iam_instance_profile,
      ref("aws_iam_instance_profile.InstanceProfile", "name"),
    );
  });

  test("target groups' health checks and attributes, listener rules' actions and both condition forms", () => {
    assert.deepEqual(props("aws_lb_target_group.Targets"), {
      port: 8080,
      protocol: "HTTP",
      vpc_id: ref("aws_vpc.Vpc", "id"),
      health_check: [{ path: "/health", interval: 15, matcher: "200-299" }],
      deregistration_delay: "30",
    });
    assert.deepEqual(props("aws_lb_listener_rule.ApiRule"), {
      listener_arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2",
      priority: 10,
      action: [{ type: "forward", target_group_arn: ref("aws_lb_target_group.Targets", "arn") }],
      condition: [
        { path_pattern: [{ values: ["/api/*"] }] },
        { host_header: [{ values: ["api.example.com"] }] },
      ],
    });
  });

  test("a classic load balancer is an aws_elb with listeners and health check", () => {
    assert.deepEqual(props("aws_elb.Classic"), {
      internal: true,
      subnets: [ref("aws_subnet.PublicSubnet", "id")],
      cross_zone_load_balancing: true,
      listener: [{ lb_port: 80, lb_protocol: "http", instance_port: 8080 }],
      health_check: [
        {
          target: "HTTP:8080/health",
          healthy_threshold: 3,
          unhealthy_threshold: 5,
          interval: 30,
          timeout: 5,
        },
      ],
    });
  });

  test("Lambda permissions and KMS aliases refer to their function and key", () => {
    assert.deepEqual(props("aws_lambda_permission.FnPermission"), {
      function_name: ref("aws_lambda_function.Fn", "arn"),
      action: "lambda:InvokeFunction",
      principal: "*",
    });
    assert.deepEqual(props("aws_kms_alias.KeyAlias"), {
      name: "alias/app",
      target_key_id: ref("aws_kms_key.Key", "key_id"),
    });
  });

  test("CloudWatch alarms: dimensions as a map, metric math as metric_query blocks", () => {
    assert.deepEqual(props("aws_cloudwatch_metric_alarm.CpuAlarm"), {
      alarm_name: "dev-cpu",
      namespace: "AWS/EC2",
      metric_name: "CPUUtilization",
      dimensions: { InstanceId: ref("aws_instance.Web", "id") },
      statistic: "Average",
      period: 300,
      evaluation_periods: 2,
      threshold: 80,
      comparison_operator: "GreaterThanThreshold",
      alarm_actions: [ref("aws_sns_topic.Topic", "arn")],
    });
    assert.deepEqual(props("aws_cloudwatch_metric_alarm.ErrorRateAlarm").metric_query, [
      { id: "rate", expression: "errors / requests * 100" },
      {
        id: "errors",
        return_data: false,
        metric: [{ namespace: "AWS/Lambda", metric_name: "Errors", period: 10, stat: "Sum" }],
      },
      {
        id: "requests",
        return_data: false,
        metric: [{ namespace: "AWS/Lambda", metric_name: "Invocations", period: 60, stat: "Sum" }],
      },
    ]);
  });

  test("SNS subscriptions and topic and queue policies", () => {
    assert.deepEqual(props("aws_sns_topic_subscription.TopicSubscription"), {
      topic_arn: ref("aws_sns_topic.Topic", "arn"),
      protocol: "email",
      endpoint: "ops@example.com",
      filter_policy: '{"severity":["high"]}',
    });
    assert.deepEqual(props("aws_sns_topic_policy.TopicPolicy"), {
      arn: ref("aws_sns_topic.Topic", "arn"),
      policy: '{"Statement":[{"Action":"sns:Publish","Effect":"Allow","Principal":"*","Resource":"*"}]}',
    });
    assert.deepEqual(props("aws_sqs_queue_policy.QueuePolicy").queue_url, ref("aws_sqs_queue.Queue", "url"));
  });

  test("API Gateway: the API, resources, a method split from its integration, stage cache, authorizer", () => {
    assert.deepEqual(props("aws_api_gateway_rest_api.Api"), {
      name: "dev-api",
      endpoint_configuration: [{ types: ["REGIONAL"] }],
    });
    assert.deepEqual(props("aws_api_gateway_resource.ApiItems"), {
      rest_api_id: ref("aws_api_gateway_rest_api.Api", "id"),
      parent_id: ref("aws_api_gateway_rest_api.Api", "root_resource_id"),
      path_part: "items",
    });
    const key = {
      rest_api_id: ref("aws_api_gateway_rest_api.Api", "id"),
      resource_id: ref("aws_api_gateway_resource.ApiItems", "id"),
      http_method: "GET",
    };
    assert.deepEqual(props("aws_api_gateway_method.ApiGetItems"), { ...key, authorization: "NONE" });
    assert.deepEqual(props("aws_api_gateway_integration.ApiGetItems"), {
      ...key,
      type: "AWS_PROXY",
      integration_http_method: "POST",
      uri: {
        $template: [
          "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/",
          ref("aws_lambda_function.Fn", "arn"),
          "/invocations",
        ],
      },
    });
    assert.deepEqual(props("aws_api_gateway_stage.ApiStage"), {
      stage_name: "prod",
      rest_api_id: ref("aws_api_gateway_rest_api.Api", "id"),
      deployment_id: ref("aws_api_gateway_deployment.ApiDeployment", "id"),
      cache_cluster_enabled: true,
      cache_cluster_size: "0.5",
      xray_tracing_enabled: true,
    });
    assert.equal(props("aws_api_gateway_authorizer.ApiAuthorizer").type, "COGNITO_USER_POOLS");
    assert.equal(props("aws_api_gateway_model.ApiModel").schema, '{"type":"object"}');
  });

  test("a launch configuration with its root volume; the group refers to it by name", () => {
    assert.deepEqual(props("aws_launch_configuration.LaunchConfig"), {
      image_id: "ami-12345678",
      instance_type: "m5.large",
      iam_instance_profile: ref("aws_iam_instance_profile.InstanceProfile", "name"),
      metadata_options: [{ http_tokens: "required" }],
      root_block_device: [{ volume_size: 20, volume_type: "gp3", encrypted: true }],
    });
    assert.deepEqual(
      props("aws_autoscaling_group.Group").launch_configuration,
      ref("aws_launch_configuration.LaunchConfig", "name"),
    );
    assert.deepEqual(props("aws_autoscaling_policy.ScaleOut"), {
      autoscaling_group_name: ref("aws_autoscaling_group.Group", "name"),
      policy_type: "TargetTrackingScaling",
      target_tracking_configuration: [
        {
          target_value: 60,
          predefined_metric_specification: [{ predefined_metric_type: "ASGAverageCPUUtilization" }],
        },
      ],
    });
    assert.equal(props("aws_autoscaling_schedule.NightlyScaleIn").recurrence, "0 22 * * *");
  });

  test("ECS clusters, EFS file systems split from their policy, mount targets and access points", () => {
    assert.deepEqual(props("aws_ecs_cluster.Cluster"), {
      name: "dev-cluster",
      setting: [{ name: "containerInsights", value: "enabled" }],
    });
    assert.deepEqual(props("aws_efs_file_system.Files"), {
      encrypted: false,
      performance_mode: "generalPurpose",
      lifecycle_policy: [{ transition_to_ia: "AFTER_30_DAYS" }],
      tags: { Name: "files" },
    });
    assert.deepEqual(props("aws_efs_file_system_policy.Files"), {
      file_system_id: ref("aws_efs_file_system.Files", "id"),
      policy: '{"Statement":[]}',
    });
    assert.deepEqual(props("aws_efs_mount_target.FilesMount"), {
      file_system_id: ref("aws_efs_file_system.Files", "id"),
      subnet_id: ref("aws_subnet.PublicSubnet", "id"),
      security_groups: ["sg-1"],
    });
    assert.deepEqual(props("aws_efs_access_point.FilesAccess"), {
      file_system_id: ref("aws_efs_file_system.Files", "id"),
      posix_user: [{ uid: 1000, gid: 1000 }],
      root_directory: [{ path: "/data" }],
    });
  });

  test("event rules, subnet and parameter groups, log streams and saved queries", () => {
    assert.deepEqual(props("aws_cloudwatch_event_rule.Nightly"), {
      schedule_expression: "rate(1 day)",
      state: "ENABLED",
    });
    assert.deepEqual(props("aws_db_subnet_group.DbSubnets"), {
      description: "db",
      subnet_ids: ["subnet-a", "subnet-b"],
    });
    assert.deepEqual(props("aws_db_parameter_group.DbParameters").parameter, [
      { name: "rds.force_ssl", value: "1" },
      { name: "log_statement", value: "all" },
    ]);
    assert.deepEqual(props("aws_rds_cluster_parameter_group.ClusterParameters").parameter, [
      { name: "rds.force_ssl", value: "0" },
    ]);
    assert.deepEqual(props("aws_elasticache_subnet_group.CacheSubnets").subnet_ids, ["subnet-a"]);
    assert.deepEqual(props("aws_elasticache_parameter_group.CacheParameters").parameter, [
      { name: "maxmemory-policy", value: "allkeys-lru" },
    ]);
    assert.deepEqual(props("aws_cloudwatch_log_stream.AppStream"), {
      log_group_name: ref("aws_cloudwatch_log_group.AppLogs", "name"),
      name: "app",
    });
    assert.deepEqual(props("aws_cloudwatch_query_definition.Errors").log_group_names, [
      ref("aws_cloudwatch_log_group.AppLogs", "name"),
    ]);
  });

  test("mapped arguments keep the line of the property they came from", () => {
    const rule = nodeAt(graph, "aws_network_acl_rule.AclSsh");
    assert.equal(rule.attributeSources?.from_port?.line, 62);
    assert.equal(rule.attributeSources?.protocol?.line, 59);
  });
});

describe("SAM templates (Transform: AWS::Serverless-2016-10-31)", () => {
  const { graphs, warnings } = read("sam.yaml");
  const graph = graphs[0];
  const props = (address: string) => json(nodeAt(graph, address).properties) as Record<string, unknown>;

  test("the transform is expanded, not warned about", () => {
    assert.deepEqual(warnings, []);
  });

  test("a function without settings of its own takes every Globals.Function setting", () => {
    assert.deepEqual(props("aws_lambda_function.ApiHandler"), {
      runtime: "nodejs22.x",
      handler: "api.handler",
      memory_size: 512,
      timeout: 10,
      architectures: ["arm64"],
      layers: ["arn:aws:lambda:us-east-1:123456789012:layer:common:3"],
      environment: [{ variables: { STAGE: "dev", LOG_LEVEL: "info" } }],
      tracing_config: [{ mode: "Active" }],
    });
  });

  test("a function's own values win, maps merge key by key and lists add to the global ones", () => {
    const worker = props("aws_lambda_function.Worker");
    assert.equal(worker.function_name, "dev-worker");
    assert.equal(worker.memory_size, 2048);
    assert.equal(worker.timeout, 900);
    assert.deepEqual(worker.layers, [
      "arn:aws:lambda:us-east-1:123456789012:layer:common:3",
      "arn:aws:lambda:us-east-1:123456789012:layer:worker:1",
    ]);
    assert.deepEqual(worker.environment, [
      { variables: { STAGE: "dev", LOG_LEVEL: "debug", QUEUE: "jobs" } },
    ]);
    assert.deepEqual(json(graph?.outputs[0]?.value ?? null), ref("aws_lambda_function.Worker", "arn"));
  });

  test("simple tables: key `id` on demand by default, or the key and capacity they give", () => {
    assert.deepEqual(props("aws_dynamodb_table.Items"), {
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "id",
      attribute: [{ name: "id", type: "S" }],
      server_side_encryption: [{ enabled: true }],
    });
    assert.deepEqual(props("aws_dynamodb_table.Orders"), {
      name: "orders",
      billing_mode: "PROVISIONED",
      hash_key: "orderId",
      attribute: [{ name: "orderId", type: "N" }],
      read_capacity: 5,
      write_capacity: 2,
      server_side_encryption: [{ enabled: true }],
    });
  });

  test("without the SAM transform, Globals are not applied and serverless types still read", () => {
    const dir = writeTree({
      "t.yaml": [
        "Globals:",
        "  Function: { MemorySize: 4096 }",
        "Resources:",
        "  F:",
        "    Type: AWS::Serverless::Function",
        "    Properties: { Runtime: python3.13 }",
      ].join("\n"),
    });
    const {
      graphs: [plain],
    } = readInfrastructure(`${dir}/t.yaml`, { display: "t.yaml" });
    assert.deepEqual(json(nodeAt(plain, "aws_lambda_function.F").properties), { runtime: "python3.13" });
  });

  test("other transforms are still warned about, and then Globals are not applied", () => {
    const dir = writeTree({
      "t.yaml": [
        "Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]",
        "Globals: { Function: { MemorySize: 4096 } }",
        "Resources:",
        "  F:",
        "    Type: AWS::Serverless::Function",
        "    Properties: { Runtime: python3.13 }",
      ].join("\n"),
    });
    const { graphs, warnings } = readInfrastructure(`${dir}/t.yaml`, { display: "t.yaml" });
    assert.deepEqual(
      warnings.map((w) => w.message),
      ["The template uses a Transform; plinth reads it as written, without expanding it."],
    );
    assert.deepEqual(json(nodeAt(graphs[0], "aws_lambda_function.F").properties), { runtime: "python3.13" });
  });

  test("hostile keys in Globals are plain keys: nothing is polluted", () => {
    const dir = writeTree({
      "t.yaml": [
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        '    Environment: { Variables: { __proto__: { polluted: "yes" }, constructor: x } }',
        "Resources:",
        "  F:",
        "    Type: AWS::Serverless::Function",
        "    Properties: { Environment: { Variables: { A: b } } }",
        "  G:",
        "    Type: constructor",
      ].join("\n"),
    });
    const { graphs } = readInfrastructure(`${dir}/t.yaml`, { display: "t.yaml" });
    const variables = (
      json(nodeAt(graphs[0], "aws_lambda_function.F").properties) as {
        environment: Array<{ variables: Record<string, unknown> }>;
      }
    ).environment[0]?.variables;
    assert.deepEqual(Object.keys(variables ?? {}).sort(), ["A", "__proto__", "constructor"]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(variables), Object.prototype);
  });
});

import {
  attribute,
  bool,
  type CloudFormationMapping,
  each,
  number,
  type PropertyRule,
  string,
  tags,
} from "../type-mapping.ts";

const enabled = (key: string) => attribute(key, bool);

export const elbv2LoadBalancer: CloudFormationMapping = {
  cloudFormationType: "AWS::ElasticLoadBalancingV2::LoadBalancer",
  main: {
    terraformType: "aws_lb",
    rules: [
      ["Name", "name"],
      ["Type", "load_balancer_type"],
      ["Scheme", "internal", (v) => v === "internal"],
      ["Subnets", "subnets"],
      ["SecurityGroups", "security_groups"],
      ["IpAddressType", "ip_address_type"],
      [
        "LoadBalancerAttributes",
        "drop_invalid_header_fields",
        enabled("routing.http.drop_invalid_header_fields.enabled"),
      ],
      ["LoadBalancerAttributes", "enable_deletion_protection", enabled("deletion_protection.enabled")],
      ["LoadBalancerAttributes", "idle_timeout", attribute("idle_timeout.timeout_seconds", number)],
      ["LoadBalancerAttributes", "access_logs[0].enabled", enabled("access_logs.s3.enabled")],
      ["LoadBalancerAttributes", "access_logs[0].bucket", attribute("access_logs.s3.bucket")],
      ["Tags", "tags", tags],
    ],
  },
  ref: "arn",
  attributes: { LoadBalancerArn: "arn", DNSName: "dns_name", CanonicalHostedZoneID: "zone_id" },
};

export const elbv2Listener: CloudFormationMapping = {
  cloudFormationType: "AWS::ElasticLoadBalancingV2::Listener",
  main: {
    terraformType: "aws_lb_listener",
    rules: [
      ["LoadBalancerArn", "load_balancer_arn"],
      ["Port", "port", number],
      ["Protocol", "protocol"],
      ["SslPolicy", "ssl_policy"],
      ["Certificates[0].CertificateArn", "certificate_arn"],
      each("DefaultActions", "default_action", [
        ["Type", "type"],
        ["TargetGroupArn", "target_group_arn"],
        ["RedirectConfig.Protocol", "redirect[0].protocol"],
        ["RedirectConfig.Port", "redirect[0].port"],
        ["RedirectConfig.StatusCode", "redirect[0].status_code"],
      ]),
    ],
  },
  ref: "arn",
  attributes: { ListenerArn: "arn" },
};

export const elbv2TargetGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::ElasticLoadBalancingV2::TargetGroup",
  main: {
    terraformType: "aws_lb_target_group",
    rules: [
      ["Name", "name"],
      ["Port", "port", number],
      ["Protocol", "protocol"],
      ["ProtocolVersion", "protocol_version"],
      ["VpcId", "vpc_id"],
      ["TargetType", "target_type"],
      ["IpAddressType", "ip_address_type"],
      ["HealthCheckEnabled", "health_check[0].enabled", bool],
      ["HealthCheckPath", "health_check[0].path"],
      ["HealthCheckPort", "health_check[0].port", string],
      ["HealthCheckProtocol", "health_check[0].protocol"],
      ["HealthCheckIntervalSeconds", "health_check[0].interval", number],
      ["HealthCheckTimeoutSeconds", "health_check[0].timeout", number],
      ["HealthyThresholdCount", "health_check[0].healthy_threshold", number],
      ["UnhealthyThresholdCount", "health_check[0].unhealthy_threshold", number],
      ["Matcher.HttpCode", "health_check[0].matcher"],
      [
        "TargetGroupAttributes",
        "deregistration_delay",
        attribute("deregistration_delay.timeout_seconds", string),
      ],
      ["TargetGroupAttributes", "stickiness[0].enabled", enabled("stickiness.enabled")],
      ["TargetGroupAttributes", "stickiness[0].type", attribute("stickiness.type")],
      ["Tags", "tags", tags],
    ],
  },
  ref: "arn",
  attributes: {
    TargetGroupArn: "arn",
    TargetGroupName: "name",
    TargetGroupFullName: "arn_suffix",
    LoadBalancerArns: "load_balancer_arns",
  },
};

/** Listener rule conditions: the `*Config` form, or the older `Field` + `Values` form. */
const condition = (field: string, config: string, to: string) =>
  [
    [`${config}.Values`, `${to}[0].values`],
    ["Values", `${to}[0].values`, (v, _, item) => (item.Field === field ? v : undefined)],
  ] satisfies PropertyRule[];

export const elbv2ListenerRule: CloudFormationMapping = {
  cloudFormationType: "AWS::ElasticLoadBalancingV2::ListenerRule",
  main: {
    terraformType: "aws_lb_listener_rule",
    rules: [
      ["ListenerArn", "listener_arn"],
      ["Priority", "priority", number],
      each("Actions", "action", [
        ["Type", "type"],
        ["Order", "order", number],
        ["TargetGroupArn", "target_group_arn"],
        ["RedirectConfig.Protocol", "redirect[0].protocol"],
        ["RedirectConfig.Port", "redirect[0].port"],
        ["RedirectConfig.StatusCode", "redirect[0].status_code"],
        ["FixedResponseConfig.StatusCode", "fixed_response[0].status_code"],
        ["FixedResponseConfig.ContentType", "fixed_response[0].content_type"],
        ["FixedResponseConfig.MessageBody", "fixed_response[0].message_body"],
      ]),
      each("Conditions", "condition", [
        ...condition("path-pattern", "PathPatternConfig", "path_pattern"),
        ...condition("host-header", "HostHeaderConfig", "host_header"),
        ["HttpRequestMethodConfig.Values", "http_request_method[0].values"],
        ["SourceIpConfig.Values", "source_ip[0].values"],
        ["HttpHeaderConfig.HttpHeaderName", "http_header[0].http_header_name"],
        ["HttpHeaderConfig.Values", "http_header[0].values"],
      ]),
      ["Tags", "tags", tags],
    ],
  },
  ref: "arn",
  attributes: { RuleArn: "arn" },
};

import { attribute, bool, type CloudFormationMapping, each, number, tags } from "../type-mapping.ts";

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

import { bool, type CloudFormationMapping, each, number, tags } from "../type-mapping.ts";

/** The Classic Load Balancer (`AWS::ElasticLoadBalancing::LoadBalancer`), Terraform's `aws_elb`. */
export const elbClassicLoadBalancer: CloudFormationMapping = {
  cloudFormationType: "AWS::ElasticLoadBalancing::LoadBalancer",
  main: {
    terraformType: "aws_elb",
    rules: [
      ["LoadBalancerName", "name"],
      ["Scheme", "internal", (v) => v === "internal"],
      ["Subnets", "subnets"],
      ["AvailabilityZones", "availability_zones"],
      ["SecurityGroups", "security_groups"],
      ["Instances", "instances"],
      ["CrossZone", "cross_zone_load_balancing", bool],
      ["ConnectionDrainingPolicy.Enabled", "connection_draining", bool],
      ["ConnectionDrainingPolicy.Timeout", "connection_draining_timeout", number],
      ["ConnectionSettings.IdleTimeout", "idle_timeout", number],
      ["AccessLoggingPolicy.Enabled", "access_logs[0].enabled", bool],
      ["AccessLoggingPolicy.S3BucketName", "access_logs[0].bucket"],
      ["AccessLoggingPolicy.S3BucketPrefix", "access_logs[0].bucket_prefix"],
      ["AccessLoggingPolicy.EmitInterval", "access_logs[0].interval", number],
      each("Listeners", "listener", [
        ["LoadBalancerPort", "lb_port", number],
        ["Protocol", "lb_protocol", (v) => (typeof v === "string" ? v.toLowerCase() : v)],
        ["InstancePort", "instance_port", number],
        ["InstanceProtocol", "instance_protocol", (v) => (typeof v === "string" ? v.toLowerCase() : v)],
        ["SSLCertificateId", "ssl_certificate_id"],
      ]),
      ["HealthCheck.Target", "health_check[0].target"],
      ["HealthCheck.HealthyThreshold", "health_check[0].healthy_threshold", number],
      ["HealthCheck.UnhealthyThreshold", "health_check[0].unhealthy_threshold", number],
      ["HealthCheck.Interval", "health_check[0].interval", number],
      ["HealthCheck.Timeout", "health_check[0].timeout", number],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
  attributes: {
    DNSName: "dns_name",
    CanonicalHostedZoneNameID: "zone_id",
    "SourceSecurityGroup.GroupName": "source_security_group",
  },
};

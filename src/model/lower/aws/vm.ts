import { SIZES } from "../../../catalog/sizes.ts";
import type { VmComponent } from "../../../spec/types.ts";
import { type LoweredComponent, type LoweringContext, subnetFor } from "../context.ts";
import { envScript } from "../env-script.ts";
import { referencedResources } from "../referenced-resources.ts";
import { assumeRolePolicy, partitionOf, policyDocument } from "./iam.ts";

/** Amazon Linux 2023, resolved by EC2 at launch from AWS's public SSM parameter. */
const DEFAULT_IMAGE = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

/**
 * EC2 instance in a private subnet: no SSH key (Session Manager through an instance role instead),
 * IMDSv2 only, encrypted gp3 root volume, detailed monitoring, a security group that admits only the
 * declared ingress, and the component's env written at boot.
 */
export function lowerAwsVm(vm: VmComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(vm);
  const network = ctx.network(vm.props.network);
  const subnet = subnetFor(network, vm.props.subnet);

  const role = ctx.add(vm, "aws_iam_role", name, {
    name: ctx.physicalName(vm, { max: 64 }),
    assume_role_policy: assumeRolePolicy("ec2.amazonaws.com"),
  });
  ctx.add(vm, "aws_iam_role_policy_attachment", ctx.localName(vm, "ssm"), {
    role: ctx.ref(role, "name"),
    policy_arn: `arn:${partitionOf(ctx.region)}:iam::aws:policy/AmazonSSMManagedInstanceCore`,
  });
  const secrets = referencedResources(ctx, vm, "secret", "aws_secretsmanager_secret");
  if (secrets.length > 0) {
    // The VM may read exactly the secrets its env names, nothing else.
    ctx.add(vm, "aws_iam_role_policy", ctx.localName(vm, "secrets"), {
      name: "read-referenced-secrets",
      role: ctx.ref(role, "id"),
      policy: policyDocument([
        {
          Effect: "Allow",
          Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
          Resource: secrets.map(({ address }) => ctx.ref(address, "arn")),
        },
      ]),
    });
  }
  const profile = ctx.add(vm, "aws_iam_instance_profile", name, {
    name: ctx.physicalName(vm, { max: 128 }),
    role: ctx.ref(role, "name"),
  });

  const securityGroup = ctx.add(vm, "aws_security_group", name, {
    name: ctx.physicalName(vm, { max: 255 }),
    description: `VM ${vm.name} of ${ctx.spec.app} (${ctx.spec.env})`,
    vpc_id: network.id,
  });
  (vm.props.ingress ?? []).forEach((rule, index) => {
    ctx.add(vm, "aws_vpc_security_group_ingress_rule", ctx.localName(vm, `ingress_${index + 1}`), {
      security_group_id: ctx.ref(securityGroup, "id"),
      cidr_ipv4: rule.cidr,
      ip_protocol: rule.protocol ?? "tcp",
      from_port: rule.port,
      to_port: rule.toPort ?? rule.port,
    });
  });
  ctx.add(vm, "aws_vpc_security_group_egress_rule", ctx.localName(vm, "egress"), {
    security_group_id: ctx.ref(securityGroup, "id"),
    description: "Outbound traffic (package updates, Session Manager)",
    cidr_ipv4: "0.0.0.0/0",
    ip_protocol: "-1",
  });

  const userData = envScript(ctx.value(vm.props.env ?? {}) as Record<string, never>);
  const instance = ctx.add(vm, "aws_instance", name, {
    ami: vm.props.image ?? DEFAULT_IMAGE,
    instance_type: SIZES.aws.vm[vm.props.size ?? "small"],
    subnet_id: subnet?.id ?? null,
    vpc_security_group_ids: [ctx.ref(securityGroup, "id")],
    iam_instance_profile: ctx.ref(profile, "name"),
    associate_public_ip_address: false,
    monitoring: true,
    ebs_optimized: true,
    metadata_options: [{ http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 }],
    root_block_device: [
      {
        volume_type: "gp3",
        volume_size: vm.props.diskGb ?? 20,
        encrypted: true,
        delete_on_termination: true,
      },
    ],
    ...(userData ? { user_data: userData, user_data_replace_on_change: true } : {}),
  });

  return {
    attributes: { id: ctx.ref(instance, "id"), privateIp: ctx.ref(instance, "private_ip") },
  };
}

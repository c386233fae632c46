import type { ResourceNode } from "../../../model/graph.ts";
import { Ref, type Value, type ValueObject } from "../../../model/value.ts";
import { blocks, type CostContext, num, type SubresourceSpec, str } from "../../cost-components.ts";
import { ebsLines } from "../ebs-volume/cost.ts";
import { blockDeviceSubresources } from "../instance/cost.ts";

/** What instances a group launches: from a launch template or a launch configuration. */
export interface LaunchSpec {
  instanceType: string | undefined;
  tenancy: string | undefined;
  creditMode: string | undefined;
  /** The volumes of each instance. */
  volumes(count: number): SubresourceSpec[];
}

/** The node a reference (`aws_launch_template.web.id`) points to; a literal id names nothing in the graph. */
export function referenced(ctx: CostContext, value: Value | undefined): ResourceNode | undefined {
  return value instanceof Ref ? ctx.lookup(value.address) : undefined;
}

/** A launch template's instance type, tenancy, credits and block device mappings. */
export function fromLaunchTemplate(
  ctx: CostContext,
  template: ResourceNode | undefined,
  overrideType?: string,
): LaunchSpec {
  const props = template?.properties ?? {};
  return {
    instanceType: overrideType ?? str(ctx, "instance_type", props),
    tenancy: str(ctx, "placement.tenancy", props),
    creditMode: str(ctx, "credit_specification.cpu_credits", props),
    volumes(count) {
      const mappings = blocks(ctx, "block_device_mappings", props);
      if (mappings.length === 0) return blockDeviceSubresources(ctx, undefined, [], count);
      return mappings.map((mapping, index) => {
        const ebs: ValueObject = blocks(ctx, "ebs", mapping)[0] ?? {};
        return {
          name: `block_device_mappings[${index}]${str(ctx, "device_name", mapping) ? ` (${str(ctx, "device_name", mapping)})` : ""}`,
          components: ebsLines(
            ctx,
            {
              type: str(ctx, "volume_type", ebs) ?? "gp2",
              sizeGb: num(ctx, "volume_size", ebs) ?? 8,
              iops: num(ctx, "iops", ebs),
              throughput: num(ctx, "throughput", ebs),
            },
            count,
          ),
        };
      });
    },
  };
}

/** A launch configuration's instance type and root and EBS block devices. */
export function fromLaunchConfiguration(ctx: CostContext, config: ResourceNode | undefined): LaunchSpec {
  const props = config?.properties ?? {};
  return {
    instanceType: str(ctx, "instance_type", props),
    tenancy: str(ctx, "placement_tenancy", props),
    creditMode: str(ctx, "credit_specification.cpu_credits", props),
    volumes: (count) =>
      blockDeviceSubresources(
        ctx,
        blocks(ctx, "root_block_device", props)[0],
        blocks(ctx, "ebs_block_device", props),
        count,
      ),
  };
}

/** The launch spec of an autoscaling group: its launch template, mixed instances policy or configuration. */
export function launchSpecOf(ctx: CostContext): LaunchSpec | undefined {
  const template = blocks(ctx, "launch_template")[0];
  if (template) return fromLaunchTemplate(ctx, referenced(ctx, template.id ?? template.name));
  const mixed = blocks(ctx, "mixed_instances_policy.launch_template")[0];
  if (mixed) {
    const specification = blocks(ctx, "launch_template_specification", mixed)[0] ?? {};
    const override = blocks(ctx, "override", mixed)[0];
    const overrideType = override ? str(ctx, "instance_type", override) : undefined;
    return fromLaunchTemplate(
      ctx,
      referenced(ctx, specification.launch_template_id ?? specification.launch_template_name),
      overrideType,
    );
  }
  const config = ctx.node.properties.launch_configuration;
  if (config !== undefined) return fromLaunchConfiguration(ctx, referenced(ctx, config));
  return undefined;
}

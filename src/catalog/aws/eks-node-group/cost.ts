import {
  blocks,
  type CostFunction,
  num,
  prop,
  str,
  unknownPrice,
  usageNumber,
} from "../../cost-components.ts";
import { fromLaunchTemplate, referenced } from "../autoscaling-group/launch-spec.ts";
import { ebsLines } from "../ebs-volume/cost.ts";
import { instanceLines } from "../instance/cost.ts";

/**
 * aws_eks_node_group: `scaling_config.desired_size` nodes (the usage key `instances` overrides) of the
 * first of `instance_types` (default t3.medium) or its launch template's type, each with a `disk_size`
 * GB gp2 volume (default 20) unless the launch template defines the volumes. Spot nodes are not priced.
 */
export const eksNodeGroupCost: CostFunction = (ctx) => {
  const count =
    usageNumber(ctx, "instances") ??
    num(ctx, "scaling_config.desired_size") ??
    num(ctx, "scaling_config.min_size") ??
    1;
  const template = blocks(ctx, "launch_template")[0];
  const spec = template ? fromLaunchTemplate(ctx, referenced(ctx, template.id ?? template.name)) : undefined;
  const types = prop(ctx, "instance_types");
  const instanceType =
    (Array.isArray(types) && typeof types[0] === "string" ? types[0] : undefined) ??
    spec?.instanceType ??
    "t3.medium";
  if (str(ctx, "capacity_type") === "SPOT") {
    return {
      components: [
        unknownPrice(
          `Instances (×${count}, spot)`,
          "hours",
          "spot prices change hourly; plinth prices on-demand only",
        ),
      ],
    };
  }
  return {
    components: instanceLines(ctx, {
      instanceType,
      count,
      creditMode: spec?.creditMode,
      label: `Instances (×${count})`,
    }),
    subresources: spec
      ? spec.volumes(count)
      : [
          {
            name: "disk",
            components: ebsLines(ctx, { type: "gp2", sizeGb: num(ctx, "disk_size") ?? 20 }, count),
          },
        ],
  };
};

import { type CostFunction, num, unknownPrice, usageNumber } from "../../cost-components.ts";
import { instanceLines } from "../instance/cost.ts";
import { launchSpecOf } from "./launch-spec.ts";

/**
 * aws_autoscaling_group: `desired_capacity` instances (else `min_size`; the usage key `instances`
 * overrides) of what its launch template, mixed instances policy (first override) or launch
 * configuration launches, with their volumes.
 */
export const autoscalingGroupCost: CostFunction = (ctx) => {
  const count = usageNumber(ctx, "instances") ?? num(ctx, "desired_capacity") ?? num(ctx, "min_size") ?? 0;
  const spec = launchSpecOf(ctx);
  if (!spec)
    return {
      components: [
        unknownPrice(
          "Instances",
          "hours",
          "the group has no launch template or configuration plinth can read",
        ),
      ],
    };
  return {
    components: instanceLines(ctx, {
      instanceType: spec.instanceType,
      count,
      tenancy: spec.tenancy,
      creditMode: spec.creditMode,
      label: `Instances (×${count})`,
    }),
    subresources: spec.volumes(count),
  };
};

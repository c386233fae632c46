import { type CostFunction, HOURS_PER_MONTH, usage, usageNumber } from "../../cost-components.ts";

/** Cloud NAT charges per assigned VM up to this many; beyond it the hourly charge stays the same. */
const VM_CAP = 32;

/**
 * google_compute_router_nat: gateway uptime per VM using it (usage `assigned_vms`, charged for at most
 * 32) and data processed (`monthly_data_processed_gb`). The snapshot holds the capped hourly price
 * (32 VMs); one VM-hour is a 32nd of it.
 */
export const computeRouterNatCost: CostFunction = (ctx) => {
  const vms = usageNumber(ctx, "assigned_vms");
  return {
    components: [
      {
        ...usage(
          "NAT gateway uptime (per assigned VM, up to 32)",
          "VM-hours",
          { service: "CloudNAT", key: "nat-gateway-hour-capped" },
          vms === undefined ? undefined : Math.min(vms, VM_CAP) * HOURS_PER_MONTH,
        ),
        priceFactor: 1 / VM_CAP,
      },
      usage(
        "Data processed",
        "GB",
        { service: "CloudNAT", key: "nat-data-processed" },
        usageNumber(ctx, "monthly_data_processed_gb"),
      ),
    ],
  };
};

import { type CostFunction, hourly, referencesTo, str } from "../../cost-components.ts";

/**
 * google_compute_address and google_compute_global_address: internal addresses are free; an external
 * static address costs its in-use price while a VM's access config uses it, the higher reserved-unused
 * price otherwise.
 */
export const computeAddressCost: CostFunction = (ctx) => {
  if (str(ctx, "address_type") === "INTERNAL") return { components: [] };
  const inUse = referencesTo(ctx).some((node) => node.type === "google_compute_instance");
  return {
    components: [
      inUse
        ? hourly("Static external IP (in use by a VM)", {
            service: "ExternalIP",
            key: "external-ip-in-use-standard-vm",
          })
        : hourly("Static external IP (reserved, not in use)", {
            service: "ExternalIP",
            key: "static-ip-unused",
          }),
    ],
  };
};

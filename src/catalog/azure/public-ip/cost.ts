import { type CostFunction, hourly, str } from "../../cost-components.ts";

/** azurerm_public_ip: an IPv4 address by the hour by SKU (Standard by default since provider 4.0) and allocation. */
export const publicIpCost: CostFunction = (ctx) => {
  const sku = str(ctx, "sku") ?? "Standard";
  const allocation = str(ctx, "allocation_method") ?? "Static";
  return {
    components: [
      hourly(`Public IP (${sku}, ${allocation.toLowerCase()})`, {
        service: "PublicIP",
        key: `${sku}/${allocation}`,
      }),
    ],
  };
};

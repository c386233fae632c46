import { type CostFunction, hourly, num, str } from "../../cost-components.ts";

/**
 * azurerm_service_plan and the legacy azurerm_app_service_plan: `worker_count` instances (default 1)
 * of the SKU (`B1`, `P1v3`…) by the hour, Linux or Windows.
 */
export const servicePlanCost: CostFunction = (ctx) => {
  const legacy = ctx.node.type === "azurerm_app_service_plan";
  const sku = legacy ? str(ctx, "sku.size") : str(ctx, "sku_name");
  const os = legacy
    ? str(ctx, "kind") === "Linux" || ctx.node.properties.reserved === true
      ? "Linux"
      : "Windows"
    : (str(ctx, "os_type") ?? "Linux");
  const workers = (legacy ? num(ctx, "sku.capacity") : num(ctx, "worker_count")) ?? 1;
  if (sku === "Y1" || sku === "F1" || sku === "D1") return { components: [] };
  return {
    components: [
      hourly(
        `Instances (×${workers}, ${os}, ${sku ?? "unknown SKU"})`,
        { service: "AppService", key: `${os}/${sku ?? "unknown"}` },
        workers,
      ),
    ],
  };
};

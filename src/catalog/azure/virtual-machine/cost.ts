import {
  type CostFunction,
  HOURS_PER_MONTH,
  hourly,
  num,
  str,
  unknownPrice,
  usageNumber,
} from "../../cost-components.ts";
import { managedDiskLines } from "../managed-disk/cost.ts";

/**
 * azurerm_linux_virtual_machine, azurerm_windows_virtual_machine and the legacy azurerm_virtual_machine:
 * pay-as-you-go hours of `size` (Windows at its licensed price) and the OS disk (`disk_size_gb`, or the
 * image's usual 30 GB for Linux and 127 GB for Windows). Spot VMs are not priced.
 */
export const virtualMachineCost: CostFunction = (ctx) => {
  const legacy = ctx.node.type === "azurerm_virtual_machine";
  const size = str(ctx, legacy ? "vm_size" : "size");
  const windows =
    ctx.node.type === "azurerm_windows_virtual_machine" ||
    (legacy && ctx.node.properties.os_profile_windows_config !== undefined);
  const os = windows ? "Windows" : "Linux";
  const hours = usageNumber(ctx, "monthly_hrs") ?? HOURS_PER_MONTH;
  const components =
    str(ctx, "priority") === "Spot"
      ? [
          unknownPrice(
            "Instance usage (Spot)",
            "hours",
            "Spot prices change; plinth prices pay-as-you-go only",
          ),
        ]
      : size
        ? [
            {
              ...hourly(`Instance usage (${os}, pay as you go, ${size})`, {
                service: "VirtualMachines",
                key: windows ? `${size}/windows` : size,
              }),
              monthlyQuantity: hours,
            },
          ]
        : [unknownPrice("Instance usage", "hours", "size is only known after apply")];
  const diskPath = legacy ? "storage_os_disk" : "os_disk";
  const storageType =
    str(ctx, `${diskPath}.${legacy ? "managed_disk_type" : "storage_account_type"}`) ?? "Standard_LRS";
  const sizeGb = num(ctx, `${diskPath}.disk_size_gb`);
  const diskLines = managedDiskLines(
    { ...ctx, usage: (ctx.usage.os_disk as Record<string, unknown>) ?? {} },
    storageType,
    sizeGb ?? (windows ? 127 : 30),
    1,
    "OS disk",
  );
  if (sizeGb === undefined)
    for (const line of diskLines)
      line.note = `disk_size_gb not set: the image's usual ${windows ? 127 : 30} GB assumed`;
  return { components, subresources: [{ name: "os_disk", components: diskLines }] };
};

import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { isSet } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Managed disk encryption not turned off. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-014",
    title: "Managed disks are encrypted",
    description:
      "A managed disk uses a disk encryption set (customer managed key) or Azure Disk Encryption (`encryption_settings`) without turning it off. Platform-managed encryption applies when neither is declared.",
    severity: "medium",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_managed_disk"], cloudformation: [] },
    remediation: {
      summary: "Use a disk encryption set, or keep encryption_settings enabled.",
      terraform:
        'resource "azurerm_managed_disk" "d" {\n  disk_encryption_set_id = azurerm_disk_encryption_set.des.id\n}',
    },
    frameworks: [soc2("CC6.1")],
    aliases: ["CKV_AZURE_2", "AVD-AZU-0038", "azure-compute-enable-disk-encryption"],
    references: ["https://learn.microsoft.com/azure/virtual-machines/disk-encryption-overview"],
    defaults:
      "Azure encrypts managed disks with platform keys by default, so a disk that declares nothing passes.",
  },
  check: (disk) => {
    const set = isSet(disk.get("disk_encryption_set_id"));
    if (set === "yes") return pass("A disk encryption set encrypts the disk.", "disk_encryption_set_id");
    if (set === "unknown")
      return unknown("disk_encryption_set_id is not known statically.", "disk_encryption_set_id");
    const enabled = disk.get("encryption_settings.enabled");
    if (isUnresolved(enabled))
      return unknown(
        `encryption_settings.enabled is not known statically: ${describeUnresolved(enabled)}.`,
        "encryption_settings",
      );
    if (enabled === false)
      return fail(
        "encryption_settings.enabled is false: Azure Disk Encryption is turned off.",
        "encryption_settings",
      );
    return pass("The disk is encrypted.", "encryption_settings");
  },
};

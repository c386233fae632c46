import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Encryption at host for VMs and scale sets. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-013",
    title: "Virtual machines enable encryption at host",
    description:
      "`encryption_at_host_enabled = true` encrypts temporary disks and OS/data disk caches on the host, end to end to the storage service.",
    severity: "medium",
    cloud: "azure",
    resourceTypes: {
      terraform: [
        "azurerm_linux_virtual_machine",
        "azurerm_windows_virtual_machine",
        "azurerm_linux_virtual_machine_scale_set",
        "azurerm_windows_virtual_machine_scale_set",
      ],
      cloudformation: [],
    },
    remediation: {
      summary: "Enable encryption at host (register the EncryptionAtHost feature once per subscription).",
      terraform: 'resource "azurerm_linux_virtual_machine" "vm" {\n  encryption_at_host_enabled = true\n}',
      plinth: "`type: vm` components on Azure enable it.",
    },
    frameworks: [soc2("CC6.1")],
    aliases: ["CKV_AZURE_151", "CKV_AZURE_97"],
    references: [
      "https://learn.microsoft.com/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data",
    ],
    defaults: "The provider's default is false.",
  },
  check: (vm) =>
    expectBool(vm, "encryption_at_host_enabled", true, {
      whenAbsent: "fail",
      pass: "Encryption at host is enabled.",
      fail: "encryption_at_host_enabled is false: temporary disks and caches are not encrypted.",
      absent: "encryption_at_host_enabled is not set, so temporary disks and caches are not encrypted.",
    }),
};

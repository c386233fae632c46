import type { Rule } from "../../rule.ts";
import { unknown } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Linux VMs use SSH keys, not passwords. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-019",
    title: "Linux virtual machines disable password authentication",
    description:
      "`disable_password_authentication` is not false: SSH accepts keys only, so passwords cannot be guessed.",
    severity: "high",
    cloud: "azure",
    resourceTypes: {
      terraform: [
        "azurerm_linux_virtual_machine",
        "azurerm_linux_virtual_machine_scale_set",
        "azurerm_virtual_machine",
      ],
      cloudformation: [],
    },
    remediation: {
      summary: "Use SSH keys and disable passwords.",
      terraform:
        'disable_password_authentication = true\nadmin_ssh_key {\n  username   = "adminuser"\n  public_key = var.ssh_public_key\n}',
      plinth: "`type: vm` components on Azure are SSH-key only.",
    },
    frameworks: [soc2("CC6.1")],
    aliases: [
      "CKV_AZURE_149",
      "CKV_AZURE_1",
      "AVD-AZU-0039",
      "azure-compute-disable-password-authentication",
    ],
    references: ["https://learn.microsoft.com/azure/virtual-machines/linux/create-ssh-keys-detailed"],
    defaults:
      "azurerm_linux_virtual_machine defaults to true (passwords disabled); the legacy azurerm_virtual_machine requires the argument in os_profile_linux_config.",
  },
  check: (vm) => {
    // The legacy azurerm_virtual_machine sets it in os_profile_linux_config, which Windows VMs lack.
    const legacy = vm.type === "azurerm_virtual_machine";
    if (legacy && vm.get("os_profile_linux_config") === undefined)
      return unknown(
        "Not applicable: the VM has no os_profile_linux_config (not a Linux VM).",
        "os_profile_linux_config",
      );
    const path = legacy
      ? "os_profile_linux_config.disable_password_authentication"
      : "disable_password_authentication";
    return expectBool(vm, path, true, {
      whenAbsent: legacy ? "fail" : "pass",
      pass: "Password authentication is disabled.",
      fail: "disable_password_authentication is false: SSH accepts passwords.",
      absent: legacy
        ? "os_profile_linux_config sets no disable_password_authentication, which is required to be true."
        : "Password authentication is disabled (the default).",
    });
  },
};

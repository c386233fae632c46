import type { Rule } from "../../rule.ts";
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
      terraform: ["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"],
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
    defaults: "The provider's default is true (passwords disabled).",
  },
  check: (vm) =>
    expectBool(vm, "disable_password_authentication", true, {
      whenAbsent: "pass",
      pass: "Password authentication is disabled.",
      fail: "disable_password_authentication is false: SSH accepts passwords.",
      absent: "Password authentication is disabled (the default).",
    }),
};

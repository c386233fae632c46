import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** NICs do not forward IP packets. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-020",
    title: "Network interfaces do not forward IP packets",
    description:
      "IP forwarding (`ip_forwarding_enabled`, `enable_ip_forwarding` before azurerm 4.0) is off unless the VM is a network appliance.",
    severity: "medium",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_network_interface"], cloudformation: [] },
    remediation: {
      summary: "Turn IP forwarding off.",
      terraform: 'resource "azurerm_network_interface" "nic" {\n  ip_forwarding_enabled = false\n}',
      plinth: "`type: vm` components on Azure keep it off.",
    },
    frameworks: [soc2("CC6.6")],
    aliases: ["CKV_AZURE_118", "AVD-AZU-0075", "azure-network-network-ip-forwarding-enabled"],
    references: [
      "https://learn.microsoft.com/azure/virtual-network/virtual-network-network-interface#enable-or-disable-ip-forwarding",
    ],
    defaults: "The provider's default is false.",
  },
  check: (nic) => {
    const path =
      nic.get("enable_ip_forwarding") !== undefined ? "enable_ip_forwarding" : "ip_forwarding_enabled";
    return expectBool(nic, path, false, {
      whenAbsent: "pass",
      pass: "IP forwarding is off.",
      fail: `${path} is true.`,
    });
  },
};

import type { Rule } from "../../rule.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Key vault firewall denies by default. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-018",
    title: "Key vault firewalls deny by default",
    description:
      '`network_acls { default_action = "Deny" }` admits only listed networks (and trusted services).',
    severity: "medium",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_key_vault"], cloudformation: [] },
    remediation: {
      summary: "Deny by default and list the subnets that need the vault.",
      terraform: 'network_acls {\n  default_action = "Deny"\n  bypass         = "AzureServices"\n}',
      plinth: "`type: secret` components on Azure get a default-deny firewall.",
    },
    frameworks: [soc2("CC6.6")],
    aliases: ["CKV_AZURE_109", "AVD-AZU-0013", "azure-keyvault-specify-network-acl"],
    references: ["https://learn.microsoft.com/azure/key-vault/general/network-security"],
    defaults: "Without network_acls every network may connect, which fails.",
  },
  check: (vault) =>
    expectAttribute(vault, "network_acls.default_action", {
      ok: (v) => String(v).toLowerCase() === "deny",
      whenAbsent: "fail",
      pass: "The vault's firewall denies by default.",
      fail: "network_acls.default_action is Allow: every network may connect.",
      absent: "No network_acls restrict the vault: every network may connect.",
    }),
};

import type { Rule } from "../../rule.ts";
import { attachedVerdict } from "../shared/attached.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

const deny = (v: unknown) => String(v).toLowerCase() === "deny";

/** CIS Azure 3.8: network default action deny. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-005",
    title: "Storage account firewalls deny by default",
    description:
      'The account\'s network rules (inline `network_rules` or azurerm_storage_account_network_rules) set `default_action = "Deny"`, admitting only listed networks and trusted services.',
    severity: "medium",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_storage_account"], cloudformation: [] },
    remediation: {
      summary: "Deny by default and allow the subnets or private endpoints that need access.",
      terraform:
        'network_rules {\n  default_action             = "Deny"\n  bypass                     = ["AzureServices"]\n  virtual_network_subnet_ids = [azurerm_subnet.app.id]\n}',
    },
    frameworks: [cisAzure("3.8"), soc2("CC6.6")],
    aliases: ["CKV_AZURE_35", "AVD-AZU-0012", "azure-storage-default-action-deny"],
    references: ["https://learn.microsoft.com/azure/storage/common/storage-network-security"],
    defaults: "Without network rules every network is allowed, which fails.",
  },
  check: (account, graph) =>
    attachedVerdict(account, graph, {
      types: ["azurerm_storage_account_network_rules"],
      attribute: "storage_account_id",
      keys: ["id"],
      inline: () =>
        account.get("network_rules") === undefined
          ? undefined
          : expectAttribute(account, "network_rules.default_action", {
              ok: deny,
              whenAbsent: "fail",
              pass: "Network rules deny by default.",
              fail: "network_rules.default_action is Allow: every network may connect.",
            }),
      evaluate: (rules) =>
        expectAttribute(rules, "default_action", {
          ok: deny,
          whenAbsent: "fail",
          pass: "Network rules deny by default.",
          fail: "default_action is Allow: every network may connect.",
        }),
      missing: "No network rules restrict the account: every network may connect.",
    }),
};

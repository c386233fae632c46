import type { Rule } from "../../rule.ts";
import { azureIngressVerdict, type ExposureRuleOptions } from "./network.ts";

/** A rule refusing NSG rules that admit `query` from the internet (`*`, `Internet`, `0.0.0.0/0`). */
export function nsgIngressRule(options: ExposureRuleOptions): Rule {
  return {
    meta: {
      id: options.id,
      title: options.title,
      description: `No inbound Allow rule of a network security group (inline \`security_rule\` blocks or azurerm_network_security_rule) admits ${options.what} from \`*\`, \`Internet\`, \`Any\` or a /0 range.`,
      severity: options.severity,
      cloud: "azure",
      resourceTypes: {
        terraform: ["azurerm_network_security_group", "azurerm_network_security_rule"],
        cloudformation: [],
      },
      remediation: {
        summary: `Admit ${options.what} only from known ranges, or use Azure Bastion.`,
        terraform: `resource "azurerm_network_security_rule" "admin" {\n  direction                  = "Inbound"\n  access                     = "Allow"\n  protocol                   = "Tcp"\n  destination_port_range     = "${options.port}"\n  source_address_prefix      = "10.0.0.0/16" # not * or Internet\n}`,
        plinth: "plinth refuses SSH and RDP from 0.0.0.0/0 in a vm's `ingress:`; give a narrower `cidr`.",
      },
      frameworks: options.frameworks,
      aliases: options.aliases,
      references: ["https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview"],
    },
    check: (resource) => azureIngressVerdict(resource, options.query, options.what),
  };
}

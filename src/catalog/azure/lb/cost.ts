import { type CostFunction, hourly, referencesTo, str, usage, usageNumber } from "../../cost-components.ts";

/** The Standard load balancer's hourly price covers this many rules; each further rule is charged. */
const INCLUDED_RULES = 5;
const RULE_TYPES = new Set(["azurerm_lb_rule", "azurerm_lb_outbound_rule", "azurerm_lb_nat_rule"]);

/**
 * azurerm_lb: Basic load balancers are free; Standard ones charge by the hour for up to five rules
 * (the azurerm_lb_rule, outbound and NAT rules that refer to it), per hour for each further rule, and
 * per GB processed (usage `monthly_data_processed_gb`). With no rules there is no hourly charge.
 */
export const lbCost: CostFunction = (ctx) => {
  if ((str(ctx, "sku") ?? "Basic") === "Basic") return { components: [] };
  const rules = referencesTo(ctx).filter((n) => RULE_TYPES.has(n.type)).length;
  const components = [];
  if (rules > 0)
    components.push(
      hourly(`Load balancer (first ${INCLUDED_RULES} rules)`, {
        service: "LoadBalancer",
        key: "standard-first-5-rules-hour",
      }),
    );
  if (rules > INCLUDED_RULES) {
    components.push({
      ...hourly(
        `Additional rules (${rules - INCLUDED_RULES})`,
        { service: "LoadBalancer", key: "standard-additional-rule-hour" },
        rules - INCLUDED_RULES,
      ),
      unit: "rule-hours",
    });
  }
  components.push(
    usage(
      "Data processed",
      "GB",
      { service: "LoadBalancer", key: "standard-data-processed" },
      usageNumber(ctx, "monthly_data_processed_gb"),
    ),
  );
  return { components };
};

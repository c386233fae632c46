import { localName, physicalName } from "../../naming.ts";
import type { LoweringContext, NetworkInfo } from "../context.ts";
import { placement } from "./resource-group.ts";

/**
 * The private DNS zone of a kind of private endpoint (`privatelink.postgres.database.azure.com`), once
 * per resource group, linked to a network, once per network: a service's public name is a CNAME into
 * that zone, so inside linked networks it resolves to the private endpoint's address. Returns the zone's
 * address, for the endpoint's `private_dns_zone_group`, which keeps the endpoint's record in the zone.
 */
export function privateDnsZone(
  ctx: LoweringContext,
  kind: string,
  zoneName: string,
  network: NetworkInfo,
): string {
  const { resource_group_name } = placement(ctx);
  const zone = ctx.addOnce("azurerm_private_dns_zone", kind, () => ({ name: zoneName, resource_group_name }));
  ctx.addOnce("azurerm_private_dns_zone_virtual_network_link", localName(kind, network.component), () => ({
    name: physicalName([ctx.spec.app, ctx.spec.env, network.component, kind], { max: 80 }),
    resource_group_name,
    private_dns_zone_name: ctx.ref(zone, "name"),
    virtual_network_id: network.id,
    // The zone holds the endpoints' records only; VMs do not register their names in it.
    registration_enabled: false,
  }));
  return zone;
}

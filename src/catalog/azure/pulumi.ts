import type { PulumiMapping } from "../pulumi-mapping.ts";
import { managementLock } from "./management-lock/pulumi.ts";
import { privateDnsZone } from "./private-dns-zone/pulumi.ts";
import { privateDnsZoneVirtualNetworkLink } from "./private-dns-zone-virtual-network-link/pulumi.ts";
import { privateEndpoint } from "./private-endpoint/pulumi.ts";
import { roleAssignment } from "./role-assignment/pulumi.ts";

/** Azure types whose Pulumi resource differs from the generic derivation. */
export const PULUMI: Readonly<Record<string, PulumiMapping>> = {
  azurerm_management_lock: managementLock,
  azurerm_private_dns_zone: privateDnsZone,
  azurerm_private_dns_zone_virtual_network_link: privateDnsZoneVirtualNetworkLink,
  azurerm_private_endpoint: privateEndpoint,
  azurerm_role_assignment: roleAssignment,
};

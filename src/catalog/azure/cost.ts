/** Azure cost modules by Terraform type, and the types Azure does not charge for. */
import type { ResourceNode } from "../../model/graph.ts";
import { Ref } from "../../model/value.ts";
import type { CostContext, CostRegistry } from "../cost-components.ts";
import { kubernetesClusterCost } from "./kubernetes-cluster/cost.ts";
import { kubernetesClusterNodePoolCost } from "./kubernetes-cluster-node-pool/cost.ts";
import { lbCost } from "./lb/cost.ts";
import { managedDiskCost } from "./managed-disk/cost.ts";
import { mssqlDatabaseCost } from "./mssql-database/cost.ts";
import { natGatewayCost } from "./nat-gateway/cost.ts";
import { postgresqlFlexibleServerCost } from "./postgresql-flexible-server/cost.ts";
import { publicIpCost } from "./public-ip/cost.ts";
import { redisCacheCost } from "./redis-cache/cost.ts";
import { servicePlanCost } from "./service-plan/cost.ts";
import { storageAccountCost } from "./storage-account/cost.ts";
import { virtualMachineCost } from "./virtual-machine/cost.ts";

/** `West Europe` → `westeurope`, as the price list names regions. */
export function normalizeLocation(location: string): string {
  return location.toLowerCase().replaceAll(/\s+/g, "");
}

/**
 * A resource's region: its `location`, or through a reference its resource group's (or server's)
 * location. Child resources without one (a SQL database on a server) follow their parent's.
 */
function regionOf(node: ResourceNode, lookup: CostContext["lookup"], depth = 0): string | undefined {
  const location = node.properties.location;
  if (typeof location === "string" && location) return normalizeLocation(location);
  if (depth > 3) return undefined;
  const parent =
    location instanceof Ref
      ? location
      : [
          node.properties.server_id,
          node.properties.kubernetes_cluster_id,
          node.properties.resource_group_name,
        ].find((v) => v instanceof Ref);
  if (parent instanceof Ref) {
    const target = lookup(parent.address);
    if (target) return regionOf(target, lookup, depth + 1);
  }
  return undefined;
}

export const AZURE_COSTS: CostRegistry = {
  defaultRegion: "eastus",
  regionOf,
  priced: {
    azurerm_linux_virtual_machine: virtualMachineCost,
    azurerm_windows_virtual_machine: virtualMachineCost,
    azurerm_virtual_machine: virtualMachineCost,
    azurerm_managed_disk: managedDiskCost,
    azurerm_storage_account: storageAccountCost,
    azurerm_mssql_database: mssqlDatabaseCost,
    azurerm_postgresql_flexible_server: postgresqlFlexibleServerCost,
    azurerm_nat_gateway: natGatewayCost,
    azurerm_lb: lbCost,
    azurerm_public_ip: publicIpCost,
    azurerm_kubernetes_cluster: kubernetesClusterCost,
    azurerm_kubernetes_cluster_node_pool: kubernetesClusterNodePoolCost,
    azurerm_redis_cache: redisCacheCost,
    azurerm_service_plan: servicePlanCost,
    azurerm_app_service_plan: servicePlanCost,
  },
  // Load balancer rules are priced on their load balancer.
  free: new Set([
    "azurerm_key_vault_access_policy",
    "azurerm_lb_backend_address_pool",
    "azurerm_lb_nat_rule",
    "azurerm_lb_outbound_rule",
    "azurerm_lb_probe",
    "azurerm_lb_rule",
    "azurerm_mssql_firewall_rule",
    "azurerm_mssql_server",
    "azurerm_nat_gateway_public_ip_association",
    "azurerm_network_interface",
    "azurerm_network_interface_security_group_association",
    "azurerm_network_security_group",
    "azurerm_network_security_rule",
    "azurerm_postgresql_flexible_server_configuration",
    "azurerm_postgresql_flexible_server_database",
    "azurerm_postgresql_flexible_server_firewall_rule",
    "azurerm_private_dns_zone_virtual_network_link",
    "azurerm_resource_group",
    "azurerm_role_assignment",
    "azurerm_route_table",
    "azurerm_storage_container",
    "azurerm_subnet",
    "azurerm_subnet_nat_gateway_association",
    "azurerm_subnet_network_security_group_association",
    "azurerm_user_assigned_identity",
    "azurerm_virtual_network",
  ]),
};

import type { ArmMapping } from "../arm-mapping.ts";
import { keyVault } from "./key-vault/arm.ts";
import { linuxVirtualMachine } from "./linux-virtual-machine/arm.ts";
import { managementLock } from "./management-lock/arm.ts";
import { mysqlFlexibleDatabase } from "./mysql-flexible-database/arm.ts";
import { mysqlFlexibleServer } from "./mysql-flexible-server/arm.ts";
import { natGateway } from "./nat-gateway/arm.ts";
import { natGatewayPublicIpAssociation } from "./nat-gateway-public-ip-association/arm.ts";
import { networkInterface } from "./network-interface/arm.ts";
import { networkSecurityGroup } from "./network-security-group/arm.ts";
import { networkSecurityRule } from "./network-security-rule/arm.ts";
import { postgresqlFlexibleServer } from "./postgresql-flexible-server/arm.ts";
import { postgresqlFlexibleServerActiveDirectoryAdministrator } from "./postgresql-flexible-server-active-directory-administrator/arm.ts";
import { postgresqlFlexibleServerDatabase } from "./postgresql-flexible-server-database/arm.ts";
import { privateDnsZone } from "./private-dns-zone/arm.ts";
import { privateDnsZoneVirtualNetworkLink } from "./private-dns-zone-virtual-network-link/arm.ts";
import { privateEndpoint } from "./private-endpoint/arm.ts";
import { publicIp } from "./public-ip/arm.ts";
import { roleAssignment } from "./role-assignment/arm.ts";
import { servicebusNamespace } from "./servicebus-namespace/arm.ts";
import { servicebusQueue } from "./servicebus-queue/arm.ts";
import { storageAccount } from "./storage-account/arm.ts";
import { storageContainer } from "./storage-container/arm.ts";
import { storageManagementPolicy } from "./storage-management-policy/arm.ts";
import { subnet } from "./subnet/arm.ts";
import { subnetNatGatewayAssociation } from "./subnet-nat-gateway-association/arm.ts";
import { subnetNetworkSecurityGroupAssociation } from "./subnet-network-security-group-association/arm.ts";
import { virtualNetwork } from "./virtual-network/arm.ts";

/** Every Azure type plinth generates as ARM and Bicep, by Terraform type (resource groups are the deployment's scope). */
export const ARM: Readonly<Record<string, ArmMapping>> = {
  azurerm_key_vault: keyVault,
  azurerm_linux_virtual_machine: linuxVirtualMachine,
  azurerm_management_lock: managementLock,
  azurerm_mysql_flexible_database: mysqlFlexibleDatabase,
  azurerm_mysql_flexible_server: mysqlFlexibleServer,
  azurerm_nat_gateway: natGateway,
  azurerm_nat_gateway_public_ip_association: natGatewayPublicIpAssociation,
  azurerm_network_interface: networkInterface,
  azurerm_network_security_group: networkSecurityGroup,
  azurerm_network_security_rule: networkSecurityRule,
  azurerm_postgresql_flexible_server: postgresqlFlexibleServer,
  azurerm_postgresql_flexible_server_active_directory_administrator:
    postgresqlFlexibleServerActiveDirectoryAdministrator,
  azurerm_postgresql_flexible_server_database: postgresqlFlexibleServerDatabase,
  azurerm_private_dns_zone: privateDnsZone,
  azurerm_private_dns_zone_virtual_network_link: privateDnsZoneVirtualNetworkLink,
  azurerm_private_endpoint: privateEndpoint,
  azurerm_public_ip: publicIp,
  azurerm_role_assignment: roleAssignment,
  azurerm_servicebus_namespace: servicebusNamespace,
  azurerm_servicebus_queue: servicebusQueue,
  azurerm_storage_account: storageAccount,
  azurerm_storage_container: storageContainer,
  azurerm_storage_management_policy: storageManagementPolicy,
  azurerm_subnet: subnet,
  azurerm_subnet_nat_gateway_association: subnetNatGatewayAssociation,
  azurerm_subnet_network_security_group_association: subnetNetworkSecurityGroupAssociation,
  azurerm_virtual_network: virtualNetwork,
};

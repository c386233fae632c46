import type { ArmMapping } from "../arm-mapping.ts";
import { keyVault } from "./key-vault/arm.ts";
import { linuxVirtualMachine } from "./linux-virtual-machine/arm.ts";
import { mysqlFlexibleDatabase } from "./mysql-flexible-database/arm.ts";
import { mysqlFlexibleServer } from "./mysql-flexible-server/arm.ts";
import { networkInterface } from "./network-interface/arm.ts";
import { networkSecurityGroup } from "./network-security-group/arm.ts";
import { networkSecurityRule } from "./network-security-rule/arm.ts";
import { postgresqlFlexibleServer } from "./postgresql-flexible-server/arm.ts";
import { postgresqlFlexibleServerDatabase } from "./postgresql-flexible-server-database/arm.ts";
import { privateEndpoint } from "./private-endpoint/arm.ts";
import { servicebusNamespace } from "./servicebus-namespace/arm.ts";
import { servicebusQueue } from "./servicebus-queue/arm.ts";
import { storageAccount } from "./storage-account/arm.ts";
import { storageContainer } from "./storage-container/arm.ts";
import { subnet } from "./subnet/arm.ts";
import { subnetNetworkSecurityGroupAssociation } from "./subnet-network-security-group-association/arm.ts";
import { virtualNetwork } from "./virtual-network/arm.ts";

/** Every Azure type plinth generates as ARM and Bicep, by Terraform type (resource groups are the deployment's scope). */
export const ARM: Readonly<Record<string, ArmMapping>> = {
  azurerm_key_vault: keyVault,
  azurerm_linux_virtual_machine: linuxVirtualMachine,
  azurerm_mysql_flexible_database: mysqlFlexibleDatabase,
  azurerm_mysql_flexible_server: mysqlFlexibleServer,
  azurerm_network_interface: networkInterface,
  azurerm_network_security_group: networkSecurityGroup,
  azurerm_network_security_rule: networkSecurityRule,
  azurerm_postgresql_flexible_server: postgresqlFlexibleServer,
  azurerm_postgresql_flexible_server_database: postgresqlFlexibleServerDatabase,
  azurerm_private_endpoint: privateEndpoint,
  azurerm_servicebus_namespace: servicebusNamespace,
  azurerm_servicebus_queue: servicebusQueue,
  azurerm_storage_account: storageAccount,
  azurerm_storage_container: storageContainer,
  azurerm_subnet: subnet,
  azurerm_subnet_network_security_group_association: subnetNetworkSecurityGroupAssociation,
  azurerm_virtual_network: virtualNetwork,
};

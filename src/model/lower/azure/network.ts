import type { NetworkComponent } from "../../../spec/types.ts";
import { localName } from "../../naming.ts";
import { defaultZone, type LoweredComponent, type LoweringContext, type SubnetInfo } from "../context.ts";
import { placement } from "./resource-group.ts";
import { LAST_PRIORITY } from "./security-rule.ts";

/**
 * Virtual network with one subnet per declared subnet, all behind one network security group that denies
 * traffic between hosts of the network unless a VM's ingress allows it.
 *
 * Azure subnets are neither public nor private: a VM is reachable from the internet only through a public
 * IP, which plinth never assigns. So `public` only steers where a VM goes by default, as on GCP, and no
 * subnet gets Azure's implicit ("default") outbound access, which hands VMs a shared public address.
 * With `nat`, a NAT gateway gives every subnet outbound access through one static address instead.
 *
 * No flow logs: NSG flow logs take no new logs since June 2025, and their successor, VNet flow logs, needs
 * Network Watcher, a flow-log resource and a storage account, which plinth's Azure catalog does not have.
 */
export function lowerAzureNetwork(network: NetworkComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(network);
  const where = placement(ctx);
  const vnet = ctx.add(network, "azurerm_virtual_network", name, {
    name: ctx.physicalName(network, { max: 64 }),
    ...where,
    address_space: [network.props.cidr],
  });
  const nsg = ctx.add(network, "azurerm_network_security_group", name, {
    name: ctx.physicalName(network, { max: 80 }, "nsg"),
    ...where,
  });
  const nsgId = ctx.ref(nsg, "id");
  const nsgName = ctx.ref(nsg, "name");
  denyInsideNetwork(network, ctx, nsgName);

  // Key vaults admit only the network's subnets (see secret.ts), which needs the service endpoint on them.
  const serviceEndpoints = ctx.spec.components.some((c) => c.type === "secret") ? ["Microsoft.KeyVault"] : [];
  const subnets: SubnetInfo[] = [];
  Object.entries(network.props.subnets ?? {}).forEach(([subnetName, subnet], index) => {
    const address = ctx.add(network, "azurerm_subnet", subnetLocalName(network.name, subnetName), {
      name: subnetName,
      resource_group_name: where.resource_group_name,
      virtual_network_name: ctx.ref(vnet, "name"),
      address_prefixes: [subnet.cidr],
      default_outbound_access_enabled: false,
      ...(serviceEndpoints.length > 0 ? { service_endpoints: serviceEndpoints } : {}),
    });
    ctx.add(
      network,
      "azurerm_subnet_network_security_group_association",
      subnetLocalName(network.name, subnetName),
      { subnet_id: ctx.ref(address, "id"), network_security_group_id: nsgId },
    );
    subnets.push({
      name: subnetName,
      id: ctx.ref(address, "id"),
      cidr: subnet.cidr,
      public: subnet.public ?? false,
      zone: subnet.zone ?? defaultZone(index),
    });
  });

  if (network.props.nat) addNat(network, ctx, subnets);

  const vnetId = ctx.ref(vnet, "id");
  return {
    // address_space is a set; the declared range is its only member.
    attributes: { id: vnetId, cidr: network.props.cidr },
    network: {
      component: network.name,
      id: vnetId,
      cidr: network.props.cidr,
      subnets,
      handles: { securityGroupName: nsgName, securityGroupId: nsgId },
    },
  };
}

/**
 * A Standard NAT gateway with one static public IP, serving every subnet of the network, as Cloud NAT
 * does on GCP: a subnet's VMs reach the internet from that address and nothing reaches them through it.
 * No zone is pinned, so Azure places the gateway and its address together.
 */
function addNat(network: NetworkComponent, ctx: LoweringContext, subnets: SubnetInfo[]): void {
  const name = ctx.localName(network);
  const where = placement(ctx);
  const ip = ctx.add(network, "azurerm_public_ip", ctx.localName(network, "nat"), {
    name: ctx.physicalName(network, { max: 80 }, "nat-ip"),
    ...where,
    allocation_method: "Static",
    sku: "Standard",
  });
  const gateway = ctx.add(network, "azurerm_nat_gateway", name, {
    name: ctx.physicalName(network, { max: 80 }, "nat"),
    ...where,
    sku_name: "Standard",
  });
  const gatewayId = ctx.ref(gateway, "id");
  const withIp = ctx.add(network, "azurerm_nat_gateway_public_ip_association", name, {
    nat_gateway_id: gatewayId,
    public_ip_address_id: ctx.ref(ip, "id"),
  });
  for (const subnet of subnets) {
    ctx.add(
      network,
      "azurerm_subnet_nat_gateway_association",
      subnetLocalName(network.name, subnet.name),
      { subnet_id: subnet.id, nat_gateway_id: gatewayId },
      // A gateway without an address gives the subnet no way out; it serves subnets once it has one.
      { dependsOn: [withIp] },
    );
  }
}

/** The local name of a subnet's resources, also used by lowerings that refer to subnets by address. */
export function subnetLocalName(network: string, subnet: string): string {
  return localName(network, subnet);
}

/**
 * Azure's default rules let every host of a virtual network reach every port of every other. Denying that
 * at the last user priority leaves only what VMs' ingress rules allow, as a security group does on AWS.
 * Private endpoints (databases) are not subject to it: their subnets keep network policies off.
 */
function denyInsideNetwork(
  network: NetworkComponent,
  ctx: LoweringContext,
  nsgName: ReturnType<LoweringContext["ref"]>,
): void {
  ctx.add(network, "azurerm_network_security_rule", ctx.localName(network, "deny_inside"), {
    name: "deny-inside-network",
    description: "Only ports that a VM's ingress opens are reachable from inside the network",
    resource_group_name: placement(ctx).resource_group_name,
    network_security_group_name: nsgName,
    priority: LAST_PRIORITY,
    direction: "Inbound",
    access: "Deny",
    protocol: "*",
    source_address_prefix: "VirtualNetwork",
    source_port_range: "*",
    destination_address_prefix: "VirtualNetwork",
    destination_port_range: "*",
  });
}

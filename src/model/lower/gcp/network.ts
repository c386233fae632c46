import type { NetworkComponent } from "../../../spec/types.ts";
import type { Ref } from "../../value.ts";
import { defaultZone, type LoweredComponent, type LoweringContext, type SubnetInfo } from "../context.ts";
import { enableApi } from "./project.ts";

/**
 * VPC network in custom-subnet mode with regional routing, one subnetwork per declared subnet (Private
 * Google Access, flow logs), and optionally Cloud Router + Cloud NAT with logging.
 *
 * GCP has no public subnets: a subnetwork spans its region, and a VM is reachable from the internet only
 * through an external IP (an access config), which plinth never assigns. So `public` only steers where a
 * VM goes by default (a non-public subnet, as on AWS), and Cloud NAT needs no public subnet to live in:
 * it serves every subnet of the network, giving private VMs outbound access without inbound exposure.
 */
export function lowerGcpNetwork(network: NetworkComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(network);
  // Every Compute Engine resource of the app refers to a network, so only the network waits for the API.
  const vpc = ctx.add(
    network,
    "google_compute_network",
    name,
    {
      name: ctx.physicalName(network, { max: 63 }),
      description: `Network ${network.name} of ${ctx.spec.app} (${ctx.spec.env})`,
      // The default mode creates a subnet in every region with fixed ranges that clash with the declared CIDR.
      auto_create_subnetworks: false,
      routing_mode: "REGIONAL",
    },
    { dependsOn: [enableApi(ctx, "compute")] },
  );
  const vpcId = ctx.ref(vpc, "id");

  const subnets: SubnetInfo[] = [];
  Object.entries(network.props.subnets ?? {}).forEach(([subnetName, subnet], index) => {
    const address = ctx.add(network, "google_compute_subnetwork", ctx.localName(network, subnetName), {
      name: ctx.physicalName(network, { max: 63 }, subnetName),
      network: vpcId,
      region: ctx.region,
      ip_cidr_range: subnet.cidr,
      // VMs without external IPs still reach Google APIs (Secret Manager, Pub/Sub, Storage).
      private_ip_google_access: true,
      ...(network.props.flowLogs !== false ? { log_config: [flowLogs()] } : {}),
    });
    subnets.push({
      name: subnetName,
      id: ctx.ref(address, "id"),
      cidr: subnet.cidr,
      public: subnet.public ?? false,
      zone: subnet.zone ?? defaultZone(index),
    });
  });

  if (network.props.nat) addNat(network, ctx, vpcId);

  return {
    // A GCP network has no range of its own (its subnets do), so the cidr is the declared one.
    attributes: { id: vpcId, cidr: network.props.cidr },
    network: { component: network.name, id: vpcId, cidr: network.props.cidr, subnets, handles: {} },
  };
}

/** Every flow, all metadata, 5-second aggregation: what the CIS benchmark asks of VPC flow logs. */
function flowLogs(): Record<string, string | number> {
  return { aggregation_interval: "INTERVAL_5_SEC", flow_sampling: 1, metadata: "INCLUDE_ALL_METADATA" };
}

function addNat(network: NetworkComponent, ctx: LoweringContext, vpcId: Ref): void {
  const name = ctx.localName(network);
  const router = ctx.add(network, "google_compute_router", name, {
    name: ctx.physicalName(network, { max: 63 }, "router"),
    network: vpcId,
    region: ctx.region,
  });
  ctx.add(network, "google_compute_router_nat", name, {
    name: ctx.physicalName(network, { max: 63 }, "nat"),
    router: ctx.ref(router, "name"),
    region: ctx.region,
    nat_ip_allocate_option: "AUTO_ONLY",
    source_subnetwork_ip_ranges_to_nat: "ALL_SUBNETWORKS_ALL_IP_RANGES",
    log_config: [{ enable: true, filter: "ALL" }],
  });
}

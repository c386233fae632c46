import { localName, physicalName } from "../../naming.ts";
import type { Ref } from "../../value.ts";
import type { LoweringContext, NetworkInfo } from "../context.ts";
import { enableApi } from "./project.ts";

export interface PrivateServices {
  /** The google_service_networking_connection: Cloud SQL instances must wait for it. */
  connection: string;
  /** Name of the range reserved for Google's services, for `allocated_ip_range`. */
  range: Ref;
}

/**
 * Private services access for a network: a range reserved for Google-managed services and the VPC
 * peering to them, which is how Cloud SQL gets an address inside the network and none outside it. One
 * peering per network and service, so every database of the network shares them.
 */
export function privateServices(ctx: LoweringContext, network: NetworkInfo): PrivateServices {
  const name = localName(network.component, "private_services");
  const range = ctx.addOnce("google_compute_global_address", name, () => ({
    name: physicalName([ctx.spec.app, ctx.spec.env, network.component, "psa"], { max: 63 }),
    description: `Range for Google-managed services peered with network ${network.component}`,
    purpose: "VPC_PEERING",
    address_type: "INTERNAL",
    prefix_length: 16,
    network: network.id,
  }));
  const connection = ctx.addOnce(
    "google_service_networking_connection",
    name,
    () => ({
      network: network.id,
      service: "servicenetworking.googleapis.com",
      reserved_peering_ranges: [ctx.ref(range, "name")],
      // Deleting the peering fails while Google still holds the Cloud SQL instance's address for a few
      // days after its deletion; abandoning it lets `destroy` finish, and the network's deletion removes it.
      deletion_policy: "ABANDON",
    }),
    { dependsOn: [enableApi(ctx, "servicenetworking")] },
  );
  return { connection, range: ctx.ref(range, "name") };
}

import type { NetworkComponent } from "../../../spec/types.ts";
import type { Value } from "../../value.ts";
import type { LoweringContext } from "../context.ts";
import { subnetLocalName } from "./network.ts";

/**
 * Every subnet of every network of the app, by address: the services that admit only the app's
 * networks (key vaults, storage accounts) do not reference a network, so the networks may be lowered
 * after them. Each subnet has those services' endpoints (see network.ts).
 */
export function appSubnets(ctx: LoweringContext): Value[] {
  return ctx.spec.components
    .filter((c): c is NetworkComponent => c.type === "network")
    .flatMap((network) =>
      Object.keys(network.props.subnets ?? {}).map((subnet) =>
        ctx.ref(`azurerm_subnet.${subnetLocalName(network.name, subnet)}`, "id"),
      ),
    );
}

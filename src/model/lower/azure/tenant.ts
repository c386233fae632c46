import type { VarRef } from "../../value.ts";
import type { LoweringContext } from "../context.ts";

/**
 * The Microsoft Entra tenant that signs users in to databases and key vaults. An input rather than a
 * lookup: the graph holds no data sources, and the tenant is known to whoever deploys.
 */
export function tenantId(ctx: LoweringContext): VarRef {
  return ctx.variable({
    name: "azure_tenant_id",
    type: "string",
    description: "Microsoft Entra tenant ID (a GUID) of the subscription plinth deploys to",
  });
}

import type { Value } from "../../value.ts";
import type { LoweringContext } from "../context.ts";

/** The local name of the one resource group of an app and environment. */
const LOCAL_NAME = "main";

/**
 * Every Azure resource of an app and environment lives in one resource group, `rg-<app>-<env>`, added by
 * whichever component needs it first: deleting the environment then removes everything it holds, and
 * access can be granted on the whole environment at once.
 */
export function resourceGroup(ctx: LoweringContext): string {
  return ctx.addOnce("azurerm_resource_group", LOCAL_NAME, () => ({
    name: `rg-${ctx.spec.app}-${ctx.spec.env}`,
    location: ctx.region,
  }));
}

/**
 * The `resource_group_name` and `location` every resource in the group takes. The name is a reference,
 * so each resource is created after its group.
 */
export function placement(ctx: LoweringContext): { resource_group_name: Value; location: string } {
  return { resource_group_name: ctx.ref(resourceGroup(ctx), "name"), location: ctx.region };
}

import type { Component } from "../../../spec/types.ts";
import type { LoweringContext } from "../context.ts";

/**
 * Deletion protection for a resource: a CanNotDelete lock, under which Azure refuses to delete the
 * resource, its children or its resource group from anywhere (portal, CLI, another pipeline) until the
 * lock is removed. It depends on every other resource of the component, so it is created last and
 * removed first: plinth's own destroy lifts it before deleting what it protects.
 */
export function lockAgainstDeletion(ctx: LoweringContext, component: Component, resource: string): string {
  const others = ctx.addressesOf(component.name).filter((address) => address !== resource);
  return ctx.add(
    component,
    "azurerm_management_lock",
    ctx.localName(component),
    {
      name: "plinth-deletion-protection",
      scope: ctx.ref(resource, "id"),
      lock_level: "CanNotDelete",
      notes: `Deletion protection of ${component.type} ${component.name}, set by plinth. Remove the lock to delete it.`,
    },
    { dependsOn: others },
  );
}

import { referencesOf, type SpecValue } from "../../spec/expressions.ts";
import type { Component } from "../../spec/types.ts";
import type { LoweringContext } from "./context.ts";

export interface ReferencedResource<C extends Component> {
  component: C;
  /** The address of the component's resource of the requested type. */
  address: string;
}

/**
 * For each component of `componentType` that `from` refers to, once, in the order of first reference:
 * that component and its resource of `resourceType` (the secrets a VM's env names, with their Secret
 * Manager secrets; the databases it connects to, with their instances). Access is granted along them, so
 * a VM may use exactly what it is configured with. Referenced components are lowered first.
 */
export function referencedResources<T extends Component["type"]>(
  ctx: LoweringContext,
  from: Component,
  componentType: T,
  resourceType: string,
): Array<ReferencedResource<Extract<Component, { type: T }>>> {
  const names = new Set(referencesOf(from.props as Record<string, SpecValue>).map((ref) => ref.component));
  const found: Array<ReferencedResource<Extract<Component, { type: T }>>> = [];
  for (const name of names) {
    const address = ctx.addressesOf(name).find((a) => ctx.nodes.get(a)?.type === resourceType);
    if (address === undefined) continue;
    const component = ctx.component(name);
    if (component?.type === componentType)
      found.push({ component: component as Extract<Component, { type: T }>, address });
  }
  return found;
}

import type { ComponentType } from "./types.ts";

/**
 * Attributes other components may reference as `${name.attribute}`. Portable: lowering provides each of
 * them on every cloud. `native` components expose their resource type's own attributes instead.
 */
export const COMPONENT_ATTRIBUTES: Readonly<Record<Exclude<ComponentType, "native">, ReadonlyArray<string>>> =
  {
    network: ["id", "cidr"],
    bucket: ["id", "name", "url"],
    database: ["id", "host", "port", "endpoint"],
    vm: ["id", "privateIp"],
    queue: ["id", "name", "url"],
    secret: ["id", "name"],
  };

import type { ResourceNode } from "../model/graph.ts";
import { isPlainObject, type Value } from "../model/value.ts";

/**
 * How one Terraform (azurerm) type renders as an Azure Resource Manager resource: data and pure
 * functions read by src/codegen/arm, which writes both ARM JSON and Bicep from them.
 */
export interface ArmMapping {
  /** `Microsoft.Network/virtualNetworks`; for a type merged into another, that one's. */
  type: string;
  apiVersion: string;
  /**
   * A child resource: the argument referring to its parent (by `id` or `name`), and any resource
   * between them that plinth declares too (a container's parent is its account's `blobServices/default`).
   */
  parent?: { argument: string; via?: string };
  /** A split Terraform resource (an NSG association): the argument referring to the resource it configures. */
  mergeInto?: string;
  /** An extension resource (a lock, a role assignment): the argument referring to the resource it applies to. */
  scope?: string;
  /** The resource's name where it is not its `name` argument (a management policy is always `default`). */
  name?: (args: ArmArguments, node: ResourceNode) => ArmInput;
  /**
   * The resource's body from the node's arguments, read through `args` so that every argument the
   * mapping does not read is refused by name rather than dropped. `name`, `location`, `tags` and
   * `resource_group_name` are handled for every type.
   */
  body: (args: ArmArguments, node: ResourceNode) => ArmBody;
  /** Terraform attribute → how ARM reads it: the resource's ID or name, or a runtime property. */
  attributes: Readonly<Record<string, ArmAttribute>>;
  /** Child resources ARM needs where Terraform has arguments (a storage account's blob service). */
  companions?: (args: ArmArguments, node: ResourceNode) => ArmCompanion[];
}

/** Graph values, plus calls of ARM template functions where a value has no graph form. */
export type ArmInput = Value | ArmCall | ArmInput[] | { [key: string]: ArmInput };

/** `guid(…)`, `subscriptionResourceId(…)`: an ARM template function (Bicep has the same ones). */
export class ArmCall {
  readonly fn: string;
  readonly args: ReadonlyArray<ArmInput>;
  constructor(fn: string, args: ReadonlyArray<ArmInput>) {
    this.fn = fn;
    this.args = args;
  }
}

export interface ArmBody {
  sku?: Record<string, ArmInput>;
  kind?: ArmInput;
  identity?: Record<string, ArmInput>;
  zones?: ArmInput[];
  /** Where a type differs from its resource group's (`global` for private DNS zones). */
  location?: string;
  properties: Record<string, ArmInput>;
}

export interface ArmCompanion {
  /** The child's type segment and name: `blobServices` / `default`. */
  type: string;
  name: string;
  apiVersion: string;
  location?: string;
  properties: Record<string, ArmInput>;
}

/**
 * `id`; `name`; a path inside the deployed resource's properties (`primaryEndpoints.blob`); or one
 * outside them, in the resource's full representation (`identity.principalId`).
 */
export type ArmAttribute = { id: true } | { name: true } | { reference: string } | { full: string };

export const ID: ArmAttribute = { id: true };
export const NAME: ArmAttribute = { name: true };
export const reference = (path: string): ArmAttribute => ({ reference: path });

/** Reads a node's arguments, remembering which were read. */
export interface ArmArguments {
  get(name: string): Value | undefined;
  /** The first (only) object of a block list, or an empty object. */
  block(name: string): Record<string, Value>;
}

/** `Enabled` / `Disabled`, as ARM spells most switches. */
export function enabled(value: Value | undefined): Value | undefined {
  return typeof value === "boolean" ? (value ? "Enabled" : "Disabled") : value;
}

/** The properties object without its undefined entries. */
export function defined(values: Record<string, ArmInput | undefined>): Record<string, ArmInput> {
  const out: Record<string, ArmInput> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

export function firstBlock(value: Value | undefined): Record<string, Value> {
  const first = Array.isArray(value) ? value[0] : value;
  return isPlainObject(first) ? first : {};
}

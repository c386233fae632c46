import type { ResourceNode } from "../model/graph.ts";
import {
  Encoded,
  isPlainObject,
  Ref,
  Template,
  Unknown,
  type Value,
  type ValueObject,
  VarRef,
} from "../model/value.ts";

/** A value not known before apply: a reference, a template with references, an input, an unknown. */
export type Unresolved = Ref | Template | VarRef | Unknown;

export function isUnresolved(value: Value | undefined): value is Unresolved {
  return (
    value instanceof Ref || value instanceof Template || value instanceof VarRef || value instanceof Unknown
  );
}

/** Why a value is not known, for messages: `var.x`, the unknown's reason, the reference. */
export function describeUnresolved(value: Unresolved): string {
  if (value instanceof Unknown) return value.reason;
  if (value instanceof VarRef) return `it comes from input \`${value.name}\``;
  if (value instanceof Ref) return `it is \`${value.toString()}\`, known only after apply`;
  return "it is built from values known only after apply";
}

/**
 * Read access to one resource's arguments in Terraform's shape. Paths are dotted (`a.b.c`); a nested
 * block, whether stored as a list of objects or as one object, is entered at its first element unless
 * an index is given (`ingress[1].from_port` or `ingress.1.from_port`). Reading stops at the first
 * unresolved value and returns it, so a rule sees that it cannot decide.
 */
export class ResourceView {
  readonly node: ResourceNode;
  constructor(node: ResourceNode) {
    this.node = node;
  }

  get address(): string {
    return this.node.address;
  }

  get type(): string {
    return this.node.type;
  }

  get(path: string): Value | undefined {
    return valueAt(this.node.properties, path);
  }

  /** The objects of a nested block (all instances); an unresolved block is returned as is. */
  blocks(path: string): ValueObject[] | Unresolved {
    return blocksOf(this.get(path));
  }
}

export function valueAt(root: Value | undefined, path: string): Value | undefined {
  let current: Value | undefined = root;
  for (const segment of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (segment === "") continue;
    if (current === undefined || current === null) return undefined;
    if (isUnresolved(current)) return current;
    if (current instanceof Encoded) current = current.value;
    const index = /^\d+$/.test(segment) ? Number(segment) : undefined;
    if (Array.isArray(current)) {
      if (index !== undefined) {
        current = current[index];
        continue;
      }
      current = current[0];
      if (isUnresolved(current)) return current;
    }
    if (!isPlainObject(current)) return undefined;
    current = Object.hasOwn(current, segment) ? current[segment] : undefined;
  }
  return current;
}

/** A block value as a list of objects: `[{…}]` and `{…}` alike; absent is `[]`. */
export function blocksOf(value: Value | undefined): ValueObject[] | Unresolved {
  if (value === undefined || value === null) return [];
  if (isUnresolved(value)) return value;
  if (Array.isArray(value)) return value.filter((v): v is ValueObject => isPlainObject(v));
  return isPlainObject(value) ? [value] : [];
}

/** A list argument's items; a single value counts as a list of one. */
export function listOf(value: Value | undefined): Value[] | Unresolved {
  if (value === undefined || value === null) return [];
  if (isUnresolved(value)) return value;
  return Array.isArray(value) ? value : [value];
}

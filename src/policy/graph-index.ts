import type { ResourceGraph, ResourceNode } from "../model/graph.ts";
import { Ref, Template, type Value } from "../model/value.ts";
import { isUnresolved, valueAt } from "./resource-view.ts";

/** Resources attached to one resource through an argument, and those that might be. */
export interface Attachments {
  nodes: ResourceNode[];
  /** Resources of the type whose argument is not known statically: they may point at the target. */
  undecided: ResourceNode[];
}

interface AttachmentTable {
  byAddress: Map<string, ResourceNode[]>;
  byLiteral: Map<string, ResourceNode[]>;
  undecided: ResourceNode[];
}

/**
 * A graph indexed for rules: resources by type, by address, and by what they attach to (a versioning
 * resource's `bucket`, a flow log's `vpc_id`). Built once per graph; the attachment tables are built
 * on first use, so 5,000 resources cost one pass per (type, argument) a rule asks about.
 */
export class GraphIndex {
  readonly graph: ResourceGraph;
  readonly #byType = new Map<string, ResourceNode[]>();
  readonly #byAddress = new Map<string, ResourceNode>();
  readonly #tables = new Map<string, AttachmentTable>();

  constructor(graph: ResourceGraph) {
    this.graph = graph;
    for (const node of graph.nodes) {
      this.#byAddress.set(node.address, node);
      const list = this.#byType.get(node.type);
      if (list) list.push(node);
      else this.#byType.set(node.type, [node]);
    }
  }

  ofType(type: string): ResourceNode[] {
    return this.#byType.get(type) ?? [];
  }

  get(address: string): ResourceNode | undefined {
    return this.#byAddress.get(address);
  }

  /**
   * Resources of `types` whose `attribute` names `target`: by reference (`aws_s3_bucket.b.id`, any
   * attribute of it) or by the literal value of one of the target's `keys` (its bucket name, its id).
   */
  attachments(target: ResourceNode, types: string[], attribute: string, keys: string[] = []): Attachments {
    const nodes: ResourceNode[] = [];
    const undecided: ResourceNode[] = [];
    const literals = new Set<string>();
    let targetNameUnknown = false;
    for (const key of keys) {
      const value = target.properties[key];
      if (typeof value === "string") literals.add(value);
      else if (isUnresolved(value)) targetNameUnknown = true;
    }
    for (const type of types) {
      const table = this.#table(type, attribute);
      nodes.push(...(table.byAddress.get(target.address) ?? []));
      for (const literal of literals) nodes.push(...(table.byLiteral.get(literal) ?? []));
      undecided.push(...table.undecided);
      // A literal name we cannot compare with an unknown target name might be this one.
      if (targetNameUnknown) for (const list of table.byLiteral.values()) undecided.push(...list);
    }
    return { nodes: [...new Set(nodes)], undecided: undecided.filter((n) => !nodes.includes(n)) };
  }

  #table(type: string, attribute: string): AttachmentTable {
    const key = `${type}\u0000${attribute}`;
    let table = this.#tables.get(key);
    if (table) return table;
    table = { byAddress: new Map(), byLiteral: new Map(), undecided: [] };
    for (const node of this.ofType(type)) {
      const values = valueAt(node.properties, attribute);
      for (const value of Array.isArray(values) ? values : [values]) addTo(table, node, value);
    }
    this.#tables.set(key, table);
    return table;
  }
}

function addTo(table: AttachmentTable, node: ResourceNode, value: Value | undefined): void {
  const refs =
    value instanceof Ref
      ? [value]
      : value instanceof Template
        ? value.parts.filter((p): p is Ref => p instanceof Ref)
        : [];
  if (refs.length > 0) {
    for (const ref of refs) push(table.byAddress, ref.address, node);
  } else if (typeof value === "string") {
    push(table.byLiteral, value, node);
  } else if (isUnresolved(value)) {
    table.undecided.push(node);
  }
}

function push(map: Map<string, ResourceNode[]>, key: string, node: ResourceNode): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}

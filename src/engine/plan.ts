import { InputError } from "../errors.ts";
import { dependencyOrder, type ResourceGraph, type ResourceNode } from "../model/graph.ts";
import {
  type AttributePath,
  decodeValue,
  encodeValue,
  formatPath,
  type Json,
  type JsonObject,
  type Ref,
  type Value,
  type ValueObject,
} from "../model/value.ts";
import { canonicalJson, stableHash } from "../state/stable-hash.ts";
import type { ChangeCounts, ResourceState } from "../state/types.ts";
import type { WorkingState } from "../state/working-state.ts";
import { UnresolvedValueError, UnsupportedResourceTypeError } from "./errors.ts";
import { mapWithLimit } from "./map-with-limit.ts";
import type { Action, AttributeChange, Plan, PlannedChange, PlannedNode } from "./plan-types.ts";
import { isSensitiveMarker, redact } from "./redact.ts";
import { describeRef, isKnown, resolveValue, type ValueSource, valueAt } from "./resolve-values.ts";
import type { HandlerRegistry, ResourceHandler } from "./resource-handler.ts";

export interface PlanInput {
  graph: ResourceGraph;
  working: WorkingState;
  handlers: HandlerRegistry;
  /** `destroy` plans the deletion of everything in state. */
  command?: "apply" | "destroy";
  /** Read every resource in state from the cloud first, so drift and deleted resources show. */
  refresh?: boolean;
  /** Values of the graph's inputs; secret ones only ever appear hashed in the plan. */
  variables?: Readonly<Record<string, string>>;
  parallelism?: number;
  now?: () => Date;
}

/**
 * The changes that turn the environment's state into the desired graph: create, update in place,
 * replace (a force-new property changed), delete, or nothing, with attribute diffs. Read-only: with
 * `refresh` it reads the cloud, otherwise it calls nothing.
 */
export async function createPlan(input: PlanInput): Promise<Plan> {
  const command = input.command ?? "apply";
  const graph: ResourceGraph =
    command === "destroy" ? { ...input.graph, nodes: [], outputs: [] } : input.graph;
  const handlers = input.handlers;
  checkTypes(graph, handlers, input.working.resources);
  for (const node of graph.nodes) refuseLiteralSecrets(node);
  const resources = new Map(input.working.resources);
  const gone = new Set<string>();
  const drifted = new Set<string>();
  // Resources an interrupted apply was changing or deleting are read again; with --refresh, all are.
  const toRead = input.refresh
    ? [...resources.values()]
    : [...input.working.interrupted.keys()].flatMap((address) => resources.get(address) ?? []);
  await refresh(toRead, resources, handlers, input.parallelism ?? 10, gone, drifted);

  const changes: PlannedChange[] = [];
  const planned = new Map<string, { action: Action; resolved: ValueObject }>();
  const source: ValueSource = {
    attribute: (ref) => plannedAttribute(ref, planned, resources),
    variable: (name) => input.variables?.[name],
  };
  for (const node of dependencyOrder(graph)) {
    const handler = handlers.get(node.type) as ResourceHandler;
    const resolved = resolveValue(node.properties as ValueObject, source) as ValueObject;
    const after = redactedInputs(resolved, node.sensitive, handler, node.address);
    const state = resources.get(node.address);
    const change = diffNode(node.address, node.type, handler, state, after, resolved);
    if (!state && gone.has(node.address)) change.reason = "it no longer exists in the cloud";
    else if (!state && input.working.interrupted.has(node.address))
      change.reason = "an interrupted apply was creating it: it is looked for by its tags first";
    else if (drifted.has(node.address) && change.action !== "no-op") change.reason = "changed outside plinth";
    planned.set(node.address, { action: change.action, resolved });
    changes.push(change);
  }
  const inGraph = new Set(graph.nodes.map((n) => n.address));
  // Created by an interrupted apply, maybe, and no longer wanted: deleted if found by its tags.
  for (const intent of input.working.interrupted.values()) {
    if (inGraph.has(intent.address) || resources.has(intent.address) || !handlers.get(intent.type)?.find)
      continue;
    changes.push({
      address: intent.address,
      type: intent.type,
      action: "delete",
      reason: "an interrupted apply may have created it: deleted if found by its tags",
      before: intent.inputs,
      after: null,
      changes: [],
    });
  }
  for (const state of [...resources.values()].reverse()) {
    if (inGraph.has(state.address)) continue;
    changes.push({
      address: state.address,
      type: state.type,
      action: "delete",
      before: state.inputs,
      after: null,
      changes: [],
    });
  }
  const { nodes, outputs } = plannedGraph(graph);
  const plan: Omit<Plan, "hash"> = {
    formatVersion: 1,
    command,
    app: graph.app,
    env: graph.env,
    cloud: graph.cloud,
    region: graph.region,
    createdAt: (input.now ?? (() => new Date()))().toISOString(),
    baseVersion: input.working.version,
    baseHash: stateHash(input.working.resources),
    specHash: stableHash({ nodes, outputs }),
    nodes,
    outputs,
    changes,
    summary: countChanges(changes),
    interrupted: [...input.working.interrupted.keys()].sort(),
    gone: [...gone].sort(),
  };
  return { ...plan, hash: stableHash(plan) };
}

/** The desired graph as a plan holds it: nodes and outputs in JSON form. */
function plannedGraph(graph: ResourceGraph): Pick<Plan, "nodes" | "outputs"> {
  const nodes: PlannedNode[] = graph.nodes.map((n) => ({
    address: n.address,
    type: n.type,
    properties: encodeValue(n.properties as ValueObject) as JsonObject,
    dependsOn: n.dependsOn,
    sensitive: n.sensitive.map((p) => [...p]),
    ...(n.region ? { region: n.region } : {}),
  }));
  const outputs = graph.outputs.map((o) => ({
    name: o.name,
    value: encodeValue(o.value),
    ...(o.sensitive ? { sensitive: true } : {}),
  }));
  return { nodes, outputs };
}

/** The `specHash` an apply plan of `graph` records: a saved plan made from another spec differs. */
export function specHashOf(graph: ResourceGraph): string {
  return stableHash(plannedGraph(graph));
}

/** How many changes apply would make (interrupted and vanished resources included); 0: nothing to do. */
export function pendingChanges(plan: Plan): number {
  const counted = Object.values(plan.summary).reduce((a, b) => a + b, 0);
  return counted + plan.gone.length + (counted === 0 ? plan.interrupted.length : 0);
}

/** Terraform's one-line summary: `3 to add, 1 to change, 0 to destroy`. */
export function describeSummary(plan: Plan): string {
  const { create, update, replace, delete: destroy } = plan.summary;
  return `${create + replace} to add, ${update} to change, ${destroy + replace} to destroy`;
}

/** Identifies the resources a plan was made against: any change to them makes a saved plan stale. */
export function stateHash(resources: ReadonlyMap<string, ResourceState>): string {
  return stableHash([...resources.keys()].sort().map((k) => resources.get(k)));
}

export function countChanges(changes: ReadonlyArray<{ action: Action }>): ChangeCounts {
  const counts: ChangeCounts = { create: 0, update: 0, replace: 0, delete: 0 };
  for (const change of changes) if (change.action !== "no-op") counts[change.action]++;
  return counts;
}

/** Properties as state keeps them: JSON form with secrets hashed. */
export function redactedInputs(
  resolved: ValueObject,
  sensitive: ReadonlyArray<AttributePath>,
  handler: ResourceHandler,
  address: string,
): JsonObject {
  const paths = [...sensitive, ...(handler.sensitive ?? []).map((name) => [name])];
  return redact(encodeValue(resolved) as JsonObject, paths, address);
}

function diffNode(
  address: string,
  type: string,
  handler: ResourceHandler,
  state: ResourceState | undefined,
  after: JsonObject,
  resolved: ValueObject,
): PlannedChange {
  if (!state) {
    return {
      address,
      type,
      action: "create",
      before: null,
      after,
      changes: attributeChanges({}, after, resolved),
    };
  }
  const changes = attributeChanges(state.inputs, after, resolved).map((c) => ({
    ...c,
    ...(handler.forceNew.includes(c.name) || !handler.update ? { forcesReplacement: true } : {}),
  }));
  const replace = state.type !== type || changes.some((c) => c.forcesReplacement);
  const action: Action = replace ? "replace" : changes.length > 0 ? "update" : "no-op";
  return {
    address,
    type,
    action,
    before: state.inputs,
    after,
    changes,
    ...(replace
      ? { replaceOrder: handler.createBeforeDestroy ? "create-before-destroy" : "destroy-before-create" }
      : {}),
  };
}

function attributeChanges(before: JsonObject, after: JsonObject, resolved: ValueObject): AttributeChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: AttributeChange[] = [];
  for (const name of names) {
    const key = name.startsWith("$$") ? name.slice(1) : name;
    const unknown = Object.hasOwn(resolved, key) && !isKnown(resolved[key] as Value);
    if (!unknown && sameJson(before[name], after[name])) continue;
    const sensitive = isSensitiveMarker(before[name]) || isSensitiveMarker(after[name]);
    changes.push({
      name,
      ...(name in before ? { before: before[name] } : {}),
      ...(name in after ? { after: after[name] } : {}),
      ...(unknown ? { unknown: true } : {}),
      ...(sensitive ? { sensitive: true } : {}),
    });
  }
  return changes;
}

/** Whether two attribute values (undefined: absent) are equal as data, whatever their keys' order. */
function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  // Only one is absent, as every attribute of a create is: nothing to compare.
  if (a === undefined || b === undefined) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** The value of a referenced attribute as the plan knows it, or undefined until apply. */
function plannedAttribute(
  ref: Ref,
  planned: ReadonlyMap<string, { action: Action; resolved: ValueObject }>,
  resources: ReadonlyMap<string, ResourceState>,
): Value | undefined {
  const target = planned.get(ref.address);
  const state = resources.get(ref.address);
  if (!target || !state || target.action === "create" || target.action === "replace") return undefined;
  const [attribute, ...rest] = ref.path;
  if (typeof attribute !== "string") return undefined;
  if (target.action === "update" && Object.hasOwn(target.resolved, attribute)) {
    const next = target.resolved[attribute] as Value;
    return isKnown(next) ? valueAt(next, rest) : undefined;
  }
  return attributeOf(state, ref);
}

/** An attribute of an applied resource: its outputs first, then the inputs it was applied with. */
export function attributeOf(state: ResourceState, ref: Ref): Value | undefined {
  const [attribute, ...rest] = ref.path;
  const stored =
    typeof attribute !== "string"
      ? undefined
      : Object.hasOwn(state.outputs, attribute)
        ? state.outputs[attribute]
        : Object.hasOwn(state.inputs, escapeKey(attribute))
          ? state.inputs[escapeKey(attribute)]
          : undefined;
  if (stored === undefined) {
    throw new UnresolvedValueError(
      `${describeRef(ref)} refers to an attribute ${state.address} does not have.`,
      {
        hint: `Attributes of ${state.address}: ${[...new Set([...Object.keys(state.outputs), ...Object.keys(state.inputs)])].sort().join(", ")}.`,
      },
    );
  }
  if (isSensitiveMarker(stored)) return undefined;
  return valueAt(decodeValue(stored), rest);
}

/**
 * A plan carries the desired properties to apply; a secret among them would be in clear in the plan
 * file. Secrets must arrive as inputs (`VarRef`) or references, resolved only while applying.
 */
function refuseLiteralSecrets(node: ResourceNode): void {
  for (const path of node.sensitive) {
    const value = valueAt(node.properties as ValueObject, path);
    if (value === undefined || value === null || !isKnown(value)) continue;
    throw new InputError(
      `${node.address}${formatPath(path)} is secret but has a literal value; plinth will not put it in a plan.`,
      { location: node.source, hint: "Pass it as an input (a variable) or a reference to a secret store." },
    );
  }
}

function escapeKey(key: string): string {
  return key.startsWith("$") ? `$${key}` : key;
}

function checkTypes(
  graph: ResourceGraph,
  handlers: HandlerRegistry,
  resources: ReadonlyMap<string, ResourceState>,
): void {
  const types = [...graph.nodes.map((n) => n.type), ...[...resources.values()].map((r) => r.type)];
  const missing = [...new Set(types.filter((type) => !handlers.has(type)))].sort();
  if (missing.length === 0) return;
  const first = graph.nodes.find((n) => n.type === missing[0]);
  throw new UnsupportedResourceTypeError(
    `plinth cannot apply ${missing.map((t) => `\`${t}\``).join(", ")} yet: no ${graph.cloud} provider support for ${missing.length === 1 ? "this type" : "these types"}.`,
    {
      location: first?.source,
      hint: "docs/aws.md lists the types plinth applies; nothing was changed.",
    },
  );
}

/** Reads `states` from the cloud into `resources`: deleted ones are removed, drifted ones updated. */
async function refresh(
  states: ResourceState[],
  resources: Map<string, ResourceState>,
  handlers: HandlerRegistry,
  parallelism: number,
  gone: Set<string>,
  drifted: Set<string>,
): Promise<void> {
  await mapWithLimit(states, parallelism, async (state) => {
    const handler = handlers.get(state.type);
    if (!handler) return;
    const properties = decodeValue(state.inputs) as JsonObject;
    const live = await handler.read({
      address: state.address,
      id: state.id,
      outputs: state.outputs,
      properties,
      identity: {},
      token: "",
    });
    if (!live) {
      resources.delete(state.address);
      gone.add(state.address);
      return;
    }
    const liveInputs = redact(
      encodeValue((live.properties ?? {}) as ValueObject) as JsonObject,
      (handler.sensitive ?? []).map((n) => [n]),
      state.address,
    );
    // A live value for a property that was never set, and is empty, is not drift.
    const inputs = { ...state.inputs };
    for (const [name, value] of Object.entries(liveInputs))
      if (value !== null || Object.hasOwn(state.inputs, name)) inputs[name] = value;
    if (canonicalJson(inputs) !== canonicalJson(state.inputs)) drifted.add(state.address);
    resources.set(state.address, {
      ...state,
      id: live.id,
      inputs,
      outputs: { ...state.outputs, ...live.outputs },
    });
  });
}

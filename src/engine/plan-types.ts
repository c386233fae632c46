import type { Cloud } from "../model/graph.ts";
import type { Json, JsonObject } from "../model/value.ts";
import type { ChangeCounts } from "../state/types.ts";

export type Action = "create" | "update" | "replace" | "delete" | "no-op";

/** One top-level property that changes. Values are in JSON form; secrets are `{"$sensitive": …}`. */
export interface AttributeChange {
  name: string;
  before?: Json;
  after?: Json;
  /** The new value depends on resources not applied yet. */
  unknown?: boolean;
  sensitive?: boolean;
  forcesReplacement?: boolean;
}

export interface PlannedChange {
  address: string;
  type: string;
  action: Action;
  /** Why, when it is not plain: `gone from the cloud`, `changed outside plinth`, `interrupted apply`. */
  reason?: string;
  /** The applied properties (redacted), null for creates. */
  before: JsonObject | null;
  /** The desired properties (redacted), references not yet known left as `{"$ref": …}`; null for deletes. */
  after: JsonObject | null;
  changes: AttributeChange[];
  replaceOrder?: "create-before-destroy" | "destroy-before-create";
}

/** A node of the desired graph in JSON form (values via encodeValue). */
export interface PlannedNode {
  address: string;
  type: string;
  properties: JsonObject;
  dependsOn: string[];
  sensitive: Array<Array<string | number>>;
  region?: string;
}

/**
 * Everything apply needs, JSON-serialisable so a workflow can pass it between tasks and `--out` can save
 * it: the desired graph, the changes, and the state version (and its hash) it was made against.
 */
export interface Plan {
  formatVersion: 1;
  command: "apply" | "destroy";
  app: string;
  env: string;
  cloud: Cloud;
  region: string;
  createdAt: string;
  baseVersion: number;
  /** Hash of the resources at `baseVersion` plus any replayed journal: a saved plan is refused if it moved. */
  baseHash: string;
  specHash: string;
  nodes: PlannedNode[];
  outputs: Array<{ name: string; value: Json; sensitive?: boolean }>;
  changes: PlannedChange[];
  summary: ChangeCounts;
  /** Addresses whose interrupted creation may have left a resource to adopt. */
  interrupted: string[];
  /** Resources in state the cloud no longer has (read while planning): apply drops them from state. */
  gone: string[];
  /** Hash of everything above: a plan file that was edited is refused. */
  hash: string;
}

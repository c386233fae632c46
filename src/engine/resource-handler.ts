import type { JsonObject } from "../model/value.ts";

/** What the cloud says about a resource: its identifier and computed attributes. */
export interface Observed {
  id: string;
  /** Computed attributes by Terraform's names (`arn`, `address`, `url`); inputs need not repeat. */
  outputs: JsonObject;
  /**
   * Properties as they are live, for the keys the type can read back (refresh compares them with what
   * was applied to find drift). Omitted keys are assumed unchanged.
   */
  properties?: JsonObject;
}

export interface ResourceCall {
  address: string;
  /** Properties with every reference resolved (secrets in clear: never log or store them). */
  properties: JsonObject;
  /** `plinth:app`, `plinth:env`, `plinth:address`: how a resource is recognised after a crash. */
  identity: Record<string, string>;
  /** Stable for this resource in this apply: an idempotency token for APIs that take one. */
  token: string;
}

export interface ExistingCall extends ResourceCall {
  id: string;
  outputs: JsonObject;
}

export interface UpdateCall extends ExistingCall {
  previous: JsonObject;
  /** Top-level property names whose values differ. */
  changed: string[];
}

/**
 * How plinth creates, reads, updates and deletes one native resource type. Implementations live in
 * `src/catalog/<cloud>/<type>/crud.ts` with the cloud's clients bound; the engine sees only this.
 * Errors are PlinthErrors; those marked `retryable` (throttling, 5xx, eventual consistency) are retried.
 */
export interface ResourceHandler {
  readonly type: string;
  /** Top-level properties whose change replaces the resource (every property when `update` is absent). */
  readonly forceNew: ReadonlyArray<string>;
  /** Properties and outputs that hold secrets: hashed in state, `(sensitive)` in plans. */
  readonly sensitive?: ReadonlyArray<string>;
  /** Replacement creates the new resource before deleting the old (names must not clash). */
  readonly createBeforeDestroy?: boolean;
  /** False for types with no side effects outside plinth (plinth_null): no intent journaling needed. */
  readonly external: boolean;
  create(call: ResourceCall): Promise<Observed>;
  /** Undefined when the resource no longer exists. */
  read(call: ExistingCall): Promise<Observed | undefined>;
  update?(call: UpdateCall): Promise<Observed>;
  delete(call: ExistingCall): Promise<void>;
  /** Finds a resource created by an interrupted apply (by its identity tags or natural key). */
  find?(call: ResourceCall): Promise<Observed | undefined>;
}

/** Resource types by Terraform type name. */
export type HandlerRegistry = ReadonlyMap<string, ResourceHandler>;

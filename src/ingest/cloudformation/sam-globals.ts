import { isPlainObject, type Value, type ValueObject } from "../../model/value.ts";

/** The transform that turns `AWS::Serverless::*` resources into CloudFormation ones. */
export const SERVERLESS_TRANSFORM = "AWS::Serverless-2016-10-31";

/** Whether a template's `Transform` (one name or a list) is only the SAM transform plinth expands. */
export function expandsServerless(transform: unknown): boolean {
  const names = Array.isArray(transform) ? transform : [transform];
  return names.length > 0 && names.every((name) => name === SERVERLESS_TRANSFORM);
}

/** The `Globals` section that applies to each SAM resource type. */
const SECTION: ReadonlyMap<unknown, string> = new Map([
  ["AWS::Serverless::Function", "Function"],
  ["AWS::Serverless::Api", "Api"],
  ["AWS::Serverless::HttpApi", "HttpApi"],
  ["AWS::Serverless::SimpleTable", "SimpleTable"],
  ["AWS::Serverless::StateMachine", "StateMachine"],
  ["AWS::Serverless::LayerVersion", "LayerVersion"],
]);

/**
 * A SAM resource's properties with its type's `Globals` applied as the transform applies them: the
 * resource's own value wins, maps are merged key by key, lists are the global items then the
 * resource's. An intrinsic function (`{Ref: …}`) is a single value, never merged.
 */
export function withGlobals(type: unknown, properties: unknown, globals: unknown): unknown {
  const section = SECTION.get(type);
  const defaults =
    section && isPlainObject((globals ?? null) as Value) && Object.hasOwn(globals as ValueObject, section)
      ? (globals as ValueObject)[section]
      : undefined;
  if (!isPlainObject((defaults ?? null) as Value)) return properties;
  return merge(defaults as Value, (properties ?? {}) as Value);
}

function merge(global: Value | undefined, local: Value | undefined): Value {
  if (local === undefined) return global ?? null;
  if (Array.isArray(global) && Array.isArray(local)) return [...global, ...local];
  if (global !== undefined && isMap(global) && isMap(local)) {
    // Without a prototype, a `__proto__` key is a key like any other.
    const out: ValueObject = Object.create(null);
    for (const [key, value] of Object.entries(global)) out[key] = value;
    for (const [key, value] of Object.entries(local)) out[key] = merge(out[key], value);
    return { ...out };
  }
  return local;
}

function isMap(value: Value): value is ValueObject {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return !(keys.length === 1 && (keys[0] === "Ref" || keys[0]?.startsWith("Fn::")));
}

import { createHmac } from "node:crypto";
import type { AttributePath, Json, JsonObject } from "../model/value.ts";
import { canonicalJson } from "../state/stable-hash.ts";

/** How a secret appears in plans and state: a keyed hash, enough to see that it changed, never the value. */
export interface SensitiveMarker {
  $sensitive: string;
}

export function isSensitiveMarker(value: Json | undefined): value is JsonObject & SensitiveMarker {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value.$sensitive === "string" &&
    Object.keys(value).length === 1
  );
}

/**
 * `encoded` (JSON form, user `$` keys escaped, so the marker cannot be forged) with the value at each
 * sensitive path replaced by an HMAC keyed with the resource address: equal secrets of different
 * resources do not look equal, and the plan can still tell "changed" from "unchanged".
 */
export function redact(encoded: JsonObject, paths: ReadonlyArray<AttributePath>, key: string): JsonObject {
  let out = encoded;
  for (const path of paths) out = replaceAt(out, path, key) as JsonObject;
  return out;
}

function replaceAt(value: Json, path: AttributePath, key: string): Json {
  if (path.length === 0) {
    if (isSensitiveMarker(value) || value === null) return value;
    const digest = createHmac("sha256", key).update(canonicalJson(value)).digest("hex").slice(0, 32);
    return { $sensitive: `hmac-sha256:${digest}` };
  }
  const [step, ...rest] = path;
  if (typeof step === "number") {
    if (!Array.isArray(value) || value[step] === undefined) return value;
    const copy = [...value];
    copy[step] = replaceAt(value[step] as Json, rest, key);
    return copy;
  }
  const name = (step as string).startsWith("$") ? `$${step}` : (step as string);
  if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, name))
    return value;
  return { ...value, [name]: replaceAt(value[name] as Json, rest, key) };
}

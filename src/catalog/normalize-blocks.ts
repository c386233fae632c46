import { isPlainObject, type Value } from "../model/value.ts";
import type { SchemaBlock } from "./provider-schemas.ts";

/**
 * Puts hand-written properties in Terraform's canonical shape: a list or set block written as a single
 * mapping (as in HCL, `metadata_options { … }`) becomes a one-element list, recursively.
 */
export function normalizeBlocks(
  properties: Record<string, Value>,
  block: SchemaBlock,
): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, value] of Object.entries(properties)) {
    const nested = block.block_types?.[name];
    if (!nested) {
      out[name] = value;
      continue;
    }
    const single = nested.nesting_mode === "single" || nested.nesting_mode === "group";
    const items = Array.isArray(value) ? value : [value];
    const normalized = items.map((item) =>
      isPlainObject(item) ? normalizeBlocks(item, nested.block) : item,
    );
    out[name] = single && !Array.isArray(value) ? (normalized[0] as Value) : normalized;
  }
  return out;
}

import type { Block, Body } from "./hcl/syntax.ts";

/**
 * Merges the body of a block from an override file into the body of the block it overrides, as
 * Terraform does: each argument replaces the argument of the same name, and nested blocks of a type
 * (written directly or as `dynamic "type"`) replace all the original's blocks of that type, unmerged.
 * What comes from the override is marked with its `file`, so its values keep their own file:line.
 * `mergedByArgument` names nested blocks merged argument by argument instead (a resource's `lifecycle`).
 *
 * JSON syntax cannot tell an argument from nested blocks without the provider schema, so a name the
 * override sets in either form replaces the original's arguments and blocks of that name alike.
 */
export function mergeBody(
  base: Body,
  override: Body,
  file: string,
  mergedByArgument: ReadonlySet<string> = NO_NAMES,
): Body {
  const attributes = new Map(override.attributes.map((a) => [a.name, { ...a, file: a.file ?? file }]));
  const blocks = new Map<string, Block[]>();
  for (const block of override.blocks) {
    const key = blockKey(block);
    blocks.set(key, [...(blocks.get(key) ?? []), { ...block, file: block.file ?? file }]);
  }
  const replaced = new Set([...attributes.keys(), ...blocks.keys()]);
  const merged: Body = { attributes: [], blocks: [] };
  const placed = new Set<string>();
  const place = (name: string) => {
    if (placed.has(name)) return;
    placed.add(name);
    const attribute = attributes.get(name);
    if (attribute) merged.attributes.push(attribute);
    merged.blocks.push(...(blocks.get(name) ?? []));
  };
  for (const attribute of base.attributes) {
    if (replaced.has(attribute.name)) place(attribute.name);
    else merged.attributes.push(attribute);
  }
  for (const block of base.blocks) {
    const key = blockKey(block);
    const overriding = mergedByArgument.has(key) ? blocks.get(key)?.[0] : undefined;
    if (overriding && !placed.has(key)) {
      placed.add(key);
      merged.blocks.push({ ...block, body: mergeBody(block.body, overriding.body, file) });
    } else if (replaced.has(key)) place(key);
    else merged.blocks.push(block);
  }
  for (const name of replaced) place(name);
  return merged;
}

/** The type a nested block gives: its own, or for `dynamic "ingress"` the type it generates. */
function blockKey(block: Block): string {
  return block.type === "dynamic" ? (block.labels[0] ?? "dynamic") : block.type;
}

const NO_NAMES: ReadonlySet<string> = new Set();

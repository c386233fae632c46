import { pointerOf, type SourceMap } from "./source-map.ts";

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Merges an environment's overrides over a component, deterministically: mappings merge key by key,
 * lists and scalars replace, `null` removes. Locations of overridden values move to the override, so
 * errors point at the line that set them.
 */
export function mergeOverride(
  base: Mapping,
  patch: Mapping,
  sources: SourceMap,
  basePath: Array<string | number>,
  patchPath: Array<string | number>,
): Mapping {
  const merged: Mapping = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const from = [...patchPath, key];
    const to = [...basePath, key];
    if (value === null) {
      delete merged[key];
    } else if (isMapping(value) && isMapping(merged[key])) {
      merged[key] = mergeOverride(merged[key] as Mapping, value, sources, to, from);
    } else {
      merged[key] = structuredClone(value);
      sources.graft(pointerOf(from), pointerOf(to));
    }
  }
  return merged;
}

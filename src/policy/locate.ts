import type { SourceLocation } from "../errors.ts";
import type { ResourceNode } from "../model/graph.ts";

/** The line of the argument a verdict is about (or of its nearest enclosing block), else the resource's. */
export function locate(node: ResourceNode, attribute: string | undefined): SourceLocation | undefined {
  const sources = node.attributeSources;
  if (attribute && sources) {
    const byPath = new Map<string, SourceLocation>();
    for (const [key, location] of Object.entries(sources)) {
      const plain = stripIndexes(key);
      if (!byPath.has(plain)) byPath.set(plain, location);
    }
    const parts = stripIndexes(attribute).split(".");
    for (let n = parts.length; n > 0; n--) {
      const found = byPath.get(parts.slice(0, n).join("."));
      if (found) return found;
    }
  }
  return node.source;
}

function stripIndexes(path: string): string {
  return path
    .replace(/\[[^\]]*\]/g, "")
    .split(".")
    .filter((p) => p !== "" && !/^\d+$/.test(p))
    .join(".");
}

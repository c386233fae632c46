import type { Json } from "../../model/value.ts";

export interface Tag {
  Key: string;
  Value: string;
}

/** The `tags` property (a map) as AWS's list of Key/Value pairs. */
export function tagList(tags: Json | undefined): Tag[] {
  if (!tags || typeof tags !== "object" || Array.isArray(tags)) return [];
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value: String(Value) }));
}

/** A Key/Value list as a map; lists with other key names (`TagKey`) are converted by callers. */
export function tagMap(
  list: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined,
) {
  const map: Record<string, string> = {};
  for (const tag of list ?? []) if (tag.Key !== undefined) map[tag.Key] = tag.Value ?? "";
  return map;
}

/** Whether `tags` carry plinth's identity for the resource being looked for. */
export function hasIdentity(tags: Record<string, string>, identity: Record<string, string>): boolean {
  return Object.entries(identity).every(([k, v]) => tags[k] === v);
}

/** Tags to add or change and keys to remove, going from `before` to `after`. */
export function tagChanges(
  before: Json | undefined,
  after: Json | undefined,
): { set: Tag[]; remove: string[] } {
  const old = Object.fromEntries(tagList(before).map((t) => [t.Key, t.Value]));
  const next = tagList(after);
  return {
    set: next.filter((t) => old[t.Key] !== t.Value),
    remove: Object.keys(old).filter((k) => !next.some((t) => t.Key === k)),
  };
}

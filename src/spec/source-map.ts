import type { SourceLocation } from "../errors.ts";

/** Where each value (and each mapping key) of a parsed document came from, by JSON pointer. */
export class SourceMap {
  readonly file: string;
  #values = new Map<string, SourceLocation>();
  #keys = new Map<string, SourceLocation>();
  /** Whether the maps are shared with a clone: copied before the first change (copy on write). */
  #shared = false;

  constructor(file: string) {
    this.file = file;
  }

  setValue(pointer: string, location: SourceLocation): void {
    this.#own();
    this.#values.set(pointer, location);
  }

  setKey(pointer: string, location: SourceLocation): void {
    this.#own();
    this.#keys.set(pointer, location);
  }

  /** The value at `pointer`, or the nearest ancestor that has a location. */
  value(pointer: string): SourceLocation {
    return this.#nearest(pointer, this.#values);
  }

  /** The key that names `pointer` (better for "unknown property" errors), else its value. */
  key(pointer: string): SourceLocation {
    return this.#keys.get(pointer) ?? this.value(pointer);
  }

  /**
   * An independent copy. Every environment resolved clones the document's map, and most never change
   * it (only overrides do): the two share their maps until either is changed.
   */
  clone(): SourceMap {
    const copy = new SourceMap(this.file);
    copy.#values = this.#values;
    copy.#keys = this.#keys;
    copy.#shared = true;
    this.#shared = true;
    return copy;
  }

  /** Copies every location under `from` to the same relative place under `to` (used by overlays). */
  graft(from: string, to: string): void {
    this.#own();
    for (const map of [this.#values, this.#keys]) {
      for (const [pointer, location] of [...map]) {
        if (pointer === from || pointer.startsWith(`${from}/`))
          map.set(to + pointer.slice(from.length), location);
      }
    }
  }

  #own(): void {
    if (!this.#shared) return;
    this.#values = new Map(this.#values);
    this.#keys = new Map(this.#keys);
    this.#shared = false;
  }

  #nearest(pointer: string, map: Map<string, SourceLocation>): SourceLocation {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
      const found = map.get(p);
      if (found) return found;
      if (p === "") return { file: this.file, line: 1, col: 1 };
    }
  }
}

export function pointerOf(segments: ReadonlyArray<string | number>): string {
  let pointer = "";
  for (const segment of segments) pointer += `/${escapePointer(String(segment))}`;
  return pointer;
}

/** One segment of a JSON pointer: `~` and `/` escaped (RFC 6901); most keys need neither. */
export function escapePointer(segment: string): string {
  return segment.includes("~") || segment.includes("/")
    ? segment.replaceAll("~", "~0").replaceAll("/", "~1")
    : segment;
}

export function segmentsOf(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

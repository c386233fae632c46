import type { SourceLocation } from "../errors.ts";

/** Where each value (and each mapping key) of a parsed document came from, by JSON pointer. */
export class SourceMap {
  readonly file: string;
  #values = new Map<string, SourceLocation>();
  #keys = new Map<string, SourceLocation>();

  constructor(file: string) {
    this.file = file;
  }

  setValue(pointer: string, location: SourceLocation): void {
    this.#values.set(pointer, location);
  }

  setKey(pointer: string, location: SourceLocation): void {
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

  clone(): SourceMap {
    const copy = new SourceMap(this.file);
    copy.#values = new Map(this.#values);
    copy.#keys = new Map(this.#keys);
    return copy;
  }

  /** Copies every location under `from` to the same relative place under `to` (used by overlays). */
  graft(from: string, to: string): void {
    for (const map of [this.#values, this.#keys]) {
      for (const [pointer, location] of [...map]) {
        if (pointer === from || pointer.startsWith(`${from}/`))
          map.set(to + pointer.slice(from.length), location);
      }
    }
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
  return segments.map((s) => `/${String(s).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

export function segmentsOf(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

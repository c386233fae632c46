import { createHash } from "node:crypto";
import { parseSpec, type SpecDocument } from "./load-spec.ts";

/** How many parsed specs a process keeps: a deploy needs one or two, a scan a few. */
const KEPT = 8;

/**
 * Parsed specs by content. Parsing is pure and a large spec takes a while (YAML with positions and
 * the schema), so the steps of an embedded run share the document the CLI parsed instead of each
 * parsing the same text again. Documents are never changed after parsing; a text parsed under two
 * names keeps the first name in its messages.
 */
export class SpecDocuments {
  readonly #kept = new Map<string, SpecDocument>();

  parse(text: string, file: string): SpecDocument {
    const key = createHash("sha256").update(text).digest("hex");
    const kept = this.#kept.get(key);
    if (kept) return kept;
    const doc = parseSpec(text, file);
    this.#kept.set(key, doc);
    if (this.#kept.size > KEPT) this.#kept.delete(this.#kept.keys().next().value as string);
    return doc;
  }
}

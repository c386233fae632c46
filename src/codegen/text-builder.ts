/** Pieces joined into one flat string at a time: enough to amortize the join, few enough to die young. */
const PIECES_PER_CHUNK = 4096;

/**
 * Collects the text of a large file from hundreds of thousands of small pieces. Pieces are joined
 * into flat chunks as they come, so they die young: a string appended piece by piece (a rope) keeps
 * every piece alive until the end, and at 10,000 buckets the garbage collector spent more time copying
 * those than the writers spent writing.
 */
export class TextBuilder {
  readonly #chunks: string[] = [];
  #pieces: string[] = [];

  push(piece: string): void {
    this.#pieces.push(piece);
    if (this.#pieces.length === PIECES_PER_CHUNK) {
      this.#chunks.push(this.#pieces.join(""));
      this.#pieces = [];
    }
  }

  /** Everything pushed so far. */
  get text(): string {
    return this.#chunks.join("") + this.#pieces.join("");
  }
}

/**
 * Appends to one string. Writers of large files push hundreds of thousands of small pieces; V8 keeps
 * appended strings as a rope and copies them once, where `Array.join` over the pieces is measurably
 * slower and holds every piece alive until the end.
 */
export class TextBuilder {
  text = "";

  push(piece: string): void {
    this.text += piece;
  }
}

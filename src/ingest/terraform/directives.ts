import type { Directive } from "../../model/graph.ts";
import type { Block, Comment, HclFile } from "./hcl/syntax.ts";

const DIRECTIVE = /^plinth:/;

/**
 * The `plinth:` comments written inside a block or directly above it (a run of comment lines ending
 * on the line before the block), in file order. `# plinth:ignore X` and `// plinth:ignore X` and
 * `/* plinth:ignore X *\/` all count; the text is kept raw for the policy engine to parse.
 */
export function directivesFor(block: Block, hcl: HclFile): Directive[] {
  const found: Comment[] = [];
  const comments = hcl.comments;
  let expectedEnd = block.pos.line - 1;
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i] as Comment;
    if (comment.pos.line >= block.pos.line && comment.pos.line <= block.endLine) found.push(comment);
    else if (comment.endLine === expectedEnd) {
      found.push(comment);
      expectedEnd = comment.pos.line - 1;
    } else if (comment.endLine < expectedEnd) break;
  }
  return found
    .flatMap((comment) =>
      comment.text
        .split("\n")
        .map((line, offset) => ({
          text: line.replace(/^\s*\*?\s*/, "").trim(),
          line: comment.pos.line + offset,
          comment,
        }))
        .filter((l) => DIRECTIVE.test(l.text)),
    )
    .sort((a, b) => a.line - b.line)
    .map((l) => ({
      text: l.text,
      location: { file: hcl.file, line: l.line, col: l.line === l.comment.pos.line ? l.comment.pos.col : 1 },
    }));
}

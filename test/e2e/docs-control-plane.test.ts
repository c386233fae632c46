import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "../helpers/cli.ts";

const root = new URL("../../", import.meta.url);

/** The `npx plinth …` lines of the first sh block under a heading of a doc. */
function examples(doc: string, heading: string): string[][] {
  const text = readFileSync(new URL(doc, root), "utf8");
  const section = text.slice(text.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .filter((line) => line.startsWith("npx plinth "))
    .map((line) =>
      line
        .replace(/\s+#.*$/, "")
        .split(/\s+/)
        .slice(2),
    );
}

test("docs/control-plane.md: the Try it commands run as documented", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "plinth-docs-"));
  cpSync(new URL("examples", root), join(cwd, "examples"), { recursive: true });
  const commands = examples("docs/control-plane.md", "## Try it");
  assert.equal(commands.length, 3);
  let last = "";
  for (const args of commands) {
    const result = await runCli(args, { cwd });
    assert.equal(result.code, 0, `plinth ${args.join(" ")}: ${result.stderr}`);
    last = result.stdout;
  }
  const run = JSON.parse(last) as { status: string; output: { results: unknown[] } };
  assert.equal(run.status, "SUCCEEDED");
  assert.equal(run.output.results.length, 6, "the six environments of the three examples");
});

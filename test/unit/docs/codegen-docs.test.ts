// The `plinth generate` examples in README.md, docs/cli.md and docs/codegen.md run as written
// (in-process, from the checkout), with their /tmp directories moved to a fresh temporary one.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

for (const doc of ["README.md", "docs/cli.md", "docs/codegen.md"]) {
  test(`every plinth generate example in ${doc} runs`, async () => {
    const out = mkdtempSync(join(tmpdir(), "plinth-docs-"));
    const commands = [
      ...readFileSync(join(root, doc), "utf8").matchAll(/^npx plinth (generate [^#\n]*?)\s*(?:#.*)?$/gm),
    ].map((m) => (m[1] as string).replaceAll("/tmp/", `${out}/`).trim().split(/\s+/));
    assert.ok(commands.length >= 2, `found ${commands.length} examples`);
    for (const args of commands) {
      const result = await runCli(args, { cwd: root });
      assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
      if (args.includes("--json")) assertMatchesCliSchema("generate.schema.json", JSON.parse(result.stdout));
      const dir = args[args.indexOf("-o") + 1] as string;
      assert.ok(existsSync(join(dir, ".plinth-generated.json")), `${dir} was written`);
    }
  });
}

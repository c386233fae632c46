// The `plinth cost` examples in docs/cli.md run as written (in-process, from the checkout).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

test("every plinth cost example in docs/cli.md runs", async () => {
  const section = readFileSync(`${root}docs/cli.md`, "utf8").split("## plinth cost")[1] ?? "";
  const commands = [...section.matchAll(/^npx plinth (cost[^#>\n]*?)\s*(?:#.*|>.*)?$/gm)].map((m) =>
    (m[1] as string).trim().split(/\s+/),
  );
  assert.ok(commands.length >= 6, `found ${commands.length} examples`);
  for (const args of commands) {
    const result = await runCli(args, { cwd: root });
    // --check may find the budget exceeded (2); anything else must succeed.
    assert.ok(
      result.code === 0 || (result.code === 2 && args.includes("--check")),
      `${args.join(" ")}: ${result.stderr}`,
    );
    assert.ok(result.stdout.length > 0, args.join(" "));
    if (args.includes("--json")) assertMatchesCliSchema("cost.schema.json", JSON.parse(result.stdout));
    if (args.includes("--compare-to"))
      assert.match(result.stdout, /a month \(\$0\.00\/mo\)/, "the same version compares equal");
  }
});

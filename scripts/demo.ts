/**
 * `npm run demo`: plinth's main job on the bundled example, with no cloud account: validate
 * examples/shop for every environment, then show the resource graph it lowers to.
 */
import { fileURLToPath } from "node:url";
import { processIO } from "../src/cli/io.ts";
import { run } from "../src/cli/main.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const io = { ...processIO(), cwd: root };
const step = async (title: string, args: string[]) => {
  io.stdout(`\n$ plinth ${args.join(" ")}    # ${title}\n`);
  const code = await run(args, io);
  if (code !== 0) process.exit(code);
};

await step("check the spec for every environment", ["validate", "-f", "examples/shop/plinth.yaml"]);
await step("the resources dev lowers to, in apply order", [
  "graph",
  "-f",
  "examples/shop/plinth.yaml",
  "--env",
  "dev",
]);
io.stdout(
  "\nNext: `npx plinth graph -f examples/shop/plinth.yaml --format dot | dot -Tsvg > shop.svg`, or try\n" +
    "examples/gcp-notes and examples/azure-inventory. Docs: docs/spec.md and docs/cli.md.\n",
);

/**
 * `npm run demo`: plinth's main job on the bundled example, with no cloud account: validate
 * examples/shop for every environment, show the resource graph it lowers to, then plan it and deploy it
 * through the deploy workflow (embedded) to a local AWS endpoint: AWS_ENDPOINT_URL when it answers, otherwise a moto server the demo starts
 * (when moto is installed), otherwise an explanation of how to get one.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { processIO } from "../src/cli/io.ts";
import { run } from "../src/cli/main.ts";
import { motoInstalled, reachable, startMotoServer } from "./emulators/moto-server.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const io = { ...processIO(), cwd: root };
const step = async (title: string, args: string[], ok: number[] = [0]) => {
  io.stdout(`\n$ plinth ${args.join(" ")}    # ${title}\n`);
  const code = await run(args, io);
  if (!ok.includes(code)) process.exit(code);
};
const shop = ["-f", "examples/shop/plinth.yaml", "--env", "dev"];

await step("check the spec for every environment", ["validate", "-f", "examples/shop/plinth.yaml"]);
await step("the resources dev lowers to, in apply order", ["graph", ...shop]);

const given = process.env.AWS_ENDPOINT_URL;
let stop: (() => void) | undefined;
let state: string[] = [];
if (given && (await reachable(given))) {
  io.stdout(
    `\nApplying to the AWS endpoint in AWS_ENDPOINT_URL (${given}); state in examples/shop/.plinth.\n`,
  );
} else if (motoInstalled()) {
  const moto = await startMotoServer();
  stop = moto.stop;
  // A fresh emulator each run, so a fresh state too.
  state = ["--state", mkdtempSync(join(tmpdir(), "plinth-demo-"))];
  io.env = {
    ...io.env,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: "demo",
    AWS_SECRET_ACCESS_KEY: "demo",
    AWS_MAX_ATTEMPTS: "2",
  };
  io.stdout(`\nStarted the moto AWS emulator at ${moto.endpoint}; nothing reaches a real AWS account.\n`);
} else {
  io.stdout(
    "\nTo see plinth plan and apply this to a local AWS endpoint, install the moto emulator\n" +
      "(`pip install 'moto[server]'`) and run the demo again, or start one yourself and set\n" +
      "AWS_ENDPOINT_URL (for example `moto_server -p 5000` and AWS_ENDPOINT_URL=http://127.0.0.1:5000).\n",
  );
}
if (io.env.AWS_ENDPOINT_URL && (stop || given)) {
  try {
    await step(
      "what apply would change (exit 2: there are changes)",
      ["plan", ...shop, ...state, "--detailed-exitcode"],
      [0, 2],
    );
    await step(
      "the deploy workflow, embedded: policy and budget gates, plan, apply 46 resources 10 at a time, verify",
      ["apply", ...shop, ...state, "--auto-approve"],
    );
    await step("read every resource back from the cloud: nothing drifted", [
      "plan",
      ...shop,
      ...state,
      "--refresh",
    ]);
    await step("the environment's versions", ["history", ...shop, ...state]);
    await step("the workflow runs (each audited step by step in the state store)", [
      "workflow",
      "list",
      ...(state.length > 0 ? state : ["--state", "examples/shop/.plinth"]),
    ]);
  } finally {
    stop?.();
  }
}
io.stdout(
  "\nNext: `npx plinth graph -f examples/shop/plinth.yaml --format dot | dot -Tsvg > shop.svg`, or try\n" +
    "examples/gcp-notes and examples/azure-inventory. Docs: docs/spec.md, docs/cli.md and docs/state.md.\n",
);

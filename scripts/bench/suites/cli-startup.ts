import { fileURLToPath } from "node:url";
import { type BenchSuite, median, percentile, timeCommand } from "../measure.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** `plinth validate` on the shop example, as a fresh process each time (target: under 300 ms). */
export const cliStartup: BenchSuite = {
  title: "CLI start-up",
  run: () => {
    const rows = [];
    const node = process.execPath;
    const baseline = timeCommand(node, ["-e", "0"]);
    rows.push({ name: "node -e 0 (Node 24 itself)", ms: median(baseline), p95: percentile(baseline, 95) });
    for (const args of [
      ["--version"],
      ["validate", "-f", "examples/shop/plinth.yaml"],
      ["graph", "-f", "examples/shop/plinth.yaml", "--format", "dot"],
    ]) {
      const samples = timeCommand(node, [`${root}bin/plinth.js`, ...args], 15, 2, root);
      rows.push({
        name: `plinth ${args.join(" ")}`,
        ms: median(samples),
        p95: percentile(samples, 95),
        ...(args[0] === "validate"
          ? { note: `target < 300 ms: ${median(samples) < 300 ? "met" : "MISSED"}` }
          : {}),
      });
    }
    return rows;
  },
};

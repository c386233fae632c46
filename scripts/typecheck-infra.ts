/**
 * `npm run typecheck:infra`: type-checks sst.config.ts and stacks/ against SST's platform types,
 * installed offline from npm into .sst/ (about 300 MB, so not part of `npm ci`). Diagnostics inside
 * SST's own sources (which predate TypeScript 7's checks) are counted but not ours to fix; any in our
 * files fails the run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SST_VERSION = "4.17.1";
const root = fileURLToPath(new URL("..", import.meta.url));
const versionFile = `${root}.sst/platform/version`;

const installed =
  existsSync(`${root}.sst/platform/config.d.ts`) && existsSync(versionFile)
    ? readFileSync(versionFile, "utf8").trim()
    : undefined;
if (installed !== SST_VERSION) {
  console.log(`installing SST ${SST_VERSION} platform types into .sst/ (once)…`);
  execFileSync("npx", ["--yes", `sst@${SST_VERSION}`, "install"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      SST_STAGE: "typecheck",
      SST_SKIP_DEPENDENCY_CHECK: "1",
      SST_NO_BUN: "1",
      SST_TELEMETRY_DISABLED: "1",
    },
  });
}

const tsc = spawnSync(`${root}node_modules/.bin/tsc`, ["-p", "tsconfig.infra.json"], {
  cwd: root,
  encoding: "utf8",
});
const lines = `${tsc.stdout}${tsc.stderr}`.split("\n");
const ours = lines.filter(
  (line, i) =>
    /^(sst\.config\.ts|stacks\/)/.test(line) ||
    (i > 0 && /^\s/.test(line) && /^(sst\.config\.ts|stacks\/)/.test(lines[i - 1] ?? "")),
);
const theirs = lines.filter((line) => /^\.sst\//.test(line)).length;
if (ours.length > 0) {
  console.error(ours.join("\n"));
  process.exit(1);
}
console.log(
  `sst.config.ts and stacks/ type-check against SST ${SST_VERSION} (${theirs} diagnostics inside SST's own sources ignored).`,
);

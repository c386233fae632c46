#!/usr/bin/env node
// Entry point of `npx plinth`. plinth's sources are TypeScript run by Node 24's type stripping.
const [major] = process.versions.node.split(".").map(Number);
if (major < 24) {
  process.stderr.write(
    `error: plinth needs Node.js 24 or later; this is ${process.version}. Run it through npm (npx plinth, npm run …), which uses the node@24 dev dependency, or install Node 24.\n`,
  );
  process.exit(1);
}
// Caches compiled (and type-stripped) modules on disk: start-up drops by about half after the first run.
(await import("node:module")).enableCompileCache?.();
const { run } = await import("../src/cli/main.ts");
const { processIO } = await import("../src/cli/io.ts");
process.exitCode = await run(process.argv.slice(2), processIO());

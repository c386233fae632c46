/**
 * Precompiles the JSON Schemas that run on hot paths (CLI start-up, Lambda cold starts) into standalone
 * ESM validators, so no schema is compiled at run time. `npm run build:schemas` rewrites
 * schemas/generated/; a test fails when the committed output is stale.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { compileStandaloneValidators, PRECOMPILED_SCHEMAS } from "./schema-compiler.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const [file, source] of compileStandaloneValidators(root)) {
  mkdirSync(dirname(`${root}/${file}`), { recursive: true });
  writeFileSync(`${root}/${file}`, source);
  console.log(`wrote ${file}`);
}
console.log(`${PRECOMPILED_SCHEMAS.length} schemas precompiled`);

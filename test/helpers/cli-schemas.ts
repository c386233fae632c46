import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";

const ajv = new Ajv2020({ allErrors: true, strict: true });
const dir = new URL("../../schemas/cli/", import.meta.url);
// All of them, so one schema may refer to another (approve → workflow-run).
for (const file of readdirSync(dir).filter((f) => f.endsWith(".schema.json")))
  ajv.addSchema(JSON.parse(readFileSync(new URL(file, dir), "utf8")), file);

/** Asserts that a command's --json output matches its published schema in schemas/cli/. */
export function assertMatchesCliSchema(schemaFile: string, json: unknown): void {
  const validate = ajv.getSchema(schemaFile);
  assert.ok(validate, schemaFile);
  assert.ok(validate(json), `${schemaFile}: ${JSON.stringify(validate.errors, null, 2)}`);
}

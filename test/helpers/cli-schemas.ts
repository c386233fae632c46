import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";

const ajv = new Ajv2020({ allErrors: true, strict: true });

/** Asserts that a command's --json output matches its published schema in schemas/cli/. */
export function assertMatchesCliSchema(schemaFile: string, json: unknown): void {
  if (!ajv.getSchema(schemaFile)) {
    const schema = JSON.parse(
      readFileSync(new URL(`../../schemas/cli/${schemaFile}`, import.meta.url), "utf8"),
    );
    ajv.addSchema(schema, schemaFile);
  }
  const validate = ajv.getSchema(schemaFile);
  assert.ok(validate, schemaFile);
  assert.ok(validate(json), `${schemaFile}: ${JSON.stringify(validate.errors, null, 2)}`);
}

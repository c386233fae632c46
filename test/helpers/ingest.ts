import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { evaluate, type Scope } from "../../src/ingest/terraform/evaluate-expression.ts";
import { callFunction } from "../../src/ingest/terraform/functions/index.ts";
import { parseHcl } from "../../src/ingest/terraform/hcl/parse-hcl.ts";
import type { Expression } from "../../src/ingest/terraform/hcl/syntax.ts";
import type { ResourceGraph, ResourceNode } from "../../src/model/graph.ts";
import { encodeValue, Ref, type Value } from "../../src/model/value.ts";

/** Evaluates one HCL expression with `var.*` from `vars`; `aws_x.y` is a reference to that resource. */
export function evaluateHcl(expression: string, vars: Record<string, Value> = {}): Value {
  const attribute = parseHcl(`x = ${expression}\n`, "test.tf").body.attributes[0];
  if (!attribute) throw new Error("no expression");
  const scope: Scope = {
    file: "test.tf",
    resolve: (root, steps) => {
      const name = String(steps[0]?.key);
      if (root === "var")
        return Object.hasOwn(vars, name) ? { value: vars[name] as Value, used: 1 } : undefined;
      if (root.startsWith("aws_")) return { value: new Ref(`${root}.${name}`, []), used: 1 };
      return undefined;
    },
    call: (name, args) =>
      callFunction(name, args, {
        readFile: () => {
          throw new Error("no files in expression tests");
        },
        fileExists: () => false,
        renderTemplate: () => null,
      }),
  };
  return evaluate(attribute.expression as Expression, scope);
}

/** The JSON form of a value (references as `{$ref}`, unknowns as `{$unknown}`), for deepEqual. */
export const json = (value: Value) => encodeValue(value);

/** Writes `files` (relative path → text) into a fresh temporary directory and returns it. */
export function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "plinth-ingest-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export function nodeAt(graph: ResourceGraph | undefined, address: string): ResourceNode {
  const node = graph?.nodes.find((n) => n.address === address);
  if (!node)
    throw new Error(
      `no node ${address}; have ${graph?.nodes
        .slice(0, 20)
        .map((n) => n.address)
        .join(", ")}…`,
    );
  return node;
}

export const fixture = (path: string) => new URL(`../fixtures/ingest/${path}`, import.meta.url).pathname;

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import fc from "fast-check";
import { readSimpleYaml } from "../../../src/spec/read-simple-yaml.ts";
import { readFullYaml, readYaml } from "../../../src/spec/read-yaml.ts";
import { pointerOf } from "../../../src/spec/source-map.ts";
import { yamlText } from "../../helpers/yaml-texts.ts";

const root = new URL("../../../", import.meta.url);
const EXAMPLES = readdirSync(new URL("examples/", root)).map((name) =>
  readFileSync(new URL(`examples/${name}/plinth.yaml`, root), "utf8"),
);

/** Every path of a parsed value, the document itself first. */
function pathsOf(data: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const paths = [prefix];
  if (Array.isArray(data)) {
    for (const [i, item] of data.entries()) paths.push(...pathsOf(item, [...prefix, i]));
  } else if (data !== null && typeof data === "object")
    for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...prefix, key]));
  return paths;
}

/**
 * The fast path either leaves the text to the full reader or gives exactly its answer: the same data
 * (types, key order, -0) and the same position for every key and value. Returns which happened.
 */
function agreesWithFullReader(text: string): "fast" | "full" {
  const fast = readSimpleYaml(text, "plinth.yaml");
  if (!fast) return "full";
  let full: ReturnType<typeof readFullYaml>;
  try {
    full = readFullYaml(text, "plinth.yaml");
  } catch (error) {
    assert.fail(`the fast path read what the full reader refuses (${error}): ${JSON.stringify(text)}`);
  }
  assert.deepStrictEqual(fast.data, full.data, JSON.stringify(text));
  assert.equal(JSON.stringify(fast.data), JSON.stringify(full.data), "key order");
  for (const path of pathsOf(full.data)) {
    const pointer = pointerOf(path);
    assert.deepEqual(fast.sources.value(pointer), full.sources.value(pointer), `value ${pointer}`);
    assert.deepEqual(fast.sources.key(pointer), full.sources.key(pointer), `key ${pointer}`);
  }
  return "fast";
}

describe("the fast YAML path", () => {
  test("reads every example spec itself, exactly as the full reader does", () => {
    for (const text of EXAMPLES) assert.equal(agreesWithFullReader(text), "fast");
  });

  test("reads the bench's large specs itself", () => {
    const components = Array.from(
      { length: 2000 },
      (_, i) =>
        `  r${i}:\n    type: native\n    resource: plinth_null\n    properties: { index: ${i}, after: "\${r${i}.id}" }\n`,
    ).join("");
    const text = `apiVersion: plinth/v1\napp: bench\ncloud: aws\ncomponents:\n${components}`;
    assert.equal(agreesWithFullReader(text), "fast");
    assert.deepEqual(readYaml(text, "plinth.yaml").sources.value("/components/r1999/properties/index"), {
      file: "plinth.yaml",
      line: 4 + 4 * 2000,
      col: 26,
    });
  });

  test("agrees with the full reader on random block-style documents and near misses", () => {
    let fast = 0;
    fc.assert(
      fc.property(yamlText, (text) => {
        if (agreesWithFullReader(text) === "fast") fast++;
      }),
      { numRuns: 1500 },
    );
    // Most texts hold a near miss somewhere; enough must still take the fast path to test it.
    assert.ok(fast > 150, `only ${fast} of 1500 documents took the fast path`);
  });

  test("agrees with the full reader on examples with characters inserted and removed", () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 3 }),
      fc.constantFrom(..." \n:#-'\"{}[],&*!|>?%@`\\~/.0e${}\t\r\u00e9🚀".split(""), ": ", "- ", " #", "---"),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...EXAMPLES),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (base, edits) => {
          let text = base;
          for (const [at, remove, insert] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + remove);
          }
          agreesWithFullReader(text);
        },
      ),
      { numRuns: 1500 },
    );
  });

  test("leaves what it does not handle to the full reader", () => {
    for (const text of [
      "",
      "# only a comment\n",
      "--- \napp: shop\n",
      "%YAML 1.2\n---\napp: shop\n",
      "a: &x 1\nb: *x\n",
      "a: !Ref b\n",
      "a: |\n  text\n",
      "a: >\n  text\n",
      "a: multi\n  line\n",
      'a: "multi\n  line"\n',
      "a: { b: 1,\n  c: 2 }\n",
      "a: 1\r\nb: 2\r\n",
      "a:\t1\n",
      "a: 1\na: 2\n",
      "__proto__: 1\n",
      "1: one\n",
      "null: nothing\n",
      "a:\n",
      "a: b: c\n",
      "- - x\n",
      "\ufeffa: 1\n",
      "[a, b]\n",
      "plain\n",
    ]) {
      assert.equal(readSimpleYaml(text, "plinth.yaml"), undefined, JSON.stringify(text));
    }
  });
});

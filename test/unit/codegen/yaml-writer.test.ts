import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { TextBuilder } from "../../../src/codegen/text-builder.ts";
import {
  writeYaml,
  type YamlMap,
  YamlMappingWriter,
  YamlNode,
  YamlTagged,
  type YamlValue,
} from "../../../src/codegen/yaml-writer.ts";

/** Stands for another value when written, as CloudFormation's intrinsics do. */
class Alias extends YamlNode {
  readonly value: YamlValue;
  constructor(value: YamlValue) {
    super();
    this.value = value;
  }
  toYaml(): YamlValue {
    return this.value;
  }
}

/** The value with every Alias replaced by what it stands for. */
function unaliased(value: YamlValue): YamlValue {
  if (value instanceof Alias) return unaliased(value.value);
  if (value instanceof YamlTagged) return new YamlTagged(value.tag, unaliased(value.value));
  if (Array.isArray(value)) return value.map(unaliased);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unaliased(item)]));
  return value;
}

const scalar = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1.5, "", "yes", "a: b", "#x", "line\nbreak\n", "${x}", "ü"),
  fc.string(),
  fc.integer(),
);
const yamlValue: fc.Arbitrary<YamlValue> = fc.letrec<{ value: YamlValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string(), tie("value"), { maxKeys: 3 }),
    tie("value").map((inner) => new YamlTagged("!Sub", inner)),
    tie("value").map((inner) => new Alias(inner)),
  ),
})).value;

describe("writing YAML a piece at a time", () => {
  test("a mapping written entry by entry is the text writeYaml gives for it whole", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.dictionary(fc.string(), yamlValue)), (document) => {
        const out = new TextBuilder();
        const writer = new YamlMappingWriter(out);
        for (const [key, value] of Object.entries(document)) {
          // Map values through mapping(), the rest through entry(), as the template writers do.
          if (Object.keys(value).length % 2 === 0) writer.mapping(key, Object.entries(value));
          else writer.entry(key, value as YamlMap);
        }
        if (Object.keys(document).length > 0) assert.equal(out.text, writeYaml(document));
      }),
      { numRuns: 300 },
    );
  });

  test("a value that writes as another is written exactly as that value, wherever it stands", () => {
    fc.assert(
      fc.property(yamlValue, (value) => {
        assert.equal(writeYaml(value), writeYaml(unaliased(value)));
      }),
      { numRuns: 300 },
    );
    // And the difference is visible: an alias of a tagged reference is the tag, not a mapping.
    assert.equal(
      writeYaml({ Bucket: new Alias(new YamlTagged("!Ref", "Logs")), List: [new Alias("x")] }),
      "Bucket: !Ref Logs\nList:\n  - x\n",
    );
  });

  test("text built from many pieces is their concatenation, in order", () => {
    const out = new TextBuilder();
    let expected = "";
    for (let i = 0; i < 10_000; i++) {
      out.push(`${i},`);
      expected += `${i},`;
    }
    assert.equal(out.text, expected);
  });
});

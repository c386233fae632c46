import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { escapePointer, pointerOf, SourceMap, segmentsOf } from "../../../src/spec/source-map.ts";

const at = (line: number) => ({ file: "plinth.yaml", line, col: 1 });

describe("SourceMap", () => {
  test("a clone and its original change independently (they share maps only until a change)", () => {
    const original = new SourceMap("plinth.yaml");
    original.setValue("/components/db", at(3));
    original.setValue("/components/db/size", at(4));
    original.setKey("/components/db", at(2));

    const clone = original.clone();
    clone.graft("/components/db", "/environments/dev/overrides/db");
    clone.setValue("/components/web", at(9));
    assert.deepEqual(clone.value("/environments/dev/overrides/db/size"), at(4));
    assert.deepEqual(clone.key("/environments/dev/overrides/db"), at(2));
    assert.deepEqual(clone.value("/components/web"), at(9));
    // The original kept none of the clone's changes...
    assert.deepEqual(original.value("/environments/dev/overrides/db/size"), {
      file: "plinth.yaml",
      line: 1,
      col: 1,
    });
    assert.deepEqual(original.value("/components/web"), { file: "plinth.yaml", line: 1, col: 1 });

    // ...and a change to the original after cloning does not reach a clone.
    const second = original.clone();
    original.setValue("/components/db/size", at(40));
    original.setKey("/components/db", at(20));
    assert.deepEqual(second.value("/components/db/size"), at(4));
    assert.deepEqual(second.key("/components/db"), at(2));
    assert.deepEqual(original.value("/components/db/size"), at(40));
  });

  test("pointers escape `~` and `/` in segments and read back", () => {
    assert.equal(escapePointer("plain_key"), "plain_key");
    assert.equal(escapePointer("a/b~c"), "a~1b~0c");
    assert.equal(pointerOf(["components", "a/b~c", 0]), "/components/a~1b~0c/0");
    assert.deepEqual(segmentsOf(pointerOf(["x", "~1", "/"])), ["x", "~1", "/"]);
    assert.equal(pointerOf([]), "");
  });
});

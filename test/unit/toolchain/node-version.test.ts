import assert from "node:assert/strict";
import { test } from "node:test";

// `npm ci --ignore-scripts` skips the node@24 binary and silently tests on the machine's older Node.
test("tests run on Node 24, the Lambda runtime plinth targets", () => {
  assert.equal(process.versions.node.split(".")[0], "24", `running on ${process.version}`);
});

// Opt-in tests against a real OPA (`npm run test:live`); no OPA binary exists on the development
// machines or in npm, so `npm test` checks the Data API client against a local server that speaks
// OPA's documented API instead. Run `opa run --server` and set PLINTH_OPA_URL=http://127.0.0.1:8181;
// build the wasm bundle with `opa build -t wasm -e plinth/deny -o /tmp/bundle.tar.gz test/live/opa/`
// and set PLINTH_OPA_WASM=/tmp/bundle.tar.gz.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { evaluateWithOpaServer } from "../../src/policy/opa/opa-data-api.ts";
import { evaluateWithOpaWasm, readWasmBundle } from "../../src/policy/opa/opa-wasm.ts";
import { graphWith, tfNode } from "../helpers/policy-graphs.ts";

const rego = readFileSync(new URL("./opa/deny-untagged.rego", import.meta.url), "utf8");
const inputs = [
  {
    graph: graphWith([
      tfNode("aws_s3_bucket.tagged", { bucket: "a", tags: { owner: "team-a" } }),
      tfNode("aws_s3_bucket.untagged", { bucket: "b" }),
    ]),
  },
];

test("a real OPA server evaluates plinth's input through the Data API", {
  skip: !process.env.PLINTH_OPA_URL && "set PLINTH_OPA_URL (opa run --server)",
}, async () => {
  const url = process.env.PLINTH_OPA_URL as string;
  const put = await fetch(new URL("v1/policies/plinth-live-test", url.endsWith("/") ? url : `${url}/`), {
    method: "PUT",
    headers: { "content-type": "text/plain" },
    body: rego,
  });
  assert.ok(put.ok, `loading the policy: HTTP ${put.status}`);
  const findings = await evaluateWithOpaServer(inputs, { url, path: "plinth/deny" });
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.address, f.severity]),
    [["ACME-OWNER", "aws_s3_bucket.untagged", "high"]],
  );
});

test("an opa build -t wasm bundle is evaluated in-process", {
  skip: !process.env.PLINTH_OPA_WASM && "set PLINTH_OPA_WASM to a bundle built from test/live/opa/",
}, async () => {
  const file = process.env.PLINTH_OPA_WASM as string;
  const bundle = readWasmBundle(readFileSync(file), file);
  const findings = await evaluateWithOpaWasm(inputs, bundle, { display: file, entrypoint: "plinth/deny" });
  assert.deepEqual(
    findings.map((f) => f.address),
    ["aws_s3_bucket.untagged"],
  );
});

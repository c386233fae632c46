import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { evaluateWithOpaServer } from "../../../src/policy/opa/opa-data-api.ts";
import { evaluateWithOpaWasm, readWasmBundle, untar } from "../../../src/policy/opa/opa-wasm.ts";
import { graphWith, tfNode } from "../../helpers/policy-graphs.ts";

const inputs = [
  {
    graph: graphWith([
      tfNode("aws_s3_bucket.tagged", { bucket: "a", tags: { owner: "team-a" } }),
      tfNode("aws_s3_bucket.untagged", { bucket: "b" }, { source: { file: "s3.tf", line: 7, col: 1 } }),
    ]),
  },
];

interface Input {
  resources: Array<{ address: string; type: string; properties: { tags?: Record<string, string> } }>;
}

/**
 * There is no OPA binary on this machine or in npm, so this is a local HTTP server that speaks OPA's
 * documented Data API (POST /v1/data/<path> with {"input"} → {"result"}), evaluating in JavaScript what
 * this Rego would: `deny contains {"address": r.address, "msg": …} if { some r in input.resources; not r.properties.tags.owner }`.
 */
function opaDataApiServer(behaviour: { failFirst?: number; status?: number; body?: string } = {}) {
  const seen: Array<{ path: string; body: { input: Input }; auth: string | undefined }> = [];
  let failures = behaviour.failFirst ?? 0;
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    let text = "";
    for await (const chunk of request) text += chunk;
    seen.push({ path: request.url ?? "", body: JSON.parse(text), auth: request.headers.authorization });
    if (failures-- > 0) return response.writeHead(503).end('{"code":"unavailable"}');
    if (behaviour.status)
      return response
        .writeHead(behaviour.status, { "content-type": "application/json" })
        .end(behaviour.body ?? "{}");
    if (request.method !== "POST" || request.url !== "/v1/data/plinth/deny")
      return response.writeHead(200).end("{}");
    const { input } = JSON.parse(text) as { input: Input };
    const result = input.resources
      .filter((r) => r.type === "aws_s3_bucket" && !r.properties.tags?.owner)
      .map((r) => ({
        address: r.address,
        msg: "buckets need an owner tag",
        id: "ACME-OWNER",
        severity: "high",
      }));
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ result }));
  });
  return { server, seen };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const noSleep = async () => {};

describe("OPA Data API (against a local server speaking OPA's documented Data API)", () => {
  const opa = opaDataApiServer();
  let url = "";
  before(async () => {
    url = await listen(opa.server);
  });
  after(() => opa.server.close());

  test("sends every resource as input and turns the rule's result into failed findings", async () => {
    const findings = await evaluateWithOpaServer(inputs, {
      url,
      path: "plinth/deny",
      token: "s3cret",
      sleep: noSleep,
    });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.address, f.status, f.severity, f.file, f.line, f.message]),
      [["ACME-OWNER", "aws_s3_bucket.untagged", "fail", "high", "s3.tf", 7, "buckets need an owner tag"]],
    );
    const request = opa.seen.at(-1);
    assert.equal(request?.auth, "Bearer s3cret");
    assert.deepEqual(
      request?.body.input.resources.map((r) => r.address),
      ["aws_s3_bucket.tagged", "aws_s3_bucket.untagged"],
    );
  });

  test("accepts data.plinth.deny as the query", async () => {
    const findings = await evaluateWithOpaServer(inputs, { url, path: "data.plinth.deny", sleep: noSleep });
    assert.equal(findings.length, 1);
  });

  test("a rule that does not exist is an error that says what to check", async () => {
    await assert.rejects(evaluateWithOpaServer(inputs, { url, path: "plinth/nothing", sleep: noSleep }), {
      name: "OpaError",
      message: `OPA at ${url} has no document at data.plinth.nothing.`,
    });
  });

  test("a query path that is not a data path is refused before any request", async () => {
    const before = opa.seen.length;
    await assert.rejects(
      evaluateWithOpaServer(inputs, { url, path: "../../v1/policies", sleep: noSleep }),
      /not a data path/,
    );
    assert.equal(opa.seen.length, before);
  });
});

describe("OPA Data API failures", () => {
  test("transient answers (503) are retried, then succeed", async () => {
    const opa = opaDataApiServer({ failFirst: 2 });
    const url = await listen(opa.server);
    try {
      const waits: number[] = [];
      const findings = await evaluateWithOpaServer(inputs, {
        url,
        path: "plinth/deny",
        sleep: async (ms) => void waits.push(ms),
      });
      assert.equal(findings.length, 1);
      assert.deepEqual(waits, [200, 400]);
    } finally {
      opa.server.close();
    }
  });

  test("a refused token is not retried and says what to check", async () => {
    const opa = opaDataApiServer({ status: 401 });
    const url = await listen(opa.server);
    try {
      await assert.rejects(
        evaluateWithOpaServer(inputs, { url, path: "plinth/deny", sleep: noSleep }),
        (error: Error & { hint?: string }) =>
          error.name === "OpaError" &&
          /refused the request \(HTTP 401\)/.test(error.message) &&
          /PLINTH_OPA_TOKEN/.test(error.hint ?? ""),
      );
      assert.equal(opa.seen.length, 1);
    } finally {
      opa.server.close();
    }
  });

  test("a policy error (HTTP 500 with OPA's message) is reported, not retried", async () => {
    const opa = opaDataApiServer({
      status: 500,
      body: '{"code":"internal_error","message":"eval_conflict_error: functions must not produce multiple outputs"}',
    });
    const url = await listen(opa.server);
    try {
      await assert.rejects(
        evaluateWithOpaServer(inputs, { url, path: "plinth/deny", sleep: noSleep }),
        /eval_conflict_error/,
      );
      assert.equal(opa.seen.length, 1);
    } finally {
      opa.server.close();
    }
  });

  test("an answer that is not JSON is an error", async () => {
    const opa = opaDataApiServer({ status: 200, body: "<html>proxy</html>" });
    const url = await listen(opa.server);
    try {
      await assert.rejects(
        evaluateWithOpaServer(inputs, { url, path: "plinth/deny", sleep: noSleep }),
        /not a JSON object/,
      );
    } finally {
      opa.server.close();
    }
  });

  test("nobody listening: retried, then one clear sentence", async () => {
    const server = createServer();
    const url = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    const waits: number[] = [];
    await assert.rejects(
      evaluateWithOpaServer(inputs, { url, path: "plinth/deny", sleep: async (ms) => void waits.push(ms) }),
      (error: Error & { retryable?: boolean }) =>
        error.name === "OpaUnavailableError" &&
        error.retryable === true &&
        /could not be reached/.test(error.message),
    );
    assert.equal(waits.length, 2);
  });

  test("only http(s) URLs", async () => {
    await assert.rejects(
      evaluateWithOpaServer(inputs, { url: "file:///etc/passwd", path: "plinth/deny" }),
      /must be an http\(s\) URL/,
    );
  });
});

/** A ustar archive of the given files, as `opa build` writes bundle.tar.gz. */
function tarOf(files: Record<string, Uint8Array | string>): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
    const header = new Uint8Array(512);
    const put = (text: string, offset: number) => header.set(new TextEncoder().encode(text), offset);
    put(name, 0);
    put("0000644\0", 100);
    put(`${data.length.toString(8).padStart(11, "0")}\0`, 124);
    put("0", 156);
    put("ustar\0", 257);
    blocks.push(header, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  return Buffer.concat(blocks);
}

const WASM_HEADER = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);

describe("OPA wasm bundles (reading and loading; no OPA-compiled policy can be built on this machine)", () => {
  test("policy.wasm and data.json are read from bundle.tar.gz", () => {
    const bundle = readWasmBundle(
      gzipSync(tarOf({ "/data.json": '{"allowed":["eu-west-1"]}', "/policy.wasm": WASM_HEADER })),
      "bundle.tar.gz",
    );
    assert.deepEqual([...bundle.wasm], [...WASM_HEADER]);
    assert.deepEqual(bundle.data, { allowed: ["eu-west-1"] });
  });

  test("a bare .wasm is accepted as is", () => {
    assert.deepEqual(readWasmBundle(WASM_HEADER, "policy.wasm").data, {});
  });

  test("anything else is refused with what to do", () => {
    assert.throws(
      () => readWasmBundle(new TextEncoder().encode("package plinth"), "policy.rego"),
      /neither a \.wasm module nor a gzipped OPA bundle/,
    );
    assert.throws(
      () => readWasmBundle(gzipSync(tarOf({ "/data.json": "{}" })), "b.tar.gz"),
      /has no policy\.wasm/,
    );
    assert.throws(
      () =>
        readWasmBundle(gzipSync(tarOf({ "/policy.wasm": WASM_HEADER, "/data.json": "{nope" })), "b.tar.gz"),
      /data\.json is not valid JSON/,
    );
    assert.throws(
      () => untar(tarOf({ "/policy.wasm": WASM_HEADER }).subarray(0, 515)),
      /truncated or corrupt/,
    );
  });

  test("a wasm module that is not an OPA policy is refused, not run", async () => {
    await assert.rejects(
      evaluateWithOpaWasm(
        inputs,
        { wasm: WASM_HEADER, data: {} },
        { display: "policy.wasm", entrypoint: "plinth/deny" },
      ),
      {
        name: "InputError",
        message: /policy\.wasm could not be loaded as an OPA policy/,
      },
    );
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  dependencyOrder,
  findCycle,
  type ResourceGraph,
  type ResourceNode,
} from "../../../src/model/graph.ts";
import {
  decodeValue,
  Encoded,
  encodeValue,
  Ref,
  Template,
  Unknown,
  type Value,
  VarRef,
} from "../../../src/model/value.ts";

const node = (
  address: string,
  properties: Record<string, Value> = {},
  dependsOn: string[] = [],
): ResourceNode => ({
  address,
  type: address.split(".")[0] as string,
  name: address.split(".")[1] as string,
  properties,
  dependsOn,
  sensitive: [],
});
const graph = (nodes: ResourceNode[]): ResourceGraph => ({
  app: "a",
  env: "e",
  cloud: "aws",
  region: "us-east-1",
  nodes,
  variables: [],
  outputs: [],
});

describe("the resource graph", () => {
  test("dependency order puts every resource after what it references or depends on", () => {
    const order = dependencyOrder(
      graph([
        node("aws_instance.a", { subnet_id: new Ref("aws_subnet.b", ["id"]) }),
        node("aws_subnet.b", { vpc_id: new Template(["x-", new Ref("aws_vpc.c", ["id"])]) }),
        node("aws_vpc.c"),
        node("aws_s3_bucket.d", {}, ["aws_instance.a"]),
      ]),
    ).map((n) => n.address);
    assert.deepEqual(order, ["aws_vpc.c", "aws_subnet.b", "aws_instance.a", "aws_s3_bucket.d"]);
  });

  test("a 10,000-long chain is ordered without recursion limits", () => {
    const nodes = Array.from({ length: 10_000 }, (_, i) =>
      node(
        `plinth_null.n${String(i).padStart(5, "0")}`,
        i === 0 ? {} : { input: new Ref(`plinth_null.n${String(i - 1).padStart(5, "0")}`, ["id"]) },
      ),
    );
    const order = dependencyOrder(graph(nodes.reverse()));
    assert.equal(order[0]?.address, "plinth_null.n00000");
    assert.equal(order.at(-1)?.address, "plinth_null.n09999");
  });

  test("cycles are named in full", () => {
    assert.deepEqual(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
        ]),
      ),
      ["a", "b", "c", "a"],
    );
    assert.equal(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
      undefined,
    );
    assert.throws(
      () => dependencyOrder(graph([node("x.a", {}, ["x.b"]), node("x.b", {}, ["x.a"])])),
      /dependency cycle: x.a → x.b → x.a/,
    );
  });
});

describe("value encoding", () => {
  const leaf = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    // JSON has no -0; a state file cannot tell it from 0 either.
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.string(),
    fc
      .tuple(fc.string({ minLength: 1 }), fc.array(fc.oneof(fc.string(), fc.nat())))
      .map(([a, p]) => new Ref(a, p)),
    fc.string().map((n) => new VarRef(n)),
    fc.string().map((r) => new Unknown(r)),
  );
  const { value } = fc.letrec<{ value: Value }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(tie("value"), { maxLength: 3 }),
      // Keys like `$ref` and `$$ref` must survive: user data cannot forge or lose special values.
      fc.dictionary(
        fc.oneof(fc.string(), fc.constantFrom("$ref", "$$ref", "$template", "$var", "$")),
        tie("value"),
        {
          maxKeys: 3,
          noNullPrototype: true,
        },
      ),
      fc
        .array(
          fc.oneof(
            fc.string(),
            fc.string().map((n) => new VarRef(n)),
          ),
          { maxLength: 3 },
        )
        .map((parts) => new Template(parts)),
      tie("value").map((v) => new Encoded("json", v)),
    ),
  }));

  test("encode → JSON → decode gives back the same value", () => {
    fc.assert(
      fc.property(value, (v) => {
        const decoded = decodeValue(JSON.parse(JSON.stringify(encodeValue(v))));
        assert.deepEqual(encodeValue(decoded), encodeValue(v));
        assert.deepEqual(decoded, v);
      }),
      { numRuns: 500 },
    );
  });
});

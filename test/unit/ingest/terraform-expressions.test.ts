import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { LocatedEvaluationError } from "../../../src/ingest/terraform/evaluate-expression.ts";
import { FUNCTION_NAMES } from "../../../src/ingest/terraform/functions/index.ts";
import { Ref, Unknown } from "../../../src/model/value.ts";
import { evaluateHcl, json } from "../../helpers/ingest.ts";

const vars = {
  n: 3,
  s: "Hello",
  list: ["a", "b", "c"],
  map: { x: 1, y: 2 },
  objs: [
    { name: "a", size: 1 },
    { name: "b", size: 2 },
  ],
  nothing: null,
  unknown: new Unknown("the variable u has no value"),
};

// Every expression form, with the value Terraform gives it.
const EXPRESSIONS: Array<[string, unknown]> = [
  ["1 + 2 * 3", 7],
  ["(1 + 2) * 3", 9],
  ["10 / 4", 2.5],
  ["10 % 4", 2],
  ["-var.n", -3],
  ['"5" + 1', 6],
  ["1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4 == false", true],
  ['1 == 1 && 1 != 2 && "a" == "a" && 1 != "1"', true],
  ["!true || false", false],
  ['var.n > 2 ? "big" : "small"', "big"],
  ['"${var.s}, world"', "Hello, world"],
  ['"${var.n}"', 3],
  ['"n=${var.n + 1}"', "n=4"],
  ['"%{ if var.n > 2 }many%{ else }few%{ endif }"', "many"],
  ['"%{ for i, x in var.list }${i}${x} %{ endfor }"', "0a 1b 2c "],
  ['"a %{~ if true ~} b %{~ endif ~}"', "ab"],
  ['"$${literal} %%{literal}"', "${literal} %{literal}"],
  ["<<EOT\nline ${var.n}\nEOT", "line 3\n"],
  ["<<-EOT\n    indented\n      more\n    EOT", "indented\n  more\n"],
  ["[for x in var.list : upper(x)]", ["A", "B", "C"]],
  ['[for i, x in var.list : i if x != "b"]', [0, 2]],
  ["{for k, v in var.map : v => k}", { 1: "x", 2: "y" }],
  ["{for o in var.objs : o.name => o.size}", { a: 1, b: 2 }],
  ['{for x in ["a", "b", "a"] : x => x...}', { a: ["a", "a"], b: ["b"] }],
  ["var.objs[*].name", ["a", "b"]],
  ["var.objs.*.size", [1, 2]],
  ["var.nothing[*]", []],
  ["var.list[1]", "b"],
  ["var.list.0", "a"],
  ["var.map.x", 1],
  ['var.map["y"]', 2],
  ['{ a = 1, "b" = 2 }.b', 2],
  ["[1, 2, 3][2]", 3],
  ["null", null],
  ["aws_s3_bucket.b.id", { $ref: "aws_s3_bucket.b", $path: ["id"] }],
  [
    '"arn:${aws_s3_bucket.b.arn}/*"',
    { $template: ["arn:", { $ref: "aws_s3_bucket.b", $path: ["arn"] }, "/*"] },
  ],
  ["var.unknown", { $unknown: "the variable u has no value" }],
  ["var.unknown + 1", { $unknown: "the variable u has no value" }],
  ["var.unknown.attr", { $unknown: "the variable u has no value" }],
  ["false && var.unknown", false],
  ['aws_s3_bucket.b.id == "x"', { $unknown: "depends on aws_s3_bucket.b.id, known only after apply" }],
];

// Every function the brief names (and the common others), with expected values.
const FUNCTIONS: Array<[string, unknown]> = [
  ["length(var.list)", 3],
  ["length(var.map)", 2],
  ['length("héllo")', 5],
  ['lookup(var.map, "x")', 1],
  ['lookup(var.map, "z", 0)', 0],
  ["merge(var.map, { z = 3 }, { x = 9 })", { x: 9, y: 2, z: 3 }],
  ['concat(var.list, ["d"], [])', ["a", "b", "c", "d"]],
  ['contains(var.list, "b")', true],
  ['contains(var.list, "z")', false],
  ["keys({ b = 1, a = 2 })", ["a", "b"]],
  ["values({ b = 1, a = 2 })", [2, 1]],
  ['toset(["b", "a", "b"])', ["a", "b"]],
  ["tolist(var.list)", ["a", "b", "c"]],
  ["tomap(var.map)", { x: 1, y: 2 }],
  ['jsonencode({ b = [1, true, null], a = "<x>" })', '{"a":"\\u003cx\\u003e","b":[1,true,null]}'],
  ['jsondecode("{\\"a\\": [1, 2]}")', { a: [1, 2] }],
  ['format("%s-%03d-%.2f-%v-%q-%t", "a", 7, 3.14159, 5, "q", true)', 'a-007-3.14-5-"q"-true'],
  ['formatlist("%s=%d", ["a", "b"], [1, 2])', ["a=1", "b=2"]],
  ['join(",", var.list)', "a,b,c"],
  ['split(",", "a,b,,c")', ["a", "b", "", "c"]],
  ['lower("ABC")', "abc"],
  ['upper("abc")', "ABC"],
  ['title("hello world")', "Hello World"],
  ['replace("a-b-c", "-", "_")', "a_b_c"],
  ['replace("a1b22", "/[0-9]+/", "#")', "a#b#"],
  ['replace("hello", "/(l+)/", "<$1>")', "he<ll>o"],
  ['coalesce(null, "", "x")', "x"],
  ['coalescelist([], ["a"])', ["a"]],
  ['try(var.map.missing, "fallback")', "fallback"],
  ["try(var.map.x, 0)", 1],
  ["can(var.map.missing)", false],
  ["can(var.map.x)", true],
  ["element(var.list, 4)", "b"],
  ["flatten([[1, [2]], [], [3]])", [1, 2, 3]],
  ["distinct([1, 2, 1, 3])", [1, 2, 3]],
  ['cidrsubnet("10.0.0.0/16", 8, 2)', "10.0.2.0/24"],
  ['cidrsubnet("10.1.0.0/16", 4, 15)', "10.1.240.0/20"],
  ['cidrsubnet("fd00::/56", 8, 1)', "fd00:0:0:1::/64"],
  ['cidrhost("10.0.1.0/24", 5)', "10.0.1.5"],
  ['cidrhost("10.0.1.0/24", -2)', "10.0.1.254"],
  ['cidrnetmask("10.0.0.0/20")', "255.255.240.0"],
  ['cidrsubnets("10.0.0.0/16", 4, 4, 8)', ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/24"]],
  ["min(3, 1, 2)", 1],
  ["max(var.list[*] == [] ? 0 : 5, 2)", 5],
  ["abs(-4.5)", 4.5],
  ["ceil(1.2)", 2],
  ["floor(-1.2)", -2],
  ['tonumber("42")', 42],
  ["tostring(42)", "42"],
  ['tobool("true")', true],
  ["tostring(null)", null],
  ['substr("hello", 1, 3)', "ell"],
  ['trimspace("  x  ")', "x"],
  ['trimprefix("v1.2", "v")', "1.2"],
  ['trimsuffix("a.tf", ".tf")', "a"],
  ['startswith("terraform", "terra")', true],
  ['regex("^(\\\\w+)-(\\\\d+)$", "web-12")', ["web", "12"]],
  ['regexall("[0-9]", "a1b2")', ["1", "2"]],
  ["range(3)", [0, 1, 2]],
  ["range(1, 7, 2)", [1, 3, 5]],
  ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
  ["slice(var.list, 1, 3)", ["b", "c"]],
  ["reverse(var.list)", ["c", "b", "a"]],
  ['sort(["b", "c", "a"])', ["a", "b", "c"]],
  ["sum([1, 2, 3.5])", 6.5],
  ["one([])", null],
  ['index(var.list, "c")', 2],
  ['compact(["a", "", null, "b"])', ["a", "b"]],
  ['base64encode("hi")', "aGk="],
  ['base64decode("aGk=")', "hi"],
  ['md5("a")', "0cc175b9c0f1b6a831c399e269772661"],
  ['sha256("a")', "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"],
  ["alltrue([true, 1 == 1])", true],
  ["anytrue([false])", false],
  ['setunion(["b"], ["a", "b"])', ["a", "b"]],
  ['setintersection(["a", "b"], ["b", "c"])', ["b"]],
  ['setsubtract(["a", "b"], ["a"])', ["b"]],
  ['yamldecode("a: [1, 2]")', { a: [1, 2] }],
  ["pow(2, 10)", 1024],
  ['parseint("ff", 16)', 255],
  ['urlencode("a b&c")', "a+b%26c"],
  ['strrev("abc")', "cba"],
  ["chunklist([1, 2, 3], 2)", [[1, 2], [3]]],
  ["merge({ a = aws_s3_bucket.b.id }, { c = 1 })", { a: { $ref: "aws_s3_bucket.b", $path: ["id"] }, c: 1 }],
  ["length([aws_s3_bucket.b.id, 2])", 2],
  [
    "jsonencode({ Resource = aws_s3_bucket.b.arn })",
    { $encoded: "json", $value: { Resource: { $ref: "aws_s3_bucket.b", $path: ["arn"] } } },
  ],
  ['format("%s/*", aws_s3_bucket.b.arn)', { $template: [{ $ref: "aws_s3_bucket.b", $path: ["arn"] }, "/*"] }],
  ['join("-", ["a", aws_s3_bucket.b.id])', { $template: ["a-", { $ref: "aws_s3_bucket.b", $path: ["id"] }] }],
  ["upper(aws_s3_bucket.b.id)", { $unknown: "depends on aws_s3_bucket.b.id, known only after apply" }],
  ["timestamp()", { $unknown: "timestamp() is known only when Terraform runs" }],
];

describe("Terraform expressions", () => {
  for (const [expression, expected] of EXPRESSIONS) {
    test(expression, () => assert.deepEqual(json(evaluateHcl(expression, vars)), expected));
  }
});

describe("Terraform functions", () => {
  for (const [expression, expected] of FUNCTIONS) {
    test(expression, () => assert.deepEqual(json(evaluateHcl(expression, vars)), expected));
  }

  test("every function the brief names is implemented", () => {
    const named =
      "length lookup merge concat contains keys values toset tolist tomap jsonencode jsondecode format join split lower upper replace coalesce try can element flatten distinct cidrsubnet cidrhost min max abs ceil floor tonumber tostring tobool file templatefile";
    const missing = named.split(" ").filter((n) => n !== "try" && n !== "can" && !FUNCTION_NAMES.includes(n));
    assert.deepEqual(missing, []);
  });
});

describe("evaluation errors", () => {
  const errors: Array<[string, RegExp]> = [
    ['"a" * 2', /must be a number, not the string "a"/],
    ["var.list[5]", /index 5 is out of range for a list of 3/],
    ["var.map.z", /no attribute or key `z`/],
    ["nosuchfunction(1)", /no function named `nosuchfunction`/],
    ["length(1, 2)", /expects 1 argument, got 2/],
    ["1 / 0", /Division by zero/],
    ['cidrsubnet("10.0.0.0/30", 8, 1)', /cannot extend the prefix \/30 by 8 bits/],
    ['regex("(a+)+$", "aaaa")', /nests repetitions/],
    ["{for x in [1, 1] : x => x}", /produces the key `1` twice/],
  ];
  for (const [expression, message] of errors) {
    test(expression, () => {
      assert.throws(
        () => evaluateHcl(expression, vars),
        (e: unknown) => e instanceof LocatedEvaluationError && message.test(e.message) && e.pos.line === 1,
      );
    });
  }
});

describe("property: evaluation agrees with a reference implementation", () => {
  const small = fc.integer({ min: -1000, max: 1000 });
  test("integer arithmetic and comparison", () => {
    fc.assert(
      fc.property(small, small, small, (a, b, c) => {
        assert.equal(evaluateHcl(`${a} + ${b} * ${c}`), a + b * c);
        assert.equal(evaluateHcl(`(${a} - ${b}) * ${c}`), (a - b) * c);
        assert.equal(evaluateHcl(`${a} < ${b} || ${b} >= ${c}`), a < b || b >= c);
        if (b !== 0) assert.equal(evaluateHcl(`${a} % ${b}`), a % b);
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  test("string templates and escapes round-trip any text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 30 }),
        fc.string({ maxLength: 10 }),
        (text, other) => {
          // Written as HCL escapes, any text reads back exactly, `${` and `%{` included.
          const quoted = JSON.stringify(text)
            .replaceAll("${", "$${")
            .replaceAll("%{", "%%{")
            .replaceAll("\\b", "\\u0008")
            .replaceAll("\\f", "\\u000c");
          assert.equal(evaluateHcl(quoted), text);
          assert.equal(evaluateHcl(`"\${var.a}\${var.b}"`, { a: text, b: other }), text + other);
          assert.equal(evaluateHcl(`upper(var.a) == upper(var.a)`, { a: text }), true);
        },
      ),
      { numRuns: 300, seed: 20261127 },
    );
  });

  test("references survive templates and collections untouched", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), (name) => {
        const value = evaluateHcl(`[aws_s3_bucket.${name}.arn]`);
        assert.ok(
          Array.isArray(value) && value[0] instanceof Ref && value[0].address === `aws_s3_bucket.${name}`,
        );
      }),
      { numRuns: 100, seed: 20261127 },
    );
  });
});

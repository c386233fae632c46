import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { LocatedEvaluationError } from "../../../src/ingest/terraform/evaluate-expression.ts";
import { Unknown } from "../../../src/model/value.ts";
import { evaluateHcl, nodeAt, writeTree } from "../../helpers/ingest.ts";

// [spec, timestamp, what Terraform gives]. The first five are Terraform's documented examples.
const FORMATS: Array<[string, string, string]> = [
  ["DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z", "02 Jan 2018 23:12 UTC"],
  ["EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z", "Tuesday, 02-Jan-18 23:12:01 UTC"],
  ["EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00", "Tue, 02 Jan 2018 23:12:01 -0800"],
  ["MMM DD, YYYY", "2018-01-02T23:12:01Z", "Jan 02, 2018"],
  ["HH:mmaa", "2018-01-02T23:12:01Z", "11:12pm"],
  ["h'h'mm", "2018-01-02T23:12:01-08:00", "23h12"],
  // Every verb at every length it has.
  ["YYYY YY", "2009-11-07T05:04:03Z", "2009 09"],
  ["MMMM MMM MM M", "2009-11-07T05:04:03Z", "November Nov 11 11"],
  ["MMMM MMM MM M", "2009-02-07T05:04:03Z", "February Feb 02 2"],
  ["DD D", "2009-11-07T05:04:03Z", "07 7"],
  ["EEEE EEE", "2009-11-07T05:04:03Z", "Saturday Sat"],
  ["hh h HH H AA aa", "2009-11-07T05:04:03Z", "05 5 05 5 AM am"],
  ["hh h HH H AA aa", "2009-11-07T00:04:03Z", "00 0 12 12 AM am"],
  ["hh h HH H AA aa", "2009-11-07T12:04:03Z", "12 12 12 12 PM pm"],
  ["mm m ss s", "2009-11-07T05:04:03Z", "04 4 03 3"],
  ["Z ZZZ ZZZZ ZZZZZ", "2009-11-07T05:04:03Z", "Z UTC +0000 +00:00"],
  ["Z ZZZ ZZZZ ZZZZZ", "2009-11-07T05:04:03+05:30", "+05:30 +0530 +0530 +05:30"],
  ["Z ZZZ ZZZZ ZZZZZ", "2009-11-07T05:04:03-00:00", "Z UTC +0000 +00:00"],
  // Quoted literals: '…' as written, '' a quote, inside or alone; other characters are themselves.
  ["'Year' YYYY, 'o''clock' h", "2009-11-07T05:04:03Z", "Year 2009, o'clock 5"],
  ["''hh''", "2009-11-07T05:04:03Z", "'05'"],
  ["YYYY-MM-DD'T'hh:mm:ss", "2024-02-29T23:59:59.123456Z", "2024-02-29T23:59:59"],
  ["[DD/MM] '${x}' 100%", "2009-11-07T05:04:03Z", "[07/11] ${x} 100%"],
  ["", "2009-11-07T05:04:03Z", ""],
  // Weekdays across centuries and leap days, in the timestamp's own offset (not converted to UTC).
  ["EEEE DD MMMM YYYY", "2000-02-29T00:00:00Z", "Tuesday 29 February 2000"],
  ["EEEE", "1969-07-20T20:17:40Z", "Sunday"],
  ["EEEE DD hh", "2018-01-02T23:12:01-08:00", "Tuesday 02 23"],
  ["YYYY", "0001-01-01T00:00:00Z", "0001"],
];

describe("formatdate(spec, timestamp)", () => {
  for (const [spec, timestamp, expected] of FORMATS) {
    test(`formatdate(${JSON.stringify(spec)}, ${JSON.stringify(timestamp)}) is ${JSON.stringify(expected)}`, () => {
      const hclSpec = JSON.stringify(spec).replaceAll("${", () => "$${");
      assert.equal(evaluateHcl(`formatdate(${hclSpec}, ${JSON.stringify(timestamp)})`), expected);
    });
  }

  test("a timestamp known only when Terraform runs keeps the result unknown", () => {
    const value = evaluateHcl('formatdate("YYYY", timestamp())');
    assert.ok(value instanceof Unknown);
    assert.match(value.reason, /timestamp\(\) is known only when Terraform runs/);
    assert.ok(evaluateHcl('formatdate("YYYY", var.u)', { u: new Unknown("u") }) instanceof Unknown);
  });

  const ERRORS: Array<[string, string, RegExp]> = [
    ["YYY", "2018-01-02T23:12:01Z", /invalid date format verb `YYY`: a year is YY or YYYY/],
    ["MMMMM", "2018-01-02T23:12:01Z", /invalid date format verb `MMMMM`/],
    ["DDD", "2018-01-02T23:12:01Z", /a day of the month is D or DD/],
    ["EE", "2018-01-02T23:12:01Z", /a day of the week is EEE or EEEE/],
    ["A", "2018-01-02T23:12:01Z", /AM\/PM is AA/],
    ["ZZ", "2018-01-02T23:12:01Z", /a time zone is Z, ZZZ, ZZZZ or ZZZZZ/],
    [
      "Today hh",
      "2018-01-02T23:12:01Z",
      /invalid date format verb `T`: put literal letters in single quotes/,
    ],
    ["'unclosed", "2018-01-02T23:12:01Z", /literal whose closing `'` is missing/],
    ["YYYY", "2018-01-02", /"2018-01-02" is not an RFC 3339 timestamp/],
    ["YYYY", "2018-01-02 23:12:01Z", /not an RFC 3339 timestamp/],
    ["YYYY", "2018-02-30T00:00:00Z", /the day is out of range/],
    ["YYYY", "2018-13-01T00:00:00Z", /the month is out of range/],
    ["YYYY", "2018-01-01T24:00:00Z", /the hour is out of range/],
    ["YYYY", "2018-01-01T00:00:60Z", /the second is out of range/],
    ["YYYY", "2018-01-01T00:00:00+24:00", /the time zone offset is out of range/],
  ];
  for (const [spec, timestamp, message] of ERRORS) {
    test(`formatdate(${JSON.stringify(spec)}, ${JSON.stringify(timestamp)}) is an error`, () => {
      assert.throws(
        () => evaluateHcl(`formatdate(${JSON.stringify(spec)}, ${JSON.stringify(timestamp)})`),
        (e: unknown) =>
          e instanceof LocatedEvaluationError &&
          e.message.startsWith("formatdate(): ") &&
          message.test(e.message) &&
          e.pos.line === 1,
      );
    });
  }

  test("in a Terraform directory: a value where it is right, a warning at file:line and unknown where not", () => {
    const dir = writeTree({
      "main.tf": [
        'resource "aws_s3_bucket" "b" {',
        '  bucket = "logs-${formatdate("YYYY-MM-DD", "yesterday")}"',
        "  tags = {",
        '    Created = formatdate("DD MMM YYYY", "2018-01-02T23:12:01Z")',
        '    Later   = formatdate("YYYY", timestamp())',
        "  }",
        "}",
        "",
      ].join("\n"),
    });
    const { graphs, warnings } = readInfrastructure(dir, { display: "infra" });
    const bucket = nodeAt(graphs[0], "aws_s3_bucket.b");
    const tags = bucket.properties.tags as Record<string, unknown>;
    assert.equal(tags.Created, "02 Jan 2018");
    assert.ok(tags.Later instanceof Unknown);
    assert.ok(bucket.properties.bucket instanceof Unknown);
    assert.deepEqual(
      warnings.map((w) => [w.message, w.location]),
      [
        [
          'formatdate(): "yesterday" is not an RFC 3339 timestamp such as "2018-01-02T23:12:01Z"; the value is read as unknown.',
          { file: "infra/main.tf", line: 2, col: 20 },
        ],
      ],
    );
  });
});

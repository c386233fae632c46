import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertProblem, HEADER, problemsOf } from "../../helpers/spec.ts";

describe("schema violations name the property and its line", () => {
  test("unknown component type, with the known types and a suggestion", () => {
    const problem = assertProblem(`${HEADER}components:\n  db:\n    type: databse\n`, {
      message: /Unknown component type `databse`.*Did you mean `database`/,
      line: 7,
      col: 11,
    });
    assert.match(problem.hint ?? "", /network, bucket, database/);
  });

  test("unknown property, with a suggestion and the allowed ones", () => {
    const problem = assertProblem(`${HEADER}components:\n  files:\n    type: bucket\n    versoning: true\n`, {
      message: /Unknown property `versoning` in component `files`. Did you mean `versioning`/,
      line: 8,
      col: 5,
    });
    assert.match(problem.hint ?? "", /versioning, public/);
  });

  test("a missing required property", () => {
    assertProblem(`${HEADER}components:\n  db:\n    type: database\n    network: \${net}\n`, {
      message: /Component `db` is missing the required property `engine`/,
      line: 6,
    });
  });

  test("a value outside its enumeration", () => {
    assertProblem(
      `${HEADER}components:\n  net:\n    type: network\n    cidr: 10.0.0.0/16\n  db:\n    type: database\n    engine: oracle\n    network: \${net}\n`,
      { message: /`components.db.engine` is `oracle`; it must be one of postgres, mysql/, line: 11 },
    );
  });

  test("the wrong type of value", () => {
    assertProblem(`${HEADER}components:\n  files:\n    type: bucket\n    versioning: "yes"\n`, {
      message: /`components.files.versioning` must be true or false, not a string/,
      line: 8,
    });
  });

  test("a wrong apiVersion", () => {
    assertProblem("apiVersion: plinth/v2\napp: shop\ncloud: aws\ncomponents:\n  f:\n    type: bucket\n", {
      message: /`apiVersion` must be `plinth\/v1`/,
      line: 1,
    });
  });

  test("names that are not DNS-safe: uppercase, underscores, non-ASCII, too long", () => {
    for (const name of ["My_Bucket", "bücket", "9lives", "x".repeat(41), "a-"]) {
      assertProblem(`${HEADER}components:\n  ${JSON.stringify(name)}:\n    type: bucket\n`, {
        message: /is not a valid name.*DNS-safe/,
        line: 6,
      });
    }
    assertProblem("apiVersion: plinth/v1\napp: Shop_App\ncloud: aws\ncomponents:\n  f:\n    type: bucket\n", {
      message: /`app` `Shop_App` is not DNS-safe/,
      line: 2,
    });
  });

  test("a secret with a value is refused with the reason", () => {
    const problem = assertProblem(`${HEADER}components:\n  key:\n    type: secret\n    value: hunter2\n`, {
      message: /secret values never go in plinth.yaml/,
      line: 8,
    });
    assert.match(problem.hint ?? "", /secret store/);
  });

  test("a network property must be a reference", () => {
    assertProblem(
      `${HEADER}components:\n  net:\n    type: network\n    cidr: 10.0.0.0/16\n  db:\n    type: database\n    engine: postgres\n    network: net\n`,
      {
        message: /`components.db.network` must be a reference to another component, such as `\$\{net\}`/,
        line: 12,
      },
    );
  });

  test("very long values are refused, not truncated", () => {
    assertProblem(`${HEADER}tags:\n  team: ${"x".repeat(300)}\ncomponents:\n  f:\n    type: bucket\n`, {
      message: /`tags.team` is longer than 256 characters/,
      line: 6,
    });
  });

  test("every violation is reported at once, in file order", () => {
    const problems = problemsOf(
      `${HEADER}components:\n  a:\n    type: bucket\n    colour: red\n  b:\n    type: queue\n    fifo: maybe\n`,
    );
    assert.deepEqual(
      problems.map((p) => p.location.line),
      [8, 11],
    );
  });

  test("the document must be a mapping", () => {
    assertProblem("- just\n- a list\n", { message: /must be a YAML mapping/, line: 1 });
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { buildGraph } from "../../../src/model/build-graph.ts";
import { BUILT_IN_RULES } from "../../../src/policy/rules/index.ts";
import { parseSpec } from "../../../src/spec/load-spec.ts";
import { assertFixtureExpectations, fixtureDir, fixtureFiles } from "../../helpers/policy-fixtures.ts";

// Every built-in rule against its fixtures in test/fixtures/policy/<rule-id>/, one test per rule and format.
describe("built-in rules on their fixtures", () => {
  for (const rule of BUILT_IN_RULES) {
    test(`${rule.meta.id} has fixtures for every format it supports`, () => {
      const files = fixtureFiles(rule);
      assert.ok(files.includes("plinth.yaml"), `${fixtureDir(rule)}/plinth.yaml is missing`);
      assert.ok(files.includes("main.tf"), `${fixtureDir(rule)}/main.tf is missing`);
      if (rule.meta.resourceTypes.cloudformation.length > 0)
        assert.ok(files.includes("template.yaml"), `${fixtureDir(rule)}/template.yaml is missing`);
    });

    test(`${rule.meta.id} (${rule.meta.title}) on plinth.yaml`, () => {
      const file = `${fixtureDir(rule)}/plinth.yaml`;
      const { graph } = buildGraph(parseSpec(readFileSync(file, "utf8"), file));
      assertFixtureExpectations(rule, [graph], "plinth.yaml");
    });

    test(`${rule.meta.id} on main.tf`, () => {
      const { graphs } = readInfrastructure(fixtureDir(rule), { display: `${rule.meta.id.toLowerCase()}` });
      assertFixtureExpectations(rule, graphs, "main.tf");
    });

    if (rule.meta.resourceTypes.cloudformation.length > 0) {
      test(`${rule.meta.id} on template.yaml (CloudFormation)`, () => {
        const { graphs } = readInfrastructure(`${fixtureDir(rule)}/template.yaml`);
        assertFixtureExpectations(rule, graphs, "template.yaml");
      });
    }
  }
});

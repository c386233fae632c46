import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { encodeValue } from "../../../src/model/value.ts";
import { graphOf, HEADER, nodeOf, problemsOf } from "../../helpers/spec.ts";

// Hostile text must come through as data: never as a reference, a YAML construct or a second line.
describe("hostile strings", () => {
  test("HCL and template syntax in tags and descriptions stays literal text", () => {
    const hostile = "%{ for x in y }$${evil}\" \\n' `rm -rf` ü 🚀";
    const yaml = `${HEADER}tags:\n  note: ${JSON.stringify(hostile)}\ncomponents:\n  key:\n    type: secret\n    description: ${JSON.stringify(hostile)}\n`;
    const node = nodeOf(graphOf(yaml), "aws_secretsmanager_secret.key");
    const expected = hostile.replace("$${", "${");
    assert.equal(node.properties.description, expected);
    assert.equal((node.properties.tags as Record<string, string>).note, hostile);
  });

  test("a user key that looks like plinth's encoding cannot forge a reference", () => {
    const yaml = `${HEADER}components:\n  x:\n    type: native\n    resource: aws_cloudwatch_log_group\n    properties:\n      name: logs\n      tags:\n        $ref: aws_vpc.net\n        $path: id\n`;
    const node = nodeOf(graphOf(yaml), "aws_cloudwatch_log_group.x");
    const encoded = encodeValue(node.properties) as { tags: Record<string, unknown> };
    assert.equal(encoded.tags.$$ref, "aws_vpc.net");
    assert.equal(encoded.tags.$ref, undefined);
  });

  test("newlines cannot smuggle a second variable into a VM's environment", () => {
    const yaml = `${HEADER}components:\n  net:\n    type: network\n    cidr: 10.0.0.0/16\n  web:\n    type: vm\n    network: \${net}\n    env:\n      GREETING: "hi\\nEVIL=1"\n`;
    assert.match(
      problemsOf(yaml)[0]?.message ?? "",
      /`components.web.env.GREETING` `hi\s*EVIL=1` has the wrong format/,
    );
  });

  test("quotes in VM environment values are shell-escaped, so they cannot run commands", () => {
    const yaml = `${HEADER}components:\n  net:\n    type: network\n    cidr: 10.0.0.0/16\n  web:\n    type: vm\n    network: \${net}\n    env:\n      MOTTO: "it's'; touch /tmp/pwned; echo '"\n`;
    const userData = encodeValue(nodeOf(graphOf(yaml), "aws_instance.web").properties.user_data ?? null) as {
      $template: string[];
    };
    const script = userData.$template.join("");
    assert.ok(
      script.includes(
        `printf '%s\\n' 'MOTTO=it'\\''s'\\''; touch /tmp/pwned; echo '\\''' >> /etc/plinth/env`,
      ),
      script,
    );
  });

  test("YAML special values stay strings when quoted, and are typed otherwise", () => {
    const yaml = `${HEADER}tags:\n  flag: "yes"\n  none: "null"\ncomponents:\n  f:\n    type: bucket\n`;
    const tags = nodeOf(graphOf(yaml), "aws_s3_bucket.f").properties.tags as Record<string, string>;
    assert.equal(tags.flag, "yes");
    assert.equal(tags.none, "null");
    assert.match(
      problemsOf(`${HEADER}tags:\n  flag: null\ncomponents:\n  f:\n    type: bucket\n`)[0]?.message ?? "",
      /must be a string/,
    );
  });
});

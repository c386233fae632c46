import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assertProblem, graphOf, HEADER, nodeOf } from "../../helpers/spec.ts";

const NET = "  net:\n    type: network\n    cidr: 10.0.0.0/16\n";

describe("references", () => {
  test("a reference to a missing component suggests the closest name", () => {
    assertProblem(
      `${HEADER}outputs:\n  x: \${dbb.host}\ncomponents:\n  db:\n    type: database\n    engine: postgres\n    network: \${net}\n${NET}`,
      {
        message: /`\$\{dbb.host\}` refers to a component `dbb` that does not exist. Did you mean `db`/,
        line: 6,
      },
    );
  });

  test("an unknown attribute lists the attributes that exist", () => {
    const problem = assertProblem(
      `${HEADER}components:\n${NET}  db:\n    type: database\n    engine: postgres\n    network: \${net}\noutputs:\n  x: \${db.hostname}\n`,
      { message: /a database component has no attribute `hostname`/, line: 14 },
    );
    assert.match(problem.hint ?? "", /Available: id, host, port, endpoint/);
  });

  test("a native component's attributes come from its provider schema", () => {
    assertProblem(
      `${HEADER}components:\n  logs:\n    type: native\n    resource: aws_cloudwatch_log_group\n    properties:\n      name: x\noutputs:\n  a: \${logs.arn}\n  b: \${logs.nope}\n`,
      { message: /`aws_cloudwatch_log_group` has no attribute `nope`/, line: 13 },
    );
  });

  test("a whole-component reference where a value is needed", () => {
    assertProblem(`${HEADER}components:\n${NET}outputs:\n  x: \${net}\n`, {
      message: /names a whole component; reference one of its attributes: id, cidr/,
      line: 10,
    });
  });

  test("a network link must name a network", () => {
    assertProblem(
      `${HEADER}components:\n  files:\n    type: bucket\n  db:\n    type: database\n    engine: postgres\n    network: \${files}\n`,
      { message: /must name a network component/, line: 11 },
    );
  });

  test("an unterminated `${` and a malformed reference", () => {
    assertProblem(`${HEADER}components:\n${NET}outputs:\n  x: "\${net.id"\n`, {
      message: /has no closing `\}`/,
      line: 10,
    });
    assertProblem(`${HEADER}components:\n${NET}outputs:\n  x: "\${net id}"\n`, {
      message: /is not a reference/,
      line: 10,
    });
  });

  test("`$${` is a literal `${`, and `%{` is plain text", () => {
    const graph = graphOf(`${HEADER}components:\n${NET}outputs:\n  x: "$\${net.id} %{if}"\n`);
    assert.equal(graph.outputs[0]?.value, "${net.id} %{if}");
  });

  test("dependsOn must name existing components", () => {
    assertProblem(`${HEADER}components:\n  files:\n    type: bucket\n    dependsOn: [nett]\n${NET}`, {
      message: /depends on `nett`, which does not exist. Did you mean `net`/,
      line: 6,
    });
  });

  test("a cycle is printed in full", () => {
    const yaml = `${HEADER}components:\n  a:\n    type: bucket\n    dependsOn: [b]\n  b:\n    type: queue\n    dependsOn: [c]\n  c:\n    type: secret\n    dependsOn: [a]\n`;
    const problem = assertProblem(yaml, { message: /cycle: a → b → c → a/, line: 6 });
    assert.match(problem.hint ?? "", /Remove one/);
  });

  test("a component referring to itself", () => {
    assertProblem(
      `${HEADER}components:\n  logs:\n    type: native\n    resource: aws_cloudwatch_log_group\n    properties:\n      name: \${logs.arn}\n`,
      {
        message: /refers to itself/,
        line: 10,
      },
    );
  });
});

describe("networks", () => {
  const network = (body: string) => `${HEADER}components:\n  net:\n    type: network\n${body}`;

  test("an invalid CIDR and one with host bits set", () => {
    assertProblem(network("    cidr: 10.0.0.300/16\n"), { message: /is not an IPv4 CIDR block/, line: 8 });
    assertProblem(network("    cidr: 10.0.0.1/16\n"), {
      message: /host bits set; the network is 10.0.0.0\/16/,
      line: 8,
    });
  });

  test("a network too large for AWS", () => {
    assertProblem(network("    cidr: 10.0.0.0/8\n"), {
      message: /must be between \/16 and \/28 on aws/,
      line: 8,
    });
  });

  test("overlapping subnets and subnets outside the network", () => {
    const subnets = (a: string, b: string) =>
      network(
        `    cidr: 10.0.0.0/16\n    subnets:\n      one:\n        cidr: ${a}\n      two:\n        cidr: ${b}\n`,
      );
    assertProblem(subnets("10.0.0.0/24", "10.0.0.128/25"), {
      message: /subnets `net.one` and `net.two` overlap \(10.0.0.0\/24 and 10.0.0.128\/25\)/,
      line: 13,
    });
    assertProblem(subnets("10.0.0.0/24", "10.1.0.0/24"), {
      message: /`net.two` \(10.1.0.0\/24\) is outside its network/,
      line: 13,
    });
  });

  test("default subnets: two private and two public, a sixteenth of the network each", () => {
    const graph = graphOf(network("    cidr: 10.0.0.0/16\n"));
    assert.equal(nodeOf(graph, "aws_subnet.net_private_a").properties.cidr_block, "10.0.0.0/20");
    assert.equal(nodeOf(graph, "aws_subnet.net_public_b").properties.cidr_block, "10.0.48.0/20");
    assert.equal(nodeOf(graph, "aws_subnet.net_private_b").properties.availability_zone, "us-east-1b");
  });

  test("SSH and RDP open to the internet are refused, other ports are allowed", () => {
    const vm = (port: string, cidr: string) =>
      `${HEADER}components:\n${NET}  web:\n    type: vm\n    network: \${net}\n    ingress:\n      - ${port}\n        cidr: ${cidr}\n`;
    assertProblem(vm("port: 22", "0.0.0.0/0"), {
      message: /opens SSH \(port 22\) to the whole internet/,
      line: 14,
    });
    assertProblem(vm("port: 3000\n        toPort: 4000", "0.0.0.0/0"), {
      message: /opens RDP \(port 3389\)/,
      line: 15,
    });
    assert.ok(graphOf(vm("port: 443", "0.0.0.0/0")).nodes.length > 0);
    assert.ok(graphOf(vm("port: 22", "10.0.0.0/16")).nodes.length > 0);
  });

  test("a VM naming a subnet its network lacks", () => {
    assertProblem(
      `${HEADER}components:\n${NET}  web:\n    type: vm\n    network: \${net}\n    subnet: private-c\n`,
      {
        message: /subnet `private-c`, which network `net` does not have. Did you mean `private-a`/,
        line: 12,
      },
    );
  });
});

describe("regions, secrets and environments", () => {
  test("an unknown region, per cloud", () => {
    assertProblem(
      "apiVersion: plinth/v1\napp: a\ncloud: aws\nregion: us-east-7\ncomponents:\n  f:\n    type: bucket\n",
      {
        message: /`us-east-7` is not a known aws region. Did you mean `us-east-1`/,
        line: 4,
      },
    );
    assertProblem(
      "apiVersion: plinth/v1\napp: a\ncloud: gcp\nregion: us-east-1\ncomponents:\n  f:\n    type: bucket\n",
      {
        message: /not a known gcp region/,
        line: 4,
      },
    );
  });

  test("a disaster-recovery region must differ from the primary", () => {
    const yaml = `${HEADER}environments:\n  prod:\n    dr:\n      region: us-east-1\ncomponents:\n  f:\n    type: bucket\n`;
    assertProblem(yaml, { message: /same as the primary/, line: 8 }, { env: "prod" });
  });

  test("a literal secret in a VM's env or a native argument is refused", () => {
    assertProblem(
      `${HEADER}components:\n${NET}  web:\n    type: vm\n    network: \${net}\n    env:\n      DB_PASSWORD: hunter2\n`,
      {
        message: /`DB_PASSWORD` in component `web` looks like a secret written in clear/,
        line: 13,
      },
    );
    assertProblem(
      `${HEADER}components:\n  x:\n    type: native\n    resource: aws_db_instance\n    properties:\n      password: hunter2\n`,
      {
        message: /`password` in component `x` looks like a secret/,
        line: 10,
      },
    );
  });

  test("overrides merge deterministically: mappings by key, null removes, scalars replace", () => {
    const yaml = `${HEADER}environments:\n  dev:\n    overrides:\n      q:\n        retentionDays: 1\n        deadLetter: null\n  prod: {}\ncomponents:\n  q:\n    type: queue\n    retentionDays: 7\n    deadLetter: true\n`;
    const dev = graphOf(yaml, { env: "dev" });
    assert.equal(nodeOf(dev, "aws_sqs_queue.q").properties.message_retention_seconds, 86400);
    assert.ok(!dev.nodes.some((n) => n.address === "aws_sqs_queue.q_dlq"));
    const prod = graphOf(yaml, { env: "prod" });
    assert.equal(nodeOf(prod, "aws_sqs_queue.q").properties.message_retention_seconds, 7 * 86400);
    assert.ok(prod.nodes.some((n) => n.address === "aws_sqs_queue.q_dlq"));
  });

  test("an override error points at the override's line", () => {
    const yaml = `${HEADER}environments:\n  dev:\n    overrides:\n      q:\n        retentionDays: 99\ncomponents:\n  q:\n    type: queue\n`;
    assertProblem(
      yaml,
      { message: /retentionDays.*must be <= 14.*in environment `dev`/, line: 9 },
      { env: "dev" },
    );
  });

  test("overrides of unknown components and type changes are refused", () => {
    assertProblem(
      `${HEADER}environments:\n  dev:\n    overrides:\n      qq:\n        fifo: true\ncomponents:\n  q:\n    type: queue\n`,
      {
        message: /overrides `qq`, which is not a component. Did you mean `q`/,
        line: 8,
      },
    );
    assertProblem(
      `${HEADER}environments:\n  dev:\n    overrides:\n      q:\n        type: bucket\ncomponents:\n  q:\n    type: queue\n`,
      {
        message: /cannot change the type of component `q`/,
        line: 8,
      },
    );
  });

  test("production defaults come from the environment name or the flag", () => {
    const yaml = `${HEADER}environments:\n  dev: {}\n  prod: {}\n  staging:\n    production: true\ncomponents:\n${NET}  db:\n    type: database\n    engine: postgres\n    network: \${net}\n`;
    const protectedIn = (env: string) =>
      nodeOf(graphOf(yaml, { env }), "aws_db_instance.db").properties.deletion_protection;
    assert.equal(protectedIn("dev"), false);
    assert.equal(protectedIn("prod"), true);
    assert.equal(protectedIn("staging"), true);
  });

  test("an unknown environment lists the declared ones", () => {
    assert.throws(
      () =>
        graphOf(`${HEADER}environments:\n  dev: {}\ncomponents:\n  f:\n    type: bucket\n`, { env: "dve" }),
      /no environment `dve`.*Did you mean `dev`/,
    );
  });
});

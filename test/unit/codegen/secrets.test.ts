import assert from "node:assert/strict";
import { test } from "node:test";
import { FORMAT_CLOUDS, FORMATS, generate } from "../../../src/codegen/generate.ts";
import { graphOf } from "../../helpers/spec.ts";

const spec = (cloud: string) =>
  `apiVersion: plinth/v1\napp: inv\ncloud: ${cloud}\nregion: ${cloud === "azure" ? "westeurope" : cloud === "gcp" ? "europe-west1" : "us-east-1"}\ncomponents:\n  net: { type: network, cidr: 10.0.0.0/16 }\n  db: { type: database, engine: mysql, version: "8.0", size: medium, network: "\${net}" }\n  key: { type: secret }\n`;

test("secrets are references or sensitive inputs in every format, never values", () => {
  for (const cloud of ["aws", "gcp", "azure"]) {
    const graph = graphOf(spec(cloud));
    for (const format of FORMATS.filter((f) => FORMAT_CLOUDS[f].includes(graph.cloud))) {
      const text = [...generate(graph, format).values()].join("\n");
      // No password value anywhere: only the references and inputs that stand for one.
      assert.doesNotMatch(text, /password\s*[:=]\s*"[^"$]/i, `${cloud} ${format}`);
    }
  }
  // Azure MySQL's administrator password is an input marked secret in each format.
  const azure = graphOf(spec("azure"));
  assert.match(
    generate(azure, "terraform").get("variables.tf") as string,
    /variable "db_admin_password" \{[^}]*sensitive\s+= true/s,
  );
  assert.match(
    generate(azure, "terraform").get("main.tf") as string,
    /administrator_password_wo\s+= var\.db_admin_password/,
  );
  const arm = JSON.parse(generate(azure, "arm").get("azuredeploy.json") as string);
  assert.equal(arm.parameters.db_admin_password.type, "securestring");
  const parameters = JSON.parse(generate(azure, "arm").get("azuredeploy.parameters.json") as string);
  assert.ok(
    parameters.parameters.db_admin_password.reference.keyVault,
    "the parameters file refers to Key Vault",
  );
  assert.match(
    generate(azure, "bicep").get("main.bicep") as string,
    /@secure\(\)\nparam db_admin_password string/,
  );
  assert.match(
    generate(azure, "pulumi-yaml").get("Pulumi.yaml") as string,
    /db_admin_password:\n\s+type: string\n[^\n]*\n\s+secret: true/,
  );
  assert.match(
    generate(azure, "pulumi-ts").get("index.ts") as string,
    /config\.requireSecret\("db_admin_password"\)/,
  );
  // AWS: RDS manages the master password in Secrets Manager.
  const aws = generate(graphOf(spec("aws")), "cloudformation-json").get("template.json") as string;
  assert.equal(JSON.parse(aws).Resources.DbDBInstance.Properties.ManageMasterUserPassword, true);
});

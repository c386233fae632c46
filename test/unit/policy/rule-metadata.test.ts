import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { BUILT_IN_RULES } from "../../../src/policy/rules/index.ts";
import { FRAMEWORKS, SEVERITIES } from "../../../src/policy/types.ts";

const PREFIX = { aws: "aws_", gcp: "google_", azure: "azurerm_" } as const;
const ALIAS = {
  aws: /^(CKV2?_AWS_\d+|AVD-AWS-\d{4}|aws-[a-z0-9-]+)$/,
  gcp: /^(CKV2?_GCP_\d+|AVD-GCP-\d{4}|google-[a-z0-9-]+)$/,
  azure: /^(CKV2?_AZURE_\d+|AVD-AZU-\d{4}|azure-[a-z0-9-]+)$/,
} as const;

test("at least 60 built-in rules with unique, well-formed ids", () => {
  assert.ok(BUILT_IN_RULES.length >= 60, `${BUILT_IN_RULES.length} rules`);
  const ids = BUILT_IN_RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  for (const rule of BUILT_IN_RULES) {
    const m = rule.meta;
    assert.match(m.id, new RegExp(`^PLINTH-${m.cloud.toUpperCase()}-\\d{3}$`), m.id);
  }
});

test("each rule is one module named after its id in rules/<cloud>/", () => {
  for (const cloud of ["aws", "gcp", "azure"] as const) {
    const files = readdirSync(new URL(`../../../src/policy/rules/${cloud}/`, import.meta.url)).sort();
    const ids = BUILT_IN_RULES.filter((r) => r.meta.cloud === cloud)
      .map((r) => `${r.meta.id.toLowerCase()}.ts`)
      .sort();
    assert.deepEqual(files, ids, `${cloud}: a file per rule, each listed in rules/index.ts`);
  }
});

test("metadata is complete: types of the rule's cloud, remediation per format, frameworks with versions, real alias forms", () => {
  for (const { meta: m } of BUILT_IN_RULES) {
    assert.ok(SEVERITIES.includes(m.severity), `${m.id} severity`);
    assert.ok(m.title.length > 10 && m.description.length > 20, `${m.id} title and description`);
    assert.ok(m.resourceTypes.terraform.length > 0, `${m.id} has Terraform types`);
    for (const type of m.resourceTypes.terraform)
      assert.ok(type.startsWith(PREFIX[m.cloud]), `${m.id}: ${type}`);
    for (const type of m.resourceTypes.cloudformation)
      assert.match(type, /^AWS::\w+::\w+$/, `${m.id}: ${type}`);
    assert.ok(m.remediation.summary && m.remediation.terraform, `${m.id} remediation in Terraform terms`);
    if (m.resourceTypes.cloudformation.length > 0)
      assert.ok(
        m.remediation.cloudformation,
        `${m.id} supports CloudFormation, so it says how to fix it there`,
      );
    assert.ok(m.frameworks.length > 0, `${m.id} maps to a framework`);
    for (const f of m.frameworks) {
      assert.ok(f.framework in FRAMEWORKS, `${m.id}: ${f.framework}`);
      assert.ok(f.version && f.controls.length > 0, `${m.id}: ${f.framework} has a version and controls`);
    }
    for (const alias of m.aliases) assert.match(alias, ALIAS[m.cloud], `${m.id} alias ${alias}`);
    for (const url of m.references) assert.match(url, /^https:\/\//, `${m.id} reference`);
  }
});

test("the controls the issue lists are covered, by their Checkov ids", () => {
  const aliases = new Set(BUILT_IN_RULES.flatMap((r) => r.meta.aliases));
  const required = [
    // AWS: S3 encryption, versioning, public access block, logging; SG 22/3389/any; RDS; EBS; IMDSv2; DynamoDB;
    // CloudTrail; IAM; Lambda; ALB; flow logs; KMS; SQS; Secrets Manager rotation.
    ...["CKV_AWS_19", "CKV_AWS_21", "CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_18", "CKV_AWS_24", "CKV_AWS_25"],
    ...["CKV_AWS_277", "CKV_AWS_16", "CKV_AWS_17", "CKV_AWS_133", "CKV_AWS_3", "CKV_AWS_79", "CKV_AWS_28"],
    ...["CKV_AWS_119", "CKV_AWS_67", "CKV_AWS_36", "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_117", "CKV_AWS_173"],
    ...["CKV2_AWS_20", "CKV_AWS_131", "CKV2_AWS_11", "CKV_AWS_7", "CKV_AWS_27", "CKV2_AWS_57"],
    // GCP: uniform access, public access prevention, Cloud SQL public IP and SSL, instance public IP,
    // serial port, Shielded VM, firewall SSH/RDP.
    ...["CKV_GCP_29", "CKV_GCP_114", "CKV_GCP_60", "CKV_GCP_6", "CKV_GCP_40", "CKV_GCP_35", "CKV_GCP_39"],
    ...["CKV_GCP_2", "CKV_GCP_3"],
    // Azure: HTTPS-only, minimum TLS, blob public access, SQL auditing and TDE, encryption at host, disk
    // encryption, NSG SSH/RDP, Key Vault purge protection.
    ...["CKV_AZURE_3", "CKV_AZURE_44", "CKV_AZURE_190", "CKV_AZURE_23", "CKV2_AZURE_25", "CKV_AZURE_151"],
    ...["CKV_AZURE_2", "CKV_AZURE_10", "CKV_AZURE_9", "CKV_AZURE_110"],
  ];
  for (const id of required) assert.ok(aliases.has(id), `a rule is aliased ${id}`);
});

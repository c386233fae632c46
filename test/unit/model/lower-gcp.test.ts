import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { checkProperties } from "../../../src/catalog/check-properties.ts";
import { ProviderSchemas } from "../../../src/catalog/provider-schemas.ts";
import { edgesOf, type ResourceGraph, type ResourceNode } from "../../../src/model/graph.ts";
import { LoweringContext } from "../../../src/model/lower/context.ts";
import { GCP_LOWERINGS } from "../../../src/model/lower/gcp/index.ts";
import { lowerSpec } from "../../../src/model/lower/lower-spec.ts";
import { isPlainObject, Ref, Template, type Value, VarRef } from "../../../src/model/value.ts";
import { COMPONENT_ATTRIBUTES } from "../../../src/spec/component-attributes.ts";
import { DiagnosticBag } from "../../../src/spec/diagnostics.ts";
import { parseSpec, readSpecFile } from "../../../src/spec/load-spec.ts";
import { resolveEnvironment } from "../../../src/spec/resolve-environment.ts";
import type { Component, ResolvedSpec } from "../../../src/spec/types.ts";

const schemas = new ProviderSchemas();
const EXAMPLE = fileURLToPath(new URL("../../../examples/gcp-notes/plinth.yaml", import.meta.url));

function resolve(text: string, env: string): ResolvedSpec {
  return resolveEnvironment(parseSpec(text, "plinth.yaml"), { env, schemas }).spec;
}

function lower(text: string, env = "dev"): ResourceGraph {
  return lowerSpec(resolve(text, env), { schemas }).graph;
}

function lowerExample(env: string): ResourceGraph {
  return lowerSpec(resolveEnvironment(readSpecFile(EXAMPLE), { env, schemas }).spec, { schemas }).graph;
}

function node(graph: ResourceGraph, address: string): ResourceNode {
  const found = graph.nodes.find((n) => n.address === address);
  assert.ok(found, `${address} is in the graph (have: ${graph.nodes.map((n) => n.address).join(", ")})`);
  return found;
}

function ofType(graph: ResourceGraph, type: string): ResourceNode[] {
  return graph.nodes.filter((n) => n.type === type);
}

/** The first block of a list-nested block, as Terraform prints it. */
function block(value: Value | undefined): Record<string, Value> {
  assert.ok(Array.isArray(value) && value.length === 1, "a block list with one block");
  const [first] = value;
  assert.ok(isPlainObject(first));
  return first;
}

function assertRef(value: Value | undefined, address: string, ...path: Array<string | number>): void {
  assert.ok(value instanceof Ref, `expected a reference to ${address}`);
  assert.equal(value.address, address);
  assert.deepEqual([...value.path], path);
}

function assertVar(value: Value | undefined, name: string): void {
  assert.ok(value instanceof VarRef, `expected the input ${name}`);
  assert.equal(value.name, name);
}

/** The parts of a template, references and inputs printed as `address.path` and `var.name`. */
function partsOf(value: Value | undefined): string[] {
  assert.ok(value instanceof Template, "expected a template");
  return value.parts.map((p) => (p instanceof VarRef ? `var.${p.name}` : String(p)));
}

/** Every key anywhere in a value, for asserting what must never appear. */
function keysIn(value: Value): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => [k, ...keysIn(v)]);
  return [];
}

function spec(components: string, environments = "  dev: {}\n  prod: {}\n", head = ""): string {
  return `apiVersion: plinth/v1
app: notes
cloud: gcp
region: us-central1
${head}environments:
${environments}components:
  net:
    type: network
    cidr: 10.40.0.0/16
${components}`;
}

const DB = `  db:
    type: database
    engine: postgres
    network: \${net}
`;

describe("GCP lowering of the gcp-notes example", () => {
  for (const env of ["dev", "prod"]) {
    it(`${env}: every resource passes the provider schema without errors or deprecations`, () => {
      const graph = lowerExample(env);
      assert.ok(graph.nodes.length > 10);
      for (const n of graph.nodes) {
        const schema = schemas.resource(n.type);
        assert.ok(schema, `${n.type} is in the bundled google schema`);
        assert.deepEqual(checkProperties(n.properties, schema), [], n.address);
      }
    });

    it(`${env}: every labelled resource carries sanitized plinth labels`, () => {
      const graph = lowerExample(env);
      const labelled = graph.nodes.filter((n) => "labels" in (schemas.resource(n.type)?.attributes ?? {}));
      assert.ok(labelled.length >= 8);
      const sql = node(graph, "google_sql_database_instance.db");
      const disk = block(
        block(node(graph, "google_compute_instance.api").properties.boot_disk).initialize_params,
      );
      const all: Array<[string, Value | undefined]> = [
        ...labelled.map((n): [string, Value | undefined] => [n.address, n.properties.labels]),
        [sql.address, block(sql.properties.settings).user_labels],
        ["google_compute_instance.api", disk.labels],
      ];
      for (const [address, labels] of all) {
        assert.ok(isPlainObject(labels), `${address} has labels`);
        assert.equal(labels["plinth-app"], "notes");
        assert.equal(labels["plinth-env"], env);
        assert.equal(labels["plinth-address"], address.replaceAll(".", "_"));
        assert.equal(labels.team, "knowledge", "app tags are lowercased into labels");
        for (const [key, value] of Object.entries(labels)) {
          assert.match(key, /^\p{Ll}[\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u, `${address} label key ${key}`);
          assert.match(String(value), /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u, `${address} label ${key}`);
        }
      }
    });
  }

  it("the VM's startup script carries the database host and the secret by reference", () => {
    const instance = node(lowerExample("dev"), "google_compute_instance.api");
    const metadata = instance.properties.metadata;
    assert.ok(isPlainObject(metadata));
    const script = metadata["startup-script"];
    assert.ok(script instanceof Template);
    const refs = script.parts.filter((p) => p instanceof Ref).map(String);
    assert.ok(refs.includes("google_sql_database_instance.db.private_ip_address"));
    assert.ok(refs.includes("google_secret_manager_secret.session_key.id"));
  });

  it("no password or secret value is generated anywhere", () => {
    for (const env of ["dev", "prod"]) {
      const graph = lowerExample(env);
      const users = ofType(graph, "google_sql_user");
      assert.ok(users.length > 0);
      for (const user of users) assert.equal(user.properties.type, "CLOUD_IAM_SERVICE_ACCOUNT", user.address);
      assert.deepEqual(ofType(graph, "google_secret_manager_secret_version"), []);
      for (const n of graph.nodes) {
        const keys = keysIn(n.properties);
        for (const forbidden of ["password", "root_password", "password_wo", "secret_data"])
          assert.ok(!keys.includes(forbidden), `${n.address} sets ${forbidden}`);
      }
    }
  });
});

describe("GCP network", () => {
  it("is a custom-mode regional network whose subnets have Private Google Access and flow logs", () => {
    const graph = lower(spec(""));
    const vpc = node(graph, "google_compute_network.net").properties;
    assert.equal(vpc.auto_create_subnetworks, false);
    assert.equal(vpc.routing_mode, "REGIONAL");
    const subnets = ofType(graph, "google_compute_subnetwork");
    assert.equal(subnets.length, 4, "the default subnets");
    for (const subnet of subnets) {
      assert.equal(subnet.properties.region, "us-central1");
      assert.equal(subnet.properties.private_ip_google_access, true);
      assertRef(subnet.properties.network, "google_compute_network.net", "id");
      assert.equal(block(subnet.properties.log_config).metadata, "INCLUDE_ALL_METADATA");
    }
    assert.deepEqual(
      subnets.map((s) => s.properties.ip_cidr_range),
      ["10.40.0.0/20", "10.40.16.0/20", "10.40.32.0/20", "10.40.48.0/20"],
    );
    assert.deepEqual(ofType(graph, "google_compute_router_nat"), [], "no NAT unless asked");
  });

  it("drops flow logs only when asked and adds a logged Cloud NAT when asked", () => {
    const graph = lower(
      spec("").replace("cidr: 10.40.0.0/16", "cidr: 10.40.0.0/16\n    flowLogs: false\n    nat: true"),
    );
    for (const subnet of ofType(graph, "google_compute_subnetwork"))
      assert.ok(!("log_config" in subnet.properties));
    const router = node(graph, "google_compute_router.net").properties;
    assertRef(router.network, "google_compute_network.net", "id");
    const nat = node(graph, "google_compute_router_nat.net").properties;
    assertRef(nat.router, "google_compute_router.net", "name");
    assert.equal(nat.region, "us-central1");
    assert.deepEqual(block(nat.log_config), { enable: true, filter: "ALL" });
  });
});

describe("GCP bucket", () => {
  const bucket = (props: string) => `  files:\n    type: bucket\n${props}`;

  it("is private, IAM-only, versioned, in the region spelled as the API returns it", () => {
    const props = node(lower(spec(bucket(""))), "google_storage_bucket.files").properties;
    assert.equal(props.name, "notes-dev-files");
    assert.equal(props.location, "US-CENTRAL1");
    assert.equal(props.uniform_bucket_level_access, true);
    assert.equal(props.public_access_prevention, "enforced");
    assert.equal(props.force_destroy, false);
    assert.deepEqual(props.versioning, [{ enabled: true }]);
    assert.ok(!("lifecycle_rule" in props));
  });

  it("expires objects and old versions after expireAfterDays", () => {
    const props = node(
      lower(spec(bucket("    expireAfterDays: 30\n"))),
      "google_storage_bucket.files",
    ).properties;
    const rules = props.lifecycle_rule as Array<Record<string, Value>>;
    const deletes = rules.filter((r) => block(r.action).type === "Delete").map((r) => block(r.condition));
    assert.ok(deletes.some((c) => c.age === 30));
    assert.ok(deletes.some((c) => c.days_since_noncurrent_time === 30));
  });

  it("lets anyone read a public bucket's objects by URL, without listing them; nobody a private one's", () => {
    const lowered = lowerSpec(resolve(spec(bucket("    public: true\n")), "dev"), { schemas });
    const props = node(lowered.graph, "google_storage_bucket.files").properties;
    assert.equal(props.public_access_prevention, "inherited");
    const grant = node(lowered.graph, "google_storage_bucket_iam_member.files_public_read").properties;
    assertRef(grant.bucket, "google_storage_bucket.files", "name");
    assert.equal(grant.role, "roles/storage.legacyObjectReader", "objects.get only: no listing");
    assert.equal(grant.member, "allUsers");
    assert.deepEqual(lowered.warnings, []);

    const closed = lower(spec(bucket("    public: false\n")));
    assert.deepEqual(ofType(closed, "google_storage_bucket_iam_member"), []);
  });
});

describe("GCP database", () => {
  it("has a private address only, requires TLS and IAM auth, and waits for the peering", () => {
    const graph = lower(spec(DB));
    const instance = node(graph, "google_sql_database_instance.db");
    const settings = block(instance.properties.settings);
    const ip = block(settings.ip_configuration);
    assert.equal(ip.ipv4_enabled, false);
    assert.equal(ip.ssl_mode, "ENCRYPTED_ONLY");
    assertRef(ip.private_network, "google_compute_network.net", "id");
    assertRef(ip.allocated_ip_range, "google_compute_global_address.net_private_services", "name");
    assert.ok(!("authorized_networks" in ip));
    assert.deepEqual(instance.dependsOn, [
      "google_service_networking_connection.net_private_services",
      "google_project_service.sqladmin",
    ]);
    assert.deepEqual((settings.database_flags as Value[])[0], {
      name: "cloudsql.iam_authentication",
      value: "on",
    });
    assert.equal(instance.properties.database_version, "POSTGRES_16");
    assert.equal(settings.edition, "ENTERPRISE");
    assert.equal(settings.tier, "db-custom-1-3840");

    const range = node(graph, "google_compute_global_address.net_private_services").properties;
    assert.equal(range.purpose, "VPC_PEERING");
    assert.equal(range.address_type, "INTERNAL");
    const peering = node(graph, "google_service_networking_connection.net_private_services").properties;
    assert.equal(peering.service, "servicenetworking.googleapis.com");
    assertRef(
      (peering.reserved_peering_ranges as Value[])[0],
      "google_compute_global_address.net_private_services",
      "name",
    );

    const database = node(graph, "google_sql_database.db").properties;
    assertRef(database.instance, "google_sql_database_instance.db", "name");
  });

  it("is protected, highly available and keeps 30 backups in prod; none of that in dev", () => {
    const dev = node(lower(spec(DB), "dev"), "google_sql_database_instance.db").properties;
    const prod = node(lower(spec(DB), "prod"), "google_sql_database_instance.db").properties;
    const cases: Array<[Record<string, Value>, boolean, string, number]> = [
      [dev, false, "ZONAL", 7],
      [prod, true, "REGIONAL", 30],
    ];
    for (const [props, protect, availability, retained] of cases) {
      const settings = block(props.settings);
      assert.equal(props.deletion_protection, protect);
      assert.equal(settings.deletion_protection_enabled, protect);
      assert.equal(settings.availability_type, availability);
      const backups = block(settings.backup_configuration);
      assert.equal(backups.enabled, true);
      assert.equal(backups.point_in_time_recovery_enabled, true);
      assert.equal(block(backups.backup_retention_settings).retained_backups, retained);
    }
  });

  it("follows the component's own highAvailability, deletionProtection and backupRetentionDays", () => {
    const db = `${DB}    highAvailability: true\n    deletionProtection: true\n    backupRetentionDays: 14\n`;
    const settings = block(node(lower(spec(db)), "google_sql_database_instance.db").properties.settings);
    assert.equal(settings.availability_type, "REGIONAL");
    assert.equal(settings.deletion_protection_enabled, true);
    assert.equal(block(block(settings.backup_configuration).backup_retention_settings).retained_backups, 14);
  });

  it("gives MySQL its version, binary log and IAM flag", () => {
    const db = DB.replace("engine: postgres", "engine: mysql");
    const props = node(lower(spec(db)), "google_sql_database_instance.db").properties;
    assert.equal(props.database_version, "MYSQL_8_0");
    const settings = block(props.settings);
    assert.equal(block(settings.backup_configuration).binary_log_enabled, true);
    assert.ok(
      (settings.database_flags as Value[]).some(
        (f) => isPlainObject(f) && f.name === "cloudsql_iam_authentication" && f.value === "on",
      ),
    );
  });

  it("shares one private services range and peering between databases of a network", () => {
    const graph = lower(spec(`${DB}${DB.replace("  db:", "  db2:")}`));
    assert.equal(ofType(graph, "google_compute_global_address").length, 1);
    assert.equal(ofType(graph, "google_service_networking_connection").length, 1);
    assert.equal(ofType(graph, "google_sql_database_instance").length, 2);
  });
});

describe("GCP VM", () => {
  const VM = `  web:
    type: vm
    network: \${net}
    ingress:
      - port: 443
        cidr: 10.40.0.0/16
      - port: 8000
        toPort: 8010
        protocol: udp
        cidr: 192.0.2.0/24
    env:
      DB_HOST: \${db.host}
`;

  it("has no external IP, Shielded VM, OS Login, no serial port and its own service account", () => {
    const graph = lower(spec(`${DB}${VM}`));
    const props = node(graph, "google_compute_instance.web").properties;
    const nic = block(props.network_interface);
    assert.ok(!("access_config" in nic), "no access_config: no public IP");
    assert.ok(!("ipv6_access_config" in nic));
    assertRef(nic.subnetwork, "google_compute_subnetwork.net_private_a", "id");
    assert.equal(props.zone, "us-central1-a");
    assert.equal(props.machine_type, "e2-small");
    assert.deepEqual(block(props.shielded_instance_config), {
      enable_secure_boot: true,
      enable_vtpm: true,
      enable_integrity_monitoring: true,
    });
    const metadata = props.metadata;
    assert.ok(isPlainObject(metadata));
    assert.equal(metadata["block-project-ssh-keys"], "true");
    assert.equal(metadata["enable-oslogin"], "TRUE");
    assert.equal(metadata["serial-port-enable"], "false");
    assert.ok(metadata["startup-script"] instanceof Template);
    assert.ok(!("ssh-keys" in metadata));
    const disk = block(block(props.boot_disk).initialize_params);
    assert.equal(disk.image, "debian-cloud/debian-12");
    assert.equal(disk.type, "pd-balanced");
    assert.equal(disk.size, 20);
    const account = block(props.service_account);
    assertRef(account.email, "google_service_account.web", "email");
    assert.deepEqual(account.scopes, ["https://www.googleapis.com/auth/cloud-platform"]);
    const accountId = node(graph, "google_service_account.web").properties.account_id;
    assert.match(String(accountId), /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/);
  });

  it("admits exactly the declared ingress, to this VM's tag, with logging", () => {
    const graph = lower(spec(`${DB}${VM}`));
    const tags = node(graph, "google_compute_instance.web").properties.tags;
    const rules = ofType(graph, "google_compute_firewall");
    assert.equal(rules.length, 2);
    const [https, udp] = rules.map((r) => r.properties) as [Record<string, Value>, Record<string, Value>];
    for (const rule of [https, udp]) {
      assert.equal(rule.direction, "INGRESS");
      assert.deepEqual(rule.target_tags, tags);
      assertRef(rule.network, "google_compute_network.net", "id");
      assert.equal(block(rule.log_config).metadata, "INCLUDE_ALL_METADATA");
      assert.ok(!("deny" in rule));
    }
    assert.deepEqual(https.source_ranges, ["10.40.0.0/16"]);
    assert.deepEqual(https.allow, [{ protocol: "tcp", ports: ["443"] }]);
    assert.deepEqual(udp.source_ranges, ["192.0.2.0/24"]);
    assert.deepEqual(udp.allow, [{ protocol: "udp", ports: ["8000-8010"] }]);
  });

  it("has no startup script without env, and no firewall rule without ingress", () => {
    const graph = lower(spec(`  web:\n    type: vm\n    network: \${net}\n    size: medium\n`));
    const props = node(graph, "google_compute_instance.web").properties;
    assert.ok(isPlainObject(props.metadata) && !("startup-script" in props.metadata));
    assert.equal(props.machine_type, "n2-standard-2");
    assert.deepEqual(ofType(graph, "google_compute_firewall"), []);
  });

  const ACCESS = `  key:
    type: secret
  other-key:
    type: secret
  db2:
    type: database
    engine: mysql
    network: \${net}
  web:
    type: vm
    network: \${net}
    env:
      DATABASE_URL: postgres://\${db.endpoint}/notes
      DB2_HOST: \${db2.host}
      KEY: \${key.id}
  worker:
    type: vm
    network: \${net}
`;

  it("writes its logs and metrics, and gets nothing more when its env names nothing", () => {
    const graph = lower(spec(`${DB}${ACCESS}`));
    const grants = graph.nodes.filter((n) => n.component === "worker" && n.type.endsWith("_iam_member"));
    assert.deepEqual(
      grants.map((n) => [n.address, n.properties.role]),
      [
        ["google_project_iam_member.worker_log_writer", "roles/logging.logWriter"],
        ["google_project_iam_member.worker_metric_writer", "roles/monitoring.metricWriter"],
      ],
    );
    for (const grant of grants) {
      assertVar(grant.properties.project, "gcp_project");
      assertRef(grant.properties.member, "google_service_account.worker", "member");
      assert.ok(!("condition" in grant.properties));
    }
    assert.ok(!graph.nodes.some((n) => n.component === "worker" && n.type === "google_sql_user"));
  });

  it("reads exactly the secrets its env names", () => {
    const graph = lower(spec(`${DB}${ACCESS}`));
    const reads = ofType(graph, "google_secret_manager_secret_iam_member");
    assert.deepEqual(
      reads.map((n) => n.address),
      ["google_secret_manager_secret_iam_member.web_key"],
    );
    const read = reads[0]?.properties ?? {};
    assertRef(read.secret_id, "google_secret_manager_secret.key", "id");
    assert.equal(read.role, "roles/secretmanager.secretAccessor");
    assertRef(read.member, "google_service_account.web", "member");
  });

  it("signs in as itself to each database its env names, allowed on that instance only", () => {
    const graph = lower(spec(`${DB}${ACCESS}`));
    assert.deepEqual(
      ofType(graph, "google_sql_user").map((n) => n.address),
      ["google_sql_user.web_db", "google_sql_user.web_db2"],
    );
    const postgres = node(graph, "google_sql_user.web_db").properties;
    assertRef(postgres.instance, "google_sql_database_instance.db", "name");
    assert.equal(postgres.type, "CLOUD_IAM_SERVICE_ACCOUNT");
    // Cloud SQL for PostgreSQL names a service account's user by its email without `.gserviceaccount.com`.
    assert.deepEqual(partsOf(postgres.name), [
      "google_service_account.web.account_id",
      "@",
      "google_service_account.web.project",
      ".iam",
    ]);
    const mysql = node(graph, "google_sql_user.web_db2").properties;
    assertRef(mysql.instance, "google_sql_database_instance.db2", "name");
    assertRef(mysql.name, "google_service_account.web", "email");

    for (const db of ["db", "db2"]) {
      for (const [suffix, role] of [
        ["sql_client", "roles/cloudsql.client"],
        ["sql_login", "roles/cloudsql.instanceUser"],
      ]) {
        const grant = node(graph, `google_project_iam_member.web_${db}_${suffix}`).properties;
        assert.equal(grant.role, role);
        assertVar(grant.project, "gcp_project");
        assertRef(grant.member, "google_service_account.web", "member");
        assert.deepEqual(partsOf(block(grant.condition).expression), [
          "resource.type == 'sqladmin.googleapis.com/Instance' && resource.name == 'projects/",
          `google_sql_database_instance.${db}.project`,
          "/instances/",
          `google_sql_database_instance.${db}.name`,
          "'",
        ]);
      }
    }
  });

  it("refuses SSH from the whole internet before lowering", () => {
    const open = `  web:\n    type: vm\n    network: \${net}\n    ingress:\n      - port: 22\n        cidr: 0.0.0.0/0\n`;
    assert.throws(() => lower(spec(open)), /SSH/);
  });
});

describe("GCP queue", () => {
  const queue = (props: string) => `  jobs:\n    type: queue\n${props}`;

  it("is a topic with a never-expiring subscription; ack deadline and retention from the spec", () => {
    const graph = lower(spec(queue("    visibilityTimeoutSeconds: 120\n    retentionDays: 7\n")));
    const topic = node(graph, "google_pubsub_topic.jobs").properties;
    assert.equal(topic.name, "notes-dev-jobs");
    const sub = node(graph, "google_pubsub_subscription.jobs").properties;
    assertRef(sub.topic, "google_pubsub_topic.jobs", "id");
    assert.equal(sub.ack_deadline_seconds, 120);
    assert.equal(sub.message_retention_duration, "604800s");
    assert.deepEqual(sub.expiration_policy, [{ ttl: "" }]);
    assert.ok(!("enable_message_ordering" in sub));
    assert.ok(!("dead_letter_policy" in sub));
    assert.equal(ofType(graph, "google_pubsub_topic").length, 1);
  });

  it("clamps the ack deadline to Pub/Sub's 10..600 seconds", () => {
    for (const [visibility, deadline] of [
      [0, 10],
      [5000, 600],
    ] as const) {
      const graph = lower(spec(queue(`    visibilityTimeoutSeconds: ${visibility}\n`)));
      assert.equal(node(graph, "google_pubsub_subscription.jobs").properties.ack_deadline_seconds, deadline);
    }
  });

  it("orders FIFO queues and dead-letters to a topic that has a subscription", () => {
    const graph = lower(spec(queue("    fifo: true\n    deadLetter: true\n")));
    const sub = node(graph, "google_pubsub_subscription.jobs").properties;
    assert.equal(sub.enable_message_ordering, true);
    const policy = block(sub.dead_letter_policy);
    assertRef(policy.dead_letter_topic, "google_pubsub_topic.jobs_dlq", "id");
    assert.equal(policy.max_delivery_attempts, 5);
    const dlqSub = node(graph, "google_pubsub_subscription.jobs_dlq").properties;
    assertRef(dlqSub.topic, "google_pubsub_topic.jobs_dlq", "id");
  });

  it("lets Pub/Sub's service agent publish dead letters and acknowledge them on the source", () => {
    const graph = lower(spec(queue("    deadLetter: true\n")));
    const agent = [
      "serviceAccount:service-",
      "var.gcp_project_number",
      "@gcp-sa-pubsub.iam.gserviceaccount.com",
    ];
    const publish = node(graph, "google_pubsub_topic_iam_member.jobs_dlq").properties;
    assertRef(publish.topic, "google_pubsub_topic.jobs_dlq", "id");
    assert.equal(publish.role, "roles/pubsub.publisher");
    assert.deepEqual(partsOf(publish.member), agent);
    const acknowledge = node(graph, "google_pubsub_subscription_iam_member.jobs").properties;
    assertRef(acknowledge.subscription, "google_pubsub_subscription.jobs", "id");
    assert.equal(acknowledge.role, "roles/pubsub.subscriber");
    assert.deepEqual(partsOf(acknowledge.member), agent);
    assert.ok(graph.variables.some((v) => v.name === "gcp_project_number" && v.type === "string"));

    const plain = lower(spec(queue("")));
    assert.deepEqual(ofType(plain, "google_pubsub_topic_iam_member"), []);
    assert.deepEqual(ofType(plain, "google_pubsub_subscription_iam_member"), []);
    assert.ok(!plain.variables.some((v) => v.name === "gcp_project_number"), "asked for only when needed");
  });
});

describe("GCP secret", () => {
  it("is a secret without a version, replicated automatically, deletion-protected in prod only", () => {
    const secret = "  key:\n    type: secret\n    description: Signing key\n";
    for (const [env, protect] of [
      ["dev", false],
      ["prod", true],
    ] as const) {
      const graph = lower(spec(secret), env);
      const props = node(graph, "google_secret_manager_secret.key").properties;
      assert.equal(props.secret_id, `notes-${env}-key`);
      assert.deepEqual(props.replication, [{ auto: [{}] }]);
      assert.equal(props.deletion_protection, protect);
      assert.deepEqual(props.annotations, { description: "Signing key" });
      assert.equal(graph.nodes.filter((n) => n.component === "key").length, 1);
    }
  });
});

describe("GCP project", () => {
  /** The API each kind of resource is created through. */
  const API_OF: ReadonlyArray<[RegExp, string]> = [
    [/^google_compute_/, "compute"],
    [/^google_service_account$/, "iam"],
    [/^google_pubsub_/, "pubsub"],
    [/^google_secret_manager_/, "secretmanager"],
    [/^google_service_networking_connection$/, "servicenetworking"],
    [/^google_sql_/, "sqladmin"],
  ];

  /** Whether `from` depends on `to`, directly or through other resources. */
  function reaches(graph: ResourceGraph, from: string, to: string): boolean {
    const next = new Map<string, string[]>();
    for (const edge of edgesOf(graph)) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      if (at === to) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(next.get(at) ?? []));
    }
    return false;
  }

  for (const env of ["dev", "prod"]) {
    it(`${env}: enables each API once, keeps it on at destroy, and every resource waits for its API`, () => {
      const graph = lowerExample(env);
      const services = ofType(graph, "google_project_service");
      assert.deepEqual(
        services.map((n) => n.properties.service),
        API_OF.map(([, api]) => `${api}.googleapis.com`),
      );
      for (const service of services) {
        assert.equal(service.properties.disable_on_destroy, false);
        assertVar(service.properties.project, "gcp_project");
      }
      let checked = 0;
      for (const n of graph.nodes) {
        const api = API_OF.find(([pattern]) => pattern.test(n.type))?.[1];
        if (!api) continue;
        checked++;
        assert.ok(
          reaches(graph, n.address, `google_project_service.${api}`),
          `${n.address} waits for ${api}`,
        );
      }
      assert.ok(checked > 20);
    });
  }

  it("asks for the project only when something needs it", () => {
    const graph = lower(
      `apiVersion: plinth/v1\napp: notes\ncloud: gcp\nenvironments:\n  dev: {}\ncomponents:\n  files:\n    type: bucket\n`,
    );
    assert.deepEqual(graph.variables, []);
    assert.deepEqual(ofType(graph, "google_project_service"), []);
    const withVm = lower(spec("  web:\n    type: vm\n    network: ${net}\n"));
    assert.deepEqual(
      withVm.variables.map((v) => v.name),
      ["gcp_project"],
    );
  });
});

describe("GCP lowering contract", () => {
  it("each component exports exactly its portable attributes, and a network its NetworkInfo", () => {
    const text = spec(
      `${DB}  files:\n    type: bucket\n  jobs:\n    type: queue\n  key:\n    type: secret\n  web:\n    type: vm\n    network: \${net}\n`,
    );
    const resolved = resolve(text, "dev");
    const ctx = new LoweringContext(resolved, schemas, new DiagnosticBag());
    for (const component of resolved.components) {
      const lowering = GCP_LOWERINGS[component.type as keyof typeof GCP_LOWERINGS] as (
        c: Component,
        ctx: LoweringContext,
      ) => ReturnType<(typeof GCP_LOWERINGS)["network"]>;
      const lowered = lowering(component, ctx);
      ctx.lowered.set(component.name, lowered);
      const expected = COMPONENT_ATTRIBUTES[component.type as keyof typeof COMPONENT_ATTRIBUTES];
      assert.deepEqual(Object.keys(lowered.attributes).sort(), [...expected].sort(), component.name);
      if (component.type === "network") {
        assert.ok(lowered.network);
        assertRef(lowered.network.id, "google_compute_network.net", "id");
        assert.equal(lowered.network.subnets.length, 4);
      }
    }
    const bucket = ctx.lowered.get("files")?.attributes;
    assertRef(bucket?.url, "google_storage_bucket.files", "url");
    const db = ctx.lowered.get("db")?.attributes;
    assertRef(db?.host, "google_sql_database_instance.db", "private_ip_address");
    assert.equal(db?.port, 5432);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkProperties } from "../../../src/catalog/check-properties.ts";
import { ProviderSchemas } from "../../../src/catalog/provider-schemas.ts";
import type { ResourceGraph, ResourceNode } from "../../../src/model/graph.ts";
import { type Lowered, lowerSpec } from "../../../src/model/lower/lower-spec.ts";
import { Encoded, encodeValue, Ref, Template, type Value, VarRef } from "../../../src/model/value.ts";
import { COMPONENT_ATTRIBUTES } from "../../../src/spec/component-attributes.ts";
import { InvalidSpecError } from "../../../src/spec/diagnostics.ts";
import { parseSpec, readSpecFile } from "../../../src/spec/load-spec.ts";
import { resolveEnvironment } from "../../../src/spec/resolve-environment.ts";

const schemas = new ProviderSchemas();
const EXAMPLE = new URL("../../../examples/azure-inventory/plinth.yaml", import.meta.url).pathname;

function lowerExample(env: "dev" | "prod"): Lowered {
  const { spec } = resolveEnvironment(readSpecFile(EXAMPLE), { env, schemas });
  return lowerSpec(spec, { schemas });
}

/** Lowers an inline spec for Azure; `body` is YAML after the header (components, environments…). */
function lowerInline(body: string, env?: string): Lowered {
  const text = `apiVersion: plinth/v1\napp: shop\ncloud: azure\nregion: westeurope\n${body}`;
  const { spec } = resolveEnvironment(parseSpec(text, "plinth.yaml"), { env, schemas });
  return lowerSpec(spec, { schemas });
}

const NETWORK = `  net:
    type: network
    cidr: 10.20.0.0/16
`;

function nodesOf(graph: ResourceGraph, type: string): ResourceNode[] {
  return graph.nodes.filter((n) => n.type === type);
}

function only(graph: ResourceGraph, type: string): ResourceNode {
  const nodes = nodesOf(graph, type);
  assert.equal(nodes.length, 1, `expected one ${type}, found ${nodes.length}`);
  return nodes[0] as ResourceNode;
}

function first(value: Value | undefined): Record<string, Value> {
  assert.ok(Array.isArray(value), "expected a block list");
  return value[0] as Record<string, Value>;
}

function assertRef(value: Value | undefined, address: string, ...path: Array<string | number>): void {
  assert.ok(value instanceof Ref, `expected a reference to ${address}`);
  assert.equal(value.address, address);
  assert.deepEqual(value.path, path);
}

function assertSchemaClean(graph: ResourceGraph): void {
  for (const node of graph.nodes) {
    const schema = schemas.resource(node.type);
    assert.ok(schema, `${node.type} is not in the bundled schema`);
    assert.deepEqual(checkProperties(node.properties, schema), [], node.address);
  }
}

describe("Azure lowering of examples/azure-inventory", () => {
  for (const env of ["dev", "prod"] as const) {
    it(`${env}: every resource passes its azurerm 4.51 schema without errors or deprecations`, () => {
      const { graph } = lowerExample(env);
      assert.equal(graph.cloud, "azure");
      assert.ok(graph.nodes.length > 15);
      assert.ok(graph.nodes.every((n) => n.type.startsWith("azurerm_")));
      assertSchemaClean(graph);
    });

    it(`${env}: every taggable resource is tagged with app, environment and address`, () => {
      const { graph } = lowerExample(env);
      let tagged = 0;
      for (const node of graph.nodes) {
        if (!schemas.resource(node.type)?.attributes?.tags) continue;
        tagged++;
        const tags = node.properties.tags as Record<string, string>;
        assert.equal(tags["plinth:app"], "inventory", node.address);
        assert.equal(tags["plinth:env"], env, node.address);
        assert.equal(tags["plinth:address"], node.address);
        assert.equal(tags.team, "logistics", node.address);
      }
      assert.ok(tagged >= 10);
    });

    it(`${env}: everything lives in the one resource group of the app and environment`, () => {
      const { graph } = lowerExample(env);
      const group = only(graph, "azurerm_resource_group");
      assert.equal(group.properties.name, `rg-inventory-${env}`);
      assert.equal(group.properties.location, "westeurope");
      for (const node of graph.nodes) {
        if (!("resource_group_name" in node.properties)) continue;
        assertRef(node.properties.resource_group_name, group.address, "name");
        if ("location" in node.properties) assert.equal(node.properties.location, "westeurope");
      }
    });
  }

  it("gives NICs private addresses only; the one public IP is the NAT gateway's", () => {
    const { graph } = lowerExample("prod");
    const ip = only(graph, "azurerm_public_ip");
    const association = only(graph, "azurerm_nat_gateway_public_ip_association").properties;
    assertRef(association.public_ip_address_id, ip.address, "id");
    const nics = nodesOf(graph, "azurerm_network_interface");
    assert.ok(nics.length > 0);
    for (const nic of nics) {
      for (const config of nic.properties.ip_configuration as Array<Record<string, Value>>) {
        assert.equal(config.public_ip_address_id, undefined, nic.address);
        assertRef(config.subnet_id, "azurerm_subnet.net_private_a", "id");
      }
    }
  });

  it("closes the network: no default outbound access, one security group on every subnet", () => {
    const { graph } = lowerExample("dev");
    const subnets = nodesOf(graph, "azurerm_subnet");
    assert.equal(subnets.length, 4);
    for (const subnet of subnets) assert.equal(subnet.properties.default_outbound_access_enabled, false);
    const nsg = only(graph, "azurerm_network_security_group");
    const associations = nodesOf(graph, "azurerm_subnet_network_security_group_association");
    assert.deepEqual(
      associations.map((a) => (a.properties.subnet_id as Ref).address).sort(),
      subnets.map((s) => s.address).sort(),
    );
    for (const a of associations) assertRef(a.properties.network_security_group_id, nsg.address, "id");
    const deny = graph.nodes.find((n) => n.address === "azurerm_network_security_rule.net_deny_inside");
    assert.ok(deny);
    assert.equal(deny.properties.access, "Deny");
    assert.equal(deny.properties.direction, "Inbound");
    assert.equal(deny.properties.priority, 4096);
  });

  it("opens a VM's ingress only to that VM's private address, before the deny rule", () => {
    const { graph } = lowerExample("dev");
    const rule = graph.nodes.find((n) => n.address === "azurerm_network_security_rule.api_ingress_1");
    assert.ok(rule);
    assert.equal(rule.properties.access, "Allow");
    assert.equal(rule.properties.protocol, "Tcp");
    assert.equal(rule.properties.destination_port_range, "443");
    assert.equal(rule.properties.source_address_prefix, "10.40.0.0/16");
    assertRef(
      rule.properties.destination_address_prefix,
      "azurerm_network_interface.api",
      "private_ip_address",
    );
    assertRef(rule.properties.network_security_group_name, "azurerm_network_security_group.net", "name");
    assert.ok((rule.properties.priority as number) < 4096);
  });

  it("makes the storage account private, TLS 1.2 only, keyless and doubly encrypted", () => {
    const { graph } = lowerExample("dev");
    const account = only(graph, "azurerm_storage_account").properties;
    assert.match(account.name as string, /^[a-z0-9]{3,24}$/);
    assert.equal(account.min_tls_version, "TLS1_2");
    assert.equal(account.https_traffic_only_enabled, true);
    assert.equal(account.allow_nested_items_to_be_public, false);
    assert.equal(account.shared_access_key_enabled, false);
    assert.equal(account.infrastructure_encryption_enabled, true);
    assert.equal(account.account_kind, "StorageV2");
    assert.equal(first(account.blob_properties).versioning_enabled, true);
    const container = only(graph, "azurerm_storage_container").properties;
    assert.equal(container.container_access_type, "private");
    assertRef(container.storage_account_id, "azurerm_storage_account.photos", "id");
  });

  it("keeps databases off the public network, with Entra sign-in only, behind a private endpoint", () => {
    const { graph } = lowerExample("dev");
    const server = only(graph, "azurerm_postgresql_flexible_server");
    assert.equal(server.properties.public_network_access_enabled, false);
    const auth = first(server.properties.authentication);
    assert.equal(auth.password_auth_enabled, false);
    assert.equal(auth.active_directory_auth_enabled, true);
    assert.ok(auth.tenant_id instanceof VarRef);
    assert.equal(auth.tenant_id.name, "azure_tenant_id");
    assert.equal(server.properties.administrator_password, undefined);
    assert.equal(server.properties.administrator_login, undefined);
    assert.equal(server.properties.sku_name, "B_Standard_B1ms");
    assert.equal(server.properties.version, "16");
    assert.equal(server.properties.storage_mb, 32768);
    const endpoint = only(graph, "azurerm_private_endpoint").properties;
    assertRef(endpoint.subnet_id, "azurerm_subnet.net_private_a", "id");
    const connection = first(endpoint.private_service_connection);
    assert.deepEqual(connection.subresource_names, ["postgresqlServer"]);
    assert.equal(connection.is_manual_connection, false);
    assertRef(connection.private_connection_resource_id, server.address, "id");
    assert.ok(graph.variables.some((v) => v.name === "azure_tenant_id"));
  });

  it("protects production more than dev: replication, retention, backups, high availability", () => {
    const dev = lowerExample("dev");
    const prod = lowerExample("prod");
    const account = (l: Lowered) => only(l.graph, "azurerm_storage_account").properties;
    assert.equal(account(dev).account_replication_type, "LRS");
    assert.equal(account(prod).account_replication_type, "GRS");
    const retention = (l: Lowered) => first(first(account(l).blob_properties).delete_retention_policy).days;
    assert.equal(retention(dev), 7);
    assert.equal(retention(prod), 30);
    const containerRetention = (l: Lowered) =>
      first(first(account(l).blob_properties).container_delete_retention_policy).days;
    assert.equal(containerRetention(dev), 7);
    assert.equal(containerRetention(prod), 30);

    const server = (l: Lowered) => only(l.graph, "azurerm_postgresql_flexible_server").properties;
    assert.equal(server(dev).backup_retention_days, 7);
    assert.equal(server(prod).backup_retention_days, 30);
    assert.equal(server(dev).geo_redundant_backup_enabled, false);
    assert.equal(server(prod).geo_redundant_backup_enabled, true);
    assert.equal(server(dev).high_availability, undefined);
    assert.deepEqual(server(prod).high_availability, [{ mode: "ZoneRedundant" }]);
    assert.equal(server(prod).sku_name, "GP_Standard_D2ds_v5");
    assert.equal(server(prod).storage_mb, 131072);

    // Deletion protection: locks in production only, and no warnings either way.
    assert.deepEqual(nodesOf(dev.graph, "azurerm_management_lock"), []);
    assert.deepEqual(
      nodesOf(prod.graph, "azurerm_management_lock").map((n) => (n.properties.scope as Ref).address),
      ["azurerm_postgresql_flexible_server.db", "azurerm_storage_account.photos"],
    );
    assert.deepEqual(dev.warnings, []);
    assert.deepEqual(prod.warnings, []);
  });

  it("hardens the VM: trusted launch, encryption at host, SSH key input, managed identity, env at boot", () => {
    const { graph } = lowerExample("dev");
    const vm = only(graph, "azurerm_linux_virtual_machine");
    const p = vm.properties;
    assert.equal(p.size, "Standard_B2s");
    assert.equal(p.encryption_at_host_enabled, true);
    assert.equal(p.secure_boot_enabled, true);
    assert.equal(p.vtpm_enabled, true);
    assert.equal(p.disable_password_authentication, true);
    assert.equal(p.admin_password, undefined);
    const key = first(p.admin_ssh_key);
    assert.equal(key.username, p.admin_username);
    assert.ok(key.public_key instanceof VarRef);
    assert.equal(key.public_key.name, "ssh_public_key");
    assert.deepEqual(p.identity, [{ type: "SystemAssigned" }]);
    assert.deepEqual(p.source_image_reference, [
      { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
    ]);
    assert.equal(p.zone, "1");
    assert.ok((first(p.os_disk).disk_size_gb as number) >= 30);
    assertRef((p.network_interface_ids as Value[])[0], "azurerm_network_interface.api", "id");

    assert.ok(p.custom_data instanceof Encoded);
    assert.equal(p.custom_data.encoding, "base64");
    const script = p.custom_data.value;
    assert.ok(script instanceof Template);
    const text = script.parts.filter((s) => typeof s === "string").join("");
    assert.match(text, /^#!\/bin\/sh\n/);
    assert.match(text, /'DATABASE_URL=postgres:\/\//);
    const refs = script.parts.filter((s): s is Ref => s instanceof Ref).map((r) => `${r}`);
    assert.ok(refs.includes("azurerm_postgresql_flexible_server.db.fqdn"));
    assert.ok(refs.includes("azurerm_key_vault.carrier_api_key.vault_uri"));
    assert.deepEqual(vm.sensitive, [["custom_data"]]);
  });

  it("keeps the key vault: purge protection, 90-day soft delete, RBAC, firewall closed by default", () => {
    const { graph } = lowerExample("dev");
    const vault = only(graph, "azurerm_key_vault").properties;
    assert.equal(vault.purge_protection_enabled, true);
    assert.equal(vault.soft_delete_retention_days, 90);
    assert.equal(vault.rbac_authorization_enabled, true);
    assert.equal(vault.enable_rbac_authorization, undefined);
    assert.equal(vault.sku_name, "standard");
    assert.match(vault.name as string, /^[a-z][a-z0-9-]{1,22}[a-z0-9]$/);
    const acls = first(vault.network_acls);
    assert.equal(acls.default_action, "Deny");
    assert.equal(acls.bypass, "AzureServices");
    // The subnets it admits need the Key Vault service endpoint.
    const admitted = (acls.virtual_network_subnet_ids as Ref[]).map((r) => r.address).sort();
    assert.deepEqual(
      admitted,
      nodesOf(graph, "azurerm_subnet")
        .map((s) => s.address)
        .sort(),
    );
    for (const subnet of nodesOf(graph, "azurerm_subnet"))
      assert.deepEqual(subnet.properties.service_endpoints, ["Microsoft.KeyVault"]);
    assert.equal(nodesOf(graph, "azurerm_key_vault_secret").length, 0);
  });

  it("gives the queue an Entra-only TLS 1.2 namespace and dead-letters after 5 deliveries", () => {
    const { graph } = lowerExample("dev");
    const namespace = only(graph, "azurerm_servicebus_namespace").properties;
    assert.equal(namespace.sku, "Standard");
    assert.equal(namespace.minimum_tls_version, "1.2");
    assert.equal(namespace.local_auth_enabled, false);
    assert.match(namespace.name as string, /^[a-z][a-z0-9-]{4,48}[a-z0-9]$/);
    assert.doesNotMatch(namespace.name as string, /-(sb|mgmt)$/);
    const queue = only(graph, "azurerm_servicebus_queue").properties;
    assert.equal(queue.max_delivery_count, 5);
    assert.equal(queue.dead_lettering_on_message_expiration, true);
    assert.equal(queue.default_message_ttl, "P7D");
    assert.equal(queue.lock_duration, "PT30S");
    assert.equal(queue.requires_session, undefined);
  });

  it("resolves outputs to Azure attributes", () => {
    const { graph } = lowerExample("dev");
    const outputs = Object.fromEntries(graph.outputs.map((o) => [o.name, encodeValue(o.value)]));
    assert.deepEqual(outputs.dbHost, { $ref: "azurerm_postgresql_flexible_server.db", $path: ["fqdn"] });
    assert.deepEqual(outputs.photosUrl, {
      $template: [
        { $ref: "azurerm_storage_account.photos", $path: ["primary_blob_endpoint"] },
        { $ref: "azurerm_storage_container.photos", $path: ["name"] },
      ],
    });
  });

  it("is deterministic", () => {
    const once = JSON.stringify(lowerExample("prod").graph.nodes.map((n) => encodeValue(n.properties)));
    const twice = JSON.stringify(lowerExample("prod").graph.nodes.map((n) => encodeValue(n.properties)));
    assert.equal(once, twice);
  });
});

describe("Azure lowering of inline specs", () => {
  it("provides every portable attribute of every component type", () => {
    const outputs = Object.entries(COMPONENT_ATTRIBUTES)
      .flatMap(([type, attributes]) => attributes.map((a) => `  ${type}_${a}: \${the-${type}.${a}}\n`))
      .join("");
    const { graph } = lowerInline(`components:
  the-network:
    type: network
    cidr: 10.20.0.0/16
  the-bucket:
    type: bucket
  the-database:
    type: database
    engine: postgres
    network: \${the-network}
  the-vm:
    type: vm
    network: \${the-network}
  the-queue:
    type: queue
  the-secret:
    type: secret
outputs:
${outputs}`);
    const expected = Object.values(COMPONENT_ATTRIBUTES).reduce((n, a) => n + a.length, 0);
    assert.equal(graph.outputs.length, expected);
    for (const output of graph.outputs) assert.notEqual(output.value, undefined, output.name);
    const value = (name: string) => graph.outputs.find((o) => o.name === name)?.value;
    assert.equal(value("database_port"), 5432);
    assert.equal(value("network_cidr"), "10.20.0.0/16");
    assertRef(value("vm_privateIp"), "azurerm_network_interface.the_vm", "private_ip_address");
    const queueUrl = value("queue_url");
    assert.ok(queueUrl instanceof Template);
    assertRef(queueUrl.parts[0], "azurerm_servicebus_namespace.the_queue", "endpoint");
    assertRef(queueUrl.parts[1], "azurerm_servicebus_queue.the_queue", "name");
    const secretId = value("secret_id");
    assert.ok(secretId instanceof Template);
    assert.deepEqual(secretId.parts.slice(1), ["secrets/the-secret"]);
    assertSchemaClean(graph);
  });

  it("lowers MySQL without a literal password: a sensitive write-only input", () => {
    const { graph } = lowerInline(`components:
${NETWORK}  db:
    type: database
    engine: mysql
    network: \${net}
outputs:
  endpoint: \${db.endpoint}
`);
    assertSchemaClean(graph);
    const server = only(graph, "azurerm_mysql_flexible_server");
    assert.equal(server.properties.public_network_access, "Disabled");
    assert.equal(server.properties.version, "8.0.21");
    assert.equal(server.properties.administrator_password, undefined);
    const password = server.properties.administrator_password_wo;
    assert.ok(password instanceof VarRef);
    assert.deepEqual(server.sensitive, [["administrator_password_wo"]]);
    const variable = graph.variables.find((v) => v.name === password.name);
    assert.equal(variable?.sensitive, true);
    assert.equal(variable?.default, undefined);
    assert.deepEqual(first(server.properties.storage), { size_gb: 20, auto_grow_enabled: true });
    const endpoint = first(only(graph, "azurerm_private_endpoint").properties.private_service_connection);
    assert.deepEqual(endpoint.subresource_names, ["mysqlServer"]);
    only(graph, "azurerm_mysql_flexible_database");
    const out = graph.outputs[0]?.value;
    assert.ok(out instanceof Template);
    assert.equal(out.parts[1], ":3306");
  });

  it("gives every subnet outbound access through a NAT gateway with one static address when asked", () => {
    const { graph, warnings } = lowerInline(`components:
  net:
    type: network
    cidr: 10.20.0.0/16
    nat: true
`);
    assertSchemaClean(graph);
    assert.deepEqual(warnings, []);
    const ip = only(graph, "azurerm_public_ip");
    assert.equal(ip.properties.sku, "Standard");
    assert.equal(ip.properties.allocation_method, "Static");
    const gateway = only(graph, "azurerm_nat_gateway");
    assert.equal(gateway.properties.sku_name, "Standard");
    const withIp = only(graph, "azurerm_nat_gateway_public_ip_association");
    assertRef(withIp.properties.nat_gateway_id, gateway.address, "id");
    assertRef(withIp.properties.public_ip_address_id, ip.address, "id");

    const subnets = nodesOf(graph, "azurerm_subnet").map((s) => s.address);
    const associations = nodesOf(graph, "azurerm_subnet_nat_gateway_association");
    assert.deepEqual(associations.map((a) => (a.properties.subnet_id as Ref).address).sort(), subnets.sort());
    for (const association of associations) {
      assertRef(association.properties.nat_gateway_id, gateway.address, "id");
      assert.deepEqual(association.dependsOn, [withIp.address], "served once the gateway has its address");
    }

    const closed = lowerInline(`components:\n${NETWORK}`).graph;
    for (const type of ["azurerm_public_ip", "azurerm_nat_gateway", "azurerm_subnet_nat_gateway_association"])
      assert.deepEqual(nodesOf(closed, type), [], type);
  });

  it("makes a public bucket readable by URL and expires its blobs, versions and snapshots", () => {
    const { graph, warnings } = lowerInline(`components:
  site:
    type: bucket
    public: true
    versioning: false
    expireAfterDays: 30
`);
    assertSchemaClean(graph);
    const account = only(graph, "azurerm_storage_account").properties;
    assert.equal(account.allow_nested_items_to_be_public, true);
    assert.equal(account.min_tls_version, "TLS1_2");
    assert.equal(first(account.blob_properties).versioning_enabled, false);
    assert.equal(only(graph, "azurerm_storage_container").properties.container_access_type, "blob");
    assert.deepEqual(warnings, []);
    const policy = only(graph, "azurerm_storage_management_policy").properties;
    assertRef(policy.storage_account_id, "azurerm_storage_account.site", "id");
    const rule = first(policy.rule);
    assert.equal(rule.enabled, true);
    assert.deepEqual(first(rule.filters).blob_types, ["blockBlob", "appendBlob"]);
    const actions = first(rule.actions);
    assert.deepEqual(actions.base_blob, [{ delete_after_days_since_modification_greater_than: 30 }]);
    assert.deepEqual(actions.version, [{ delete_after_days_since_creation: 30 }]);
    assert.deepEqual(actions.snapshot, [{ delete_after_days_since_creation_greater_than: 30 }]);

    const kept = lowerInline("components:\n  site:\n    type: bucket\n").graph;
    assert.deepEqual(nodesOf(kept, "azurerm_storage_management_policy"), []);
  });

  it("keeps storage account names within 24 lowercase letters and digits", () => {
    const { graph } = lowerInline(`components:
  customer-uploads-with-a-long-name:
    type: bucket
`);
    assert.match(only(graph, "azurerm_storage_account").properties.name as string, /^[a-z0-9]{3,24}$/);
  });

  it("orders a FIFO queue with sessions and clamps long locks to 5 minutes", () => {
    const { graph, warnings } = lowerInline(`components:
  orders:
    type: queue
    fifo: true
    visibilityTimeoutSeconds: 900
`);
    assertSchemaClean(graph);
    const queue = only(graph, "azurerm_servicebus_queue").properties;
    assert.equal(queue.requires_session, true);
    assert.equal(queue.lock_duration, "PT300S");
    assert.equal(queue.default_message_ttl, "P4D");
    assert.equal(queue.max_delivery_count, undefined);
    assert.ok(warnings.some((w) => /locks messages for 300 seconds/.test(w.message)));
  });

  it("refuses high availability on a burstable (small) server", () => {
    assert.throws(
      () =>
        lowerInline(
          `environments:
  prod: {}
components:
${NETWORK}  db:
    type: database
    engine: postgres
    size: small
    network: \${net}
`,
          "prod",
        ),
      (error: unknown) => error instanceof InvalidSpecError && /high availability/.test(error.message),
    );
  });

  it("gives every ingress rule of a network a unique priority, counted per network", () => {
    const { graph } = lowerInline(`components:
${NETWORK}  other:
    type: network
    cidr: 10.30.0.0/16
  web:
    type: vm
    network: \${net}
    ingress:
      - port: 443
        cidr: 10.20.0.0/16
      - port: 8000
        toPort: 8080
        protocol: udp
        cidr: 10.20.0.0/16
  worker:
    type: vm
    network: \${net}
    ingress:
      - port: 9000
        cidr: 10.20.0.0/16
  lonely:
    type: vm
    network: \${other}
    subnet: public-b
    image: Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest
    ingress:
      - port: 22
        cidr: 10.30.0.0/16
`);
    assertSchemaClean(graph);
    const rules = nodesOf(graph, "azurerm_network_security_rule").filter(
      (r) => r.properties.access === "Allow",
    );
    const onNet = rules.filter((r) =>
      (r.properties.network_security_group_name as Ref).address.endsWith(".net"),
    );
    const priorities = onNet.map((r) => r.properties.priority);
    assert.equal(new Set(priorities).size, 3);
    const range = rules.find((r) => r.address === "azurerm_network_security_rule.web_ingress_2");
    assert.equal(range?.properties.destination_port_range, "8000-8080");
    assert.equal(range?.properties.protocol, "Udp");
    const lonely = rules.find((r) => r.address === "azurerm_network_security_rule.lonely_ingress_1");
    assert.equal(lonely?.properties.priority, 100);

    const vm = graph.nodes.find((n) => n.address === "azurerm_linux_virtual_machine.lonely");
    assert.deepEqual(vm?.properties.source_image_reference, [
      {
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-jammy",
        sku: "22_04-lts-gen2",
        version: "latest",
      },
    ]);
    assert.equal(vm?.properties.patch_mode, undefined);
    assert.equal(vm?.properties.custom_data, undefined);
    assert.equal(vm?.properties.zone, "2");
    const nic = graph.nodes.find((n) => n.address === "azurerm_network_interface.lonely");
    assertRef(first(nic?.properties.ip_configuration).subnet_id, "azurerm_subnet.other_public_b", "id");
  });

  it("refuses an image that is neither a URN nor an image ID", () => {
    assert.throws(
      () =>
        lowerInline(`components:
${NETWORK}  web:
    type: vm
    network: \${net}
    image: ubuntu-latest
`),
      (error: unknown) =>
        error instanceof InvalidSpecError && /neither an Azure image ID/.test(error.message),
    );
  });

  it("merges a resource's own tags over its component's, those over the app's, and keeps plinth's own", () => {
    const { graph } = lowerInline(`tags:
  team: web
  owner: platform
components:
  jobs:
    type: queue
    tags:
      team: batch
      plinth:app: forged
  egress:
    type: native
    resource: azurerm_public_ip
    tags:
      team: network
    properties:
      name: egress
      resource_group_name: rg
      location: westeurope
      allocation_method: Static
      tags:
        owner: ops
        plinth:env: forged
`);
    const tags = only(graph, "azurerm_servicebus_namespace").properties.tags as Record<string, string>;
    assert.equal(tags.team, "batch");
    assert.equal(tags.owner, "platform");
    assert.equal(tags["plinth:app"], "shop");
    assert.equal(tags["plinth:address"], "azurerm_servicebus_namespace.jobs");
    // Queues take no tags of their own on Azure.
    assert.equal(only(graph, "azurerm_servicebus_queue").properties.tags, undefined);
    assert.deepEqual(only(graph, "azurerm_public_ip").properties.tags, {
      team: "network",
      owner: "ops",
      "plinth:app": "shop",
      "plinth:env": "default",
      "plinth:address": "azurerm_public_ip.egress",
    });
  });

  it("lowers the same spec for Azure when another cloud is declared", () => {
    const text = `apiVersion: plinth/v1\napp: shop\ncloud: aws\nregion: us-east-1\ncomponents:\n  files:\n    type: bucket\n`;
    const { spec } = resolveEnvironment(parseSpec(text, "plinth.yaml"), { cloud: "azure", schemas });
    const { graph } = lowerSpec(spec, { schemas });
    assert.equal(graph.region, "eastus");
    assert.equal(only(graph, "azurerm_resource_group").properties.location, "eastus");
  });
});

describe("Azure database name resolution, administration and deletion protection", () => {
  const DATABASES = `components:
${NETWORK}  other:
    type: network
    cidr: 10.30.0.0/16
  db:
    type: database
    engine: postgres
    size: medium
    network: \${net}
  db2:
    type: database
    engine: postgres
    size: medium
    network: \${other}
  legacy:
    type: database
    engine: mysql
    size: medium
    network: \${net}
`;

  it("resolves each server's name to its private endpoint inside the networks of its engine's servers", () => {
    const { graph } = lowerInline(DATABASES);
    assertSchemaClean(graph);
    const zones = nodesOf(graph, "azurerm_private_dns_zone");
    assert.deepEqual(
      zones.map((z) => [z.address, z.properties.name]),
      [
        ["azurerm_private_dns_zone.mysql", "privatelink.mysql.database.azure.com"],
        ["azurerm_private_dns_zone.postgres", "privatelink.postgres.database.azure.com"],
      ],
    );
    for (const zone of zones)
      assertRef(zone.properties.resource_group_name, "azurerm_resource_group.main", "name");

    const links = nodesOf(graph, "azurerm_private_dns_zone_virtual_network_link");
    // References print as `address.path`; a literal in their place would print without one.
    assert.deepEqual(
      links.map((l) => [`${l.properties.private_dns_zone_name}`, `${l.properties.virtual_network_id}`]),
      [
        ["azurerm_private_dns_zone.mysql.name", "azurerm_virtual_network.net.id"],
        ["azurerm_private_dns_zone.postgres.name", "azurerm_virtual_network.net.id"],
        ["azurerm_private_dns_zone.postgres.name", "azurerm_virtual_network.other.id"],
      ],
    );
    for (const link of links) {
      assert.ok(link.properties.private_dns_zone_name instanceof Ref);
      assert.ok(link.properties.virtual_network_id instanceof Ref);
      assert.equal(link.properties.registration_enabled, false);
    }

    for (const [db, zone] of [
      ["db", "postgres"],
      ["db2", "postgres"],
      ["legacy", "mysql"],
    ]) {
      const endpoint = graph.nodes.find((n) => n.address === `azurerm_private_endpoint.${db}`);
      const group = first(endpoint?.properties.private_dns_zone_group);
      assert.deepEqual(group.private_dns_zone_ids, [new Ref(`azurerm_private_dns_zone.${zone}`, ["id"])], db);
    }
  });

  it("makes the principal the inputs name administrator of every PostgreSQL server; a group by default", () => {
    const { graph } = lowerInline(DATABASES);
    const admins = nodesOf(graph, "azurerm_postgresql_flexible_server_active_directory_administrator");
    assert.deepEqual(
      admins.map((a) => [a.address, `${a.properties.server_name}`]),
      [
        [
          "azurerm_postgresql_flexible_server_active_directory_administrator.db",
          "azurerm_postgresql_flexible_server.db.name",
        ],
        [
          "azurerm_postgresql_flexible_server_active_directory_administrator.db2",
          "azurerm_postgresql_flexible_server.db2.name",
        ],
      ],
    );
    for (const admin of admins) {
      assert.ok(admin.properties.server_name instanceof Ref);
      assertRef(admin.properties.resource_group_name, "azurerm_resource_group.main", "name");
      const inputs = ["tenant_id", "object_id", "principal_name", "principal_type"].map(
        (key) => (admin.properties[key] as VarRef).name,
      );
      assert.deepEqual(inputs, [
        "azure_tenant_id",
        "azure_db_admin_object_id",
        "azure_db_admin_name",
        "azure_db_admin_type",
      ]);
    }
    const type = graph.variables.find((v) => v.name === "azure_db_admin_type");
    assert.equal(type?.default, "Group");
    assert.equal(graph.variables.find((v) => v.name === "azure_db_admin_object_id")?.default, undefined);
  });

  it("locks protected servers against deletion, after (and so removed before) their other resources", () => {
    const protectedDb = DATABASES.replace(
      "    size: medium\n    network: ${other}\n",
      "    size: medium\n    network: ${other}\n    deletionProtection: true\n",
    );
    const { graph } = lowerInline(protectedDb);
    const locks = nodesOf(graph, "azurerm_management_lock");
    assert.equal(locks.length, 1, "dev protects only what asks for it");
    const lock = locks[0] as ResourceNode;
    assertRef(lock.properties.scope, "azurerm_postgresql_flexible_server.db2", "id");
    assert.equal(lock.properties.lock_level, "CanNotDelete");
    assert.deepEqual([...lock.dependsOn].sort(), [
      "azurerm_postgresql_flexible_server_active_directory_administrator.db2",
      "azurerm_postgresql_flexible_server_database.db2",
      "azurerm_private_endpoint.db2",
    ]);

    const prod = lowerInline(
      `environments:\n  prod: {}\n${DATABASES}  files:\n    type: bucket\n`,
      "prod",
    ).graph;
    assertSchemaClean(prod);
    const scopes = nodesOf(prod, "azurerm_management_lock").map((l) => (l.properties.scope as Ref).address);
    assert.deepEqual(scopes, [
      "azurerm_postgresql_flexible_server.db",
      "azurerm_postgresql_flexible_server.db2",
      "azurerm_storage_account.files",
      "azurerm_mysql_flexible_server.legacy",
    ]);
    const account = prod.nodes.find((n) => n.address === "azurerm_management_lock.files");
    assert.deepEqual(account?.dependsOn, ["azurerm_storage_container.files"]);

    const unprotected = lowerInline(
      `environments:\n  prod: {}\n${DATABASES.replaceAll("    size: medium\n", "    size: medium\n    deletionProtection: false\n")}`,
      "prod",
    ).graph;
    assert.deepEqual(nodesOf(unprotected, "azurerm_management_lock"), []);
  });
});

describe("Azure VM access to secrets", () => {
  it("lets a VM's identity read exactly the secrets its env names", () => {
    const { graph } = lowerInline(`components:
${NETWORK}  api-key:
    type: secret
  unused:
    type: secret
  web:
    type: vm
    network: \${net}
    env:
      API_KEY_SECRET: \${api-key.id}
  worker:
    type: vm
    network: \${net}
`);
    assertSchemaClean(graph);
    const grant = only(graph, "azurerm_role_assignment");
    assert.equal(grant.address, "azurerm_role_assignment.web_api_key");
    assertRef(grant.properties.scope, "azurerm_key_vault.api_key", "id");
    assert.equal(grant.properties.role_definition_name, "Key Vault Secrets User");
    assertRef(
      grant.properties.principal_id,
      "azurerm_linux_virtual_machine.web",
      "identity",
      0,
      "principal_id",
    );
    assert.equal(grant.properties.principal_type, "ServicePrincipal");
  });
});

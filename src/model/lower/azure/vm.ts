import { zoneOf } from "../../../catalog/regions.ts";
import { SIZES } from "../../../catalog/sizes.ts";
import type { IngressRule, VmComponent } from "../../../spec/types.ts";
import { Encoded, type Value } from "../../value.ts";
import { type LoweredComponent, type LoweringContext, type NetworkInfo, subnetFor } from "../context.ts";
import { envScript } from "../env-script.ts";
import { referencedResources } from "../referenced-resources.ts";
import { placement } from "./resource-group.ts";
import { nextPriority } from "./security-rule.ts";

/** Ubuntu 24.04 LTS, a generation 2 image, as trusted launch (secure boot, vTPM) requires. */
const DEFAULT_IMAGE = { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" };
/** Azure refuses an OS disk smaller than the image's, which is 30 GB for Ubuntu. */
const DEFAULT_IMAGE_DISK_GB = 30;
const ADMIN_USERNAME = "plinth";

/**
 * Linux VM with a private IP only: trusted launch (secure boot, vTPM), encryption at host, a managed
 * identity instead of stored credentials, SSH keys only (Azure requires a key or a password; the key's
 * public half is an input), Azure-managed patching of the default image, and the component's env written
 * at boot. Its ingress becomes allow rules for its own address on the network's security group, which
 * otherwise denies traffic inside the network. Its identity may read the secrets its env names (Key Vault
 * Secrets User on each one's vault) and nothing else.
 */
export function lowerAzureVm(vm: VmComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(vm);
  const where = placement(ctx);
  const network = ctx.network(vm.props.network);
  const subnet = subnetFor(network, vm.props.subnet);

  const nic = ctx.add(vm, "azurerm_network_interface", name, {
    name: ctx.physicalName(vm, { max: 80 }, "nic"),
    ...where,
    ip_forwarding_enabled: false,
    // No public_ip_address_id: the VM is reached through the network only.
    ip_configuration: [
      { name: "internal", subnet_id: subnet?.id ?? null, private_ip_address_allocation: "Dynamic" },
    ],
  });
  const privateIp = ctx.ref(nic, "private_ip_address");

  const userData = envScript(ctx.value(vm.props.env ?? {}) as Record<string, never>);
  const instance = ctx.add(
    vm,
    "azurerm_linux_virtual_machine",
    name,
    {
      name: ctx.physicalName(vm, { max: 64 }),
      ...where,
      size: SIZES.azure.vm[vm.props.size ?? "small"],
      ...(subnet ? { zone: zoneOf("azure", ctx.region, subnet.zone) } : {}),
      network_interface_ids: [ctx.ref(nic, "id")],
      admin_username: ADMIN_USERNAME,
      disable_password_authentication: true,
      admin_ssh_key: [{ username: ADMIN_USERNAME, public_key: sshPublicKey(ctx) }],
      encryption_at_host_enabled: true,
      secure_boot_enabled: true,
      vtpm_enabled: true,
      identity: [{ type: "SystemAssigned" }],
      // Serial console and screenshots, kept in a storage account Azure manages.
      boot_diagnostics: [{}],
      os_disk: [osDisk(vm)],
      ...image(vm, ctx),
      ...(userData ? { custom_data: new Encoded("base64", userData) } : {}),
    },
    // The env may name secrets' locations; the provider treats custom_data as sensitive too.
    { sensitive: userData ? [["custom_data"]] : [] },
  );

  (vm.props.ingress ?? []).forEach((rule, index) => {
    allowIngress(vm, ctx, network, rule, index, privateIp);
  });
  for (const { component, address } of referencedResources(ctx, vm, "secret", "azurerm_key_vault")) {
    ctx.add(vm, "azurerm_role_assignment", ctx.localName(vm, component.name), {
      scope: ctx.ref(address, "id"),
      role_definition_name: "Key Vault Secrets User",
      principal_id: ctx.ref(instance, "identity", 0, "principal_id"),
      // Declaring the type spares Azure a directory lookup that fails while a new identity replicates.
      principal_type: "ServicePrincipal",
      description: `VM ${vm.name} reads secret ${component.name}`,
    });
  }

  return { attributes: { id: ctx.ref(instance, "id"), privateIp } };
}

function sshPublicKey(ctx: LoweringContext): Value {
  return ctx.variable({
    name: "ssh_public_key",
    type: "string",
    description: "SSH public key (OpenSSH format) of the administrator of the Azure VMs",
  });
}

function osDisk(vm: VmComponent): Record<string, Value> {
  // A custom image brings its own disk size unless diskGb says otherwise.
  const size = vm.props.image ? vm.props.diskGb : Math.max(vm.props.diskGb ?? 0, DEFAULT_IMAGE_DISK_GB);
  return {
    caching: "ReadWrite",
    storage_account_type: "Premium_LRS",
    ...(size !== undefined ? { disk_size_gb: size } : {}),
  };
}

/**
 * The default image with platform-managed patching, or the spec's: an image resource ID (`/subscriptions/…`)
 * or a Marketplace URN (`publisher:offer:sku:version`). Other images may not support automatic patching.
 */
function image(vm: VmComponent, ctx: LoweringContext): Record<string, Value> {
  const spec = vm.props.image;
  if (spec === undefined) {
    return {
      source_image_reference: [DEFAULT_IMAGE],
      patch_mode: "AutomaticByPlatform",
      patch_assessment_mode: "AutomaticByPlatform",
    };
  }
  if (spec.startsWith("/")) return { source_image_id: spec };
  const [publisher, offer, sku, version, ...rest] = spec.split(":");
  if (publisher && offer && sku && version && rest.length === 0) {
    return { source_image_reference: [{ publisher, offer, sku, version }] };
  }
  ctx.error(
    `The VM \`${vm.name}\` image \`${spec}\` is neither an Azure image ID nor a Marketplace URN.`,
    ctx.spec.sources.value(`${vm.pointer}/image`),
    "Use `publisher:offer:sku:version` (e.g. Canonical:ubuntu-24_04-lts:server:latest) or `/subscriptions/…/images/…`.",
  );
  return { source_image_id: spec };
}

/** One allow rule for the VM's own address, on its network's security group. */
function allowIngress(
  vm: VmComponent,
  ctx: LoweringContext,
  network: NetworkInfo,
  rule: IngressRule,
  index: number,
  privateIp: Value,
): void {
  const priority = nextPriority(ctx, network.component);
  if (priority === undefined) {
    ctx.error(
      `The network \`${network.component}\` has more ingress rules than its Azure security group can hold.`,
      ctx.spec.sources.value(`${vm.pointer}/ingress/${index}`),
      "Merge rules into port ranges, or split the VMs over several networks.",
    );
    return;
  }
  const last = rule.toPort ?? rule.port;
  const protocol = rule.protocol ?? "tcp";
  ctx.add(vm, "azurerm_network_security_rule", ctx.localName(vm, `ingress_${index + 1}`), {
    name: `${vm.name}-ingress-${index + 1}`,
    description: `${protocol} ${last === rule.port ? rule.port : `${rule.port}-${last}`} to VM ${vm.name} from ${rule.cidr}`,
    resource_group_name: placement(ctx).resource_group_name,
    network_security_group_name: network.handles.securityGroupName ?? null,
    priority,
    direction: "Inbound",
    access: "Allow",
    protocol: protocol === "tcp" ? "Tcp" : "Udp",
    source_address_prefix: rule.cidr,
    source_port_range: "*",
    destination_address_prefix: privateIp,
    destination_port_range: last === rule.port ? String(rule.port) : `${rule.port}-${last}`,
  });
}

import { zoneOf } from "../../../catalog/regions.ts";
import { SIZES } from "../../../catalog/sizes.ts";
import type { IngressRule, VmComponent } from "../../../spec/types.ts";
import type { Value } from "../../value.ts";
import { type LoweredComponent, type LoweringContext, subnetFor } from "../context.ts";
import { envScript } from "../env-script.ts";
import { enableApi } from "./project.ts";
import { grantVmAccess } from "./vm-access.ts";

/** Debian 12, resolved by Compute Engine to the family's newest image when the disk is created. */
const DEFAULT_IMAGE = "debian-cloud/debian-12";
const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

/**
 * Compute Engine instance without an external IP, running as its own service account with only the
 * roles its spec implies (vm-access.ts; nothing inherited from the default compute account), Shielded
 * VM, OS Login instead of metadata SSH keys, serial console off, and a firewall rule per declared
 * ingress. A custom network denies all other ingress; admins reach the VM through IAP by declaring
 * ingress from 35.235.240.0/20 on port 22.
 */
export function lowerGcpVm(vm: VmComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(vm);
  const network = ctx.network(vm.props.network);
  const subnet = subnetFor(network, vm.props.subnet);
  // Network tags select the instance in firewall rules; one per VM keeps rules from reaching others.
  const tag = ctx.physicalName(vm, { max: 63 });

  const account = ctx.add(
    vm,
    "google_service_account",
    name,
    {
      // 6 to 30 characters; the suffix keeps even the shortest names long enough.
      account_id: ctx.physicalName(vm, { max: 30 }, "vm"),
      display_name: `${vm.name} VM`,
      description: `Identity of VM ${vm.name} of ${ctx.spec.app} (${ctx.spec.env})`,
    },
    { dependsOn: [enableApi(ctx, "iam")] },
  );

  const instanceAddress = `google_compute_instance.${name}`;
  const startupScript = envScript(ctx.value(vm.props.env ?? {}) as Record<string, never>);
  const instance = ctx.add(vm, "google_compute_instance", name, {
    name: ctx.physicalName(vm, { max: 63 }),
    zone: zoneOf("gcp", ctx.region, subnet?.zone ?? "a"),
    machine_type: SIZES.gcp.vm[vm.props.size ?? "small"],
    // A new size needs the instance stopped; without this the change fails instead of applying.
    allow_stopping_for_update: true,
    tags: [tag],
    boot_disk: [
      {
        auto_delete: true,
        initialize_params: [
          {
            image: vm.props.image ?? DEFAULT_IMAGE,
            size: vm.props.diskGb ?? 20,
            type: "pd-balanced",
            labels: ctx.tagsFor(instanceAddress, vm),
          },
        ],
      },
    ],
    // No access_config: the instance gets no external IP; outbound traffic goes through Cloud NAT.
    network_interface: [{ subnetwork: subnet?.id ?? null }],
    shielded_instance_config: [
      { enable_secure_boot: true, enable_vtpm: true, enable_integrity_monitoring: true },
    ],
    metadata: {
      "block-project-ssh-keys": "true",
      "enable-oslogin": "TRUE",
      "serial-port-enable": "false",
      // In metadata rather than metadata_startup_script, a changed env updates the instance in place;
      // the script runs at every boot.
      ...(startupScript ? { "startup-script": startupScript } : {}),
    },
    service_account: [{ email: ctx.ref(account, "email"), scopes: [CLOUD_PLATFORM_SCOPE] }],
  });
  grantVmAccess(vm, ctx, account);

  (vm.props.ingress ?? []).forEach((rule, index) => {
    ctx.add(vm, "google_compute_firewall", ctx.localName(vm, `ingress_${index + 1}`), {
      name: ctx.physicalName(vm, { max: 63 }, `ingress-${index + 1}`),
      network: network.id,
      direction: "INGRESS",
      priority: 1000,
      source_ranges: [rule.cidr],
      target_tags: [tag],
      allow: [allowed(rule)],
      log_config: [{ metadata: "INCLUDE_ALL_METADATA" }],
    });
  });

  return {
    attributes: {
      id: ctx.ref(instance, "id"),
      privateIp: ctx.ref(instance, "network_interface", 0, "network_ip"),
    },
  };
}

function allowed(rule: IngressRule): Record<string, Value> {
  const last = rule.toPort ?? rule.port;
  return {
    protocol: rule.protocol ?? "tcp",
    ports: [last === rule.port ? String(rule.port) : `${rule.port}-${last}`],
  };
}

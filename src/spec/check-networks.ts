import type { Cloud } from "../model/graph.ts";
import { type Cidr, contains, formatCidr, isAnywhere, overlaps, parseCidr, subnetOf } from "./cidr.ts";
import type { DiagnosticBag } from "./diagnostics.ts";
import { pointerOf, type SourceMap } from "./source-map.ts";
import { didYouMean } from "./suggest.ts";
import type { Component, NetworkComponent, SubnetSpec, VmComponent } from "./types.ts";

/** Ports that must never be open to the whole internet: SSH and RDP. */
const ADMIN_PORTS: ReadonlyArray<[number, string]> = [
  [22, "SSH"],
  [3389, "RDP"],
];

/** Smallest and largest network each cloud accepts (AWS VPCs are /16 to /28). */
const NETWORK_PREFIX: Readonly<Record<Cloud, [number, number]>> = {
  aws: [16, 28],
  gcp: [8, 29],
  azure: [8, 29],
};

/**
 * The subnets a network gets when it declares none: two private and two public, each a sixteenth of
 * the network, in zones a and b. Returns undefined when the network is too small to split.
 */
export function defaultSubnets(cidr: Cidr): Record<string, SubnetSpec> | undefined {
  const prefix = cidr.prefix + 4;
  if (prefix > 28) return undefined;
  const at = (index: number) => formatCidr(subnetOf(cidr, prefix, index));
  return {
    "private-a": { cidr: at(0), zone: "a" },
    "private-b": { cidr: at(1), zone: "b" },
    "public-a": { cidr: at(2), public: true, zone: "a" },
    "public-b": { cidr: at(3), public: true, zone: "b" },
  };
}

/**
 * CIDRs are valid networks, subnets lie inside their network without overlapping, default subnets are
 * filled in, and no VM opens SSH or RDP to the internet.
 */
export function checkNetworks(
  components: Component[],
  cloud: Cloud,
  sources: SourceMap,
  bag: DiagnosticBag,
): void {
  const networks = components.filter((c): c is NetworkComponent => c.type === "network");
  const parsed = new Map<string, Cidr>();
  for (const network of networks) {
    const cidrPointer = `${network.pointer}/cidr`;
    const result = parseCidr(network.props.cidr);
    if (!result.ok) {
      bag.error(
        `The network \`${network.name}\` CIDR \`${network.props.cidr}\` ${result.reason}.`,
        sources.value(cidrPointer),
      );
      continue;
    }
    const [largest, smallest] = NETWORK_PREFIX[cloud];
    if (result.cidr.prefix < largest || result.cidr.prefix > smallest) {
      bag.error(
        `The network \`${network.name}\` CIDR \`${network.props.cidr}\` must be between /${largest} and /${smallest} on ${cloud}.`,
        sources.value(cidrPointer),
      );
      continue;
    }
    parsed.set(network.name, result.cidr);
    for (const other of networks) {
      const otherCidr = parsed.get(other.name);
      if (other !== network && otherCidr && overlaps(otherCidr, result.cidr)) {
        bag.warn(
          `The networks \`${other.name}\` and \`${network.name}\` overlap (${other.props.cidr}, ${network.props.cidr}); they cannot be peered.`,
          sources.value(cidrPointer),
        );
      }
    }
    if (!network.props.subnets) {
      const defaults = defaultSubnets(result.cidr);
      if (!defaults) {
        bag.error(
          `The network \`${network.name}\` (${network.props.cidr}) is too small for default subnets.`,
          sources.value(cidrPointer),
          "Declare `subnets:` explicitly.",
        );
        continue;
      }
      network.props.subnets = defaults;
    } else checkSubnets(network, result.cidr, sources, bag);
  }

  for (const vm of components.filter((c): c is VmComponent => c.type === "vm")) {
    checkIngress(vm, sources, bag);
    const network = networks.find((n) => n.name === vm.props.network.component);
    if (vm.props.subnet && network?.props.subnets && !(vm.props.subnet in network.props.subnets)) {
      const names = Object.keys(network.props.subnets);
      bag.error(
        `The VM \`${vm.name}\` names subnet \`${vm.props.subnet}\`, which network \`${network.name}\` does not have.${didYouMean(vm.props.subnet, names)}`,
        sources.value(`${vm.pointer}/subnet`),
        `Subnets: ${names.join(", ")}.`,
      );
    }
  }
}

function checkSubnets(network: NetworkComponent, cidr: Cidr, sources: SourceMap, bag: DiagnosticBag): void {
  const seen: Array<[string, Cidr]> = [];
  for (const [name, subnet] of Object.entries(network.props.subnets ?? {})) {
    const at = sources.value(pointerOf(["components", network.name, "subnets", name, "cidr"]));
    const result = parseCidr(subnet.cidr);
    if (!result.ok) {
      bag.error(`The subnet \`${network.name}.${name}\` CIDR \`${subnet.cidr}\` ${result.reason}.`, at);
      continue;
    }
    if (!contains(cidr, result.cidr)) {
      bag.error(
        `The subnet \`${network.name}.${name}\` (${subnet.cidr}) is outside its network (${network.props.cidr}).`,
        at,
      );
      continue;
    }
    if (result.cidr.prefix > 28) {
      bag.error(
        `The subnet \`${network.name}.${name}\` (${subnet.cidr}) is smaller than /28, the smallest every cloud accepts.`,
        at,
      );
      continue;
    }
    const clash = seen.find(([, other]) => overlaps(other, result.cidr));
    if (clash) {
      bag.error(
        `The subnets \`${network.name}.${clash[0]}\` and \`${network.name}.${name}\` overlap (${formatCidr(clash[1])} and ${subnet.cidr}).`,
        at,
      );
      continue;
    }
    seen.push([name, result.cidr]);
  }
}

function checkIngress(vm: VmComponent, sources: SourceMap, bag: DiagnosticBag): void {
  (vm.props.ingress ?? []).forEach((rule, index) => {
    const pointer = `${vm.pointer}/ingress/${index}`;
    const last = rule.toPort ?? rule.port;
    if (last < rule.port) {
      bag.error(
        `The VM \`${vm.name}\` ingress rule ${index + 1} ends (toPort ${last}) before it starts (port ${rule.port}).`,
        sources.value(pointer),
      );
    }
    if (!isAnywhere(rule.cidr)) {
      const result = parseCidr(rule.cidr);
      if (!result.ok)
        bag.error(
          `The VM \`${vm.name}\` ingress CIDR \`${rule.cidr}\` ${result.reason}.`,
          sources.value(`${pointer}/cidr`),
        );
      return;
    }
    for (const [port, name] of ADMIN_PORTS) {
      if (rule.port <= port && port <= last) {
        bag.error(
          `The VM \`${vm.name}\` opens ${name} (port ${port}) to the whole internet (${rule.cidr}).`,
          sources.value(`${pointer}/cidr`),
          "Allow a specific CIDR, or reach the VM through the cloud's session manager instead.",
        );
      }
    }
  });
}

import type { Value } from "../../../model/value.ts";
import { describeUnresolved, isUnresolved, listOf, type ResourceView } from "../../resource-view.ts";
import { fail, pass, unknown } from "../../rule.ts";
import type { FrameworkMapping, Severity, Verdict } from "../../types.ts";
import { anyOf, type Tri } from "./tri.ts";

/** Ports a rule is about: one port, or every port (`all`). */
export type PortQuery = number | "all";

/** What the exposure rules of every cloud (security groups, firewalls, NSGs) are made of. */
export interface ExposureRuleOptions {
  id: string;
  title: string;
  /** What is exposed, for messages: `SSH (TCP 22)`, `every port`. */
  what: string;
  query: PortQuery;
  /** The port shown in remediation examples. */
  port: string;
  severity: Severity;
  frameworks: FrameworkMapping[];
  aliases: string[];
}

/** A source that is the whole internet: any `/0` range, and Azure's `*`, `Internet`, `Any`. */
export function isInternetSource(source: Value | undefined): Tri {
  if (isUnresolved(source)) return "unknown";
  if (typeof source !== "string") return "no";
  const s = source.trim().toLowerCase();
  return s.endsWith("/0") || s === "*" || s === "internet" || s === "any" || s === "0.0.0.0" ? "yes" : "no";
}

export function anyInternetSource(sources: Value | undefined): Tri {
  const list = listOf(sources);
  if (isUnresolved(list)) return "unknown";
  return anyOf(list.map(isInternetSource));
}

function toPort(value: Value | undefined): number | undefined | "unknown" {
  if (isUnresolved(value)) return "unknown";
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Whether the range from..to covers the queried port (for `all`: every port, 0/1–65535 or -1). */
export function rangeCovers(from: Value | undefined, to: Value | undefined, query: PortQuery): Tri {
  const low = toPort(from);
  const high = toPort(to ?? from);
  if (low === "unknown" || high === "unknown") return "unknown";
  if (low === undefined || high === undefined) return "no";
  if (query === "all") return (low <= 1 && high >= 65535) || (low === -1 && high === -1) ? "yes" : "no";
  if (low === -1 && high === -1) return "yes";
  return low <= query && query <= high ? "yes" : "no";
}

/** A port specification as Azure and GCP write it: `22`, `20-25`, `*`. */
export function portSpecCovers(spec: Value | undefined, query: PortQuery): Tri {
  if (isUnresolved(spec)) return "unknown";
  if (typeof spec === "number") return rangeCovers(spec, spec, query);
  if (typeof spec !== "string") return "no";
  const s = spec.trim();
  if (s === "*" || s === "0-65535" || s === "1-65535") return "yes";
  const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(s);
  if (!match) return "no";
  return rangeCovers(Number(match[1]), Number(match[2] ?? match[1]), query);
}

/** Whether a protocol carries the queried TCP port: TCP or every protocol. */
export function protocolCarriesTcp(protocol: Value | undefined): Tri {
  if (isUnresolved(protocol)) return "unknown";
  const p = String(protocol ?? "").toLowerCase();
  return p === "tcp" || p === "6" || p === "-1" || p === "all" || p === "*" ? "yes" : "no";
}

export function isAllProtocols(protocol: Value | undefined): Tri {
  if (isUnresolved(protocol)) return "unknown";
  const p = String(protocol ?? "").toLowerCase();
  return p === "-1" || p === "all" || p === "*" ? "yes" : "no";
}

/** Verdict for a resource from the exposure of its ingress permissions. */
export function exposureVerdict(exposed: Tri, what: string, attribute: string, why?: string): Verdict {
  if (exposed === "yes")
    return fail(`It admits ${what} from the whole internet (0.0.0.0/0 or ::/0).`, attribute);
  if (exposed === "unknown")
    return unknown(
      `Whether it admits ${what} from the internet is not known statically${why ? `: ${why}` : ""}.`,
      attribute,
    );
  return pass(`It does not admit ${what} from the internet.`, attribute);
}

type Get = (key: string) => Value | undefined;

/** Whether traffic of `protocol` to the ports `covered` decides reaches `query`; every protocol reaches every port. */
function reached(protocol: Value | undefined, covered: () => Tri, query: PortQuery): Tri {
  const all = isAllProtocols(protocol);
  if (all === "yes") return "yes";
  const carries = query === "all" ? "yes" : protocolCarriesTcp(protocol);
  if (carries === "no" && all === "no") return "no";
  const ports = covered();
  if (all === "no" && carries === "yes") return ports;
  // The protocol is not known: a range covering the port decides nothing either way.
  return query === "all" && ports === "yes" ? "yes" : "unknown";
}

/** Whether a protocol and port range (AWS's from_port/to_port) reach `query`. */
export function portsReached(
  protocol: Value | undefined,
  from: Value | undefined,
  to: Value | undefined,
  query: PortQuery,
): Tri {
  return reached(protocol, () => rangeCovers(from, to, query), query);
}

/** AWS: whether one SG permission (inline block, aws_security_group_rule) opens `query` to the internet. */
export function awsPermissionExposes(get: Get, query: PortQuery): Tri {
  const ports = portsReached(get("protocol") ?? get("ip_protocol"), get("from_port"), get("to_port"), query);
  if (ports === "no") return "no";
  const internet = anyOf([
    anyInternetSource(get("cidr_blocks")),
    anyInternetSource(get("ipv6_cidr_blocks")),
    anyInternetSource(get("cidr_ipv4")),
    anyInternetSource(get("cidr_ipv6")),
  ]);
  return combine(ports, internet);
}

/** yes only when both are yes; no when either is no. */
export function combine(a: Tri, b: Tri): Tri {
  if (a === "no" || b === "no") return "no";
  return a === "yes" && b === "yes" ? "yes" : "unknown";
}

/** Verdict for an AWS security group, SG rule or VPC SG ingress rule about `query` (22, 3389, all). */
export function awsIngressVerdict(resource: ResourceView, query: PortQuery, what: string): Verdict {
  if (resource.type === "aws_security_group" || resource.type === "aws_default_security_group") {
    const ingress = resource.blocks("ingress");
    if (isUnresolved(ingress))
      return unknown(
        `Its ingress rules are not known statically: ${describeUnresolved(ingress)}.`,
        "ingress",
      );
    const exposed = anyOf(ingress.map((p) => awsPermissionExposes((key) => p[key], query)));
    return exposureVerdict(exposed, what, "ingress");
  }
  if (resource.type === "aws_security_group_rule") {
    const direction = resource.get("type");
    if (isUnresolved(direction)) return unknown("Its direction (`type`) is not known statically.", "type");
    if (direction !== "ingress") return pass("It is an egress rule.", "type");
  }
  const attribute = resource.type === "aws_security_group_rule" ? "cidr_blocks" : "cidr_ipv4";
  return exposureVerdict(
    awsPermissionExposes((key) => resource.get(key), query),
    what,
    attribute,
  );
}

/** GCP: whether a google_compute_firewall admits `query` from the internet. */
export function gcpFirewallExposes(firewall: ResourceView, query: PortQuery): Tri {
  const direction = firewall.get("direction");
  if (isUnresolved(direction)) return "unknown";
  if (direction !== undefined && String(direction).toUpperCase() !== "INGRESS") return "no";
  const disabled = firewall.get("disabled");
  if (isUnresolved(disabled)) return "unknown";
  if (disabled === true) return "no";
  const allows = firewall.blocks("allow");
  if (isUnresolved(allows)) return "unknown";
  const ports = anyOf(
    allows.map((allow) =>
      reached(
        allow.protocol,
        () => {
          const list = listOf(allow.ports);
          if (isUnresolved(list)) return "unknown";
          // No ports listed means every port of the protocol.
          return list.length === 0 ? "yes" : anyOf(list.map((p) => portSpecCovers(p, query)));
        },
        query,
      ),
    ),
  );
  if (ports === "no") return "no";
  return combine(ports, anyInternetSource(firewall.get("source_ranges")));
}

/** Azure: whether an NSG rule (inline `security_rule` block or azurerm_network_security_rule) admits `query` from the internet. */
export function azureRuleExposes(get: Get, query: PortQuery, protocols: "tcp" | "udp" = "tcp"): Tri {
  const direction = get("direction");
  const access = get("access");
  if (isUnresolved(direction) || isUnresolved(access)) return "unknown";
  if (String(direction ?? "").toLowerCase() !== "inbound" || String(access ?? "").toLowerCase() !== "allow")
    return "no";
  const protocol = get("protocol");
  if (isUnresolved(protocol)) return "unknown";
  const p = String(protocol ?? "").toLowerCase();
  if (p !== "*" && p !== protocols) return "no";
  const ranges = [get("destination_port_range"), ...asList(get("destination_port_ranges"))];
  if (ranges.some(isUnresolved)) return "unknown";
  const ports = anyOf(
    ranges.filter((r) => r !== undefined && r !== null).map((r) => portSpecCovers(r, query)),
  );
  if (ports === "no") return "no";
  const sources = [get("source_address_prefix"), ...asList(get("source_address_prefixes"))];
  return combine(ports, anyOf(sources.filter((s) => s !== undefined && s !== null).map(isInternetSource)));
}

function asList(value: Value | undefined): Value[] {
  const list = listOf(value);
  return isUnresolved(list) ? [list] : list;
}

/** Verdict for an Azure NSG (inline rules) or an azurerm_network_security_rule. */
export function azureIngressVerdict(
  resource: ResourceView,
  query: PortQuery,
  what: string,
  protocol: "tcp" | "udp" = "tcp",
): Verdict {
  if (resource.type === "azurerm_network_security_group") {
    const rules = resource.blocks("security_rule");
    if (isUnresolved(rules))
      return unknown(
        `Its security rules are not known statically: ${describeUnresolved(rules)}.`,
        "security_rule",
      );
    const exposed = anyOf(rules.map((r) => azureRuleExposes((key) => r[key], query, protocol)));
    return exposureVerdict(exposed, what, "security_rule");
  }
  return exposureVerdict(
    azureRuleExposes((key) => resource.get(key), query, protocol),
    what,
    "source_address_prefix",
  );
}

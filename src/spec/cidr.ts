/** An IPv4 network: its first address as an unsigned 32-bit number and its prefix length. */
export interface Cidr {
  start: number;
  prefix: number;
}

const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const CIDR = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);

export type CidrResult = { ok: true; cidr: Cidr } | { ok: false; reason: string };

/** Parses `10.20.0.0/16`. Host bits must be zero: `10.20.0.1/16` names no network. */
export function parseCidr(text: string): CidrResult {
  const match = CIDR.exec(text);
  if (!match) return { ok: false, reason: "is not an IPv4 CIDR block like 10.0.0.0/16" };
  const address = match.slice(1, 5).reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const prefix = Number(match[5]);
  const start = address - (address % 2 ** (32 - prefix));
  if (start !== address) {
    return { ok: false, reason: `has host bits set; the network is ${formatCidr({ start, prefix })}` };
  }
  return { ok: true, cidr: { start, prefix } };
}

export function formatCidr({ start, prefix }: Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256);
  return `${octets.join(".")}/${prefix}`;
}

function size(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return (
    inner.prefix >= outer.prefix && inner.start >= outer.start && inner.start < outer.start + size(outer)
  );
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.start < b.start + size(b) && b.start < a.start + size(a);
}

/** The `index`-th subnet of `newPrefix` inside `cidr`. */
export function subnetOf(cidr: Cidr, newPrefix: number, index: number): Cidr {
  return { start: cidr.start + index * 2 ** (32 - newPrefix), prefix: newPrefix };
}

export function isAnywhere(text: string): boolean {
  return text === "0.0.0.0/0" || text === "::/0";
}

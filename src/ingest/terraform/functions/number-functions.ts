import type { Value } from "../../../model/value.ts";
import { asList, asNumber, asString, EvaluationError } from "../values.ts";
import { fn, type TerraformFunction } from "./function.ts";

const numbers = (args: Value[]) => {
  const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (list.length === 0) throw new EvaluationError("needs at least one number");
  return list.map((v) => asNumber(v));
};

interface Network {
  address: bigint;
  prefix: number;
  bits: 32 | 128;
}

function parseAddress(text: string): { address: bigint; bits: 32 | 128 } {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(text)) {
    const octets = text.split(".").map(Number);
    if (octets.some((o) => o > 255)) throw new EvaluationError(`\`${text}\` is not an IP address`);
    return { address: octets.reduce((acc, o) => (acc << 8n) + BigInt(o), 0n), bits: 32 };
  }
  if (text.includes(":")) {
    const [head = "", tail] = text.split("::");
    const left = head ? head.split(":") : [];
    const right = tail ? tail.split(":") : [];
    const missing = 8 - left.length - right.length;
    if ((tail === undefined && missing !== 0) || missing < 0)
      throw new EvaluationError(`\`${text}\` is not an IP address`);
    const groups = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right];
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g)))
      throw new EvaluationError(`\`${text}\` is not an IP address`);
    return {
      address: groups.reduce((acc, g) => (acc << 16n) + BigInt(Number.parseInt(g, 16)), 0n),
      bits: 128,
    };
  }
  throw new EvaluationError(`\`${text}\` is not an IP address`);
}

function parseNetwork(value: Value): Network {
  const text = asString(value, "prefix");
  const [address = "", prefix] = text.split("/");
  const parsed = parseAddress(address);
  const length = Number(prefix);
  if (prefix === undefined || !/^\d+$/.test(prefix) || length > parsed.bits)
    throw new EvaluationError(`\`${text}\` is not a CIDR prefix`);
  const hostBits = BigInt(parsed.bits - length);
  return { address: (parsed.address >> hostBits) << hostBits, prefix: length, bits: parsed.bits };
}

function formatAddress(address: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((address >> s) & 255n)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) =>
    ((address >> BigInt(112 - i * 16)) & 0xffffn).toString(16),
  );
  // The longest run of zero groups becomes `::`, as RFC 5952 prints addresses.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(":");
  return `${groups.slice(0, best.start).join(":")}::${groups.slice(best.start + best.length).join(":")}`;
}

function subnet(network: Network, newBits: number, number: number): string {
  const prefix = network.prefix + newBits;
  if (!Number.isInteger(newBits) || newBits < 0 || prefix > network.bits)
    throw new EvaluationError(`cannot extend the prefix /${network.prefix} by ${newBits} bits`);
  if (!Number.isInteger(number) || number < 0 || BigInt(number) >= 1n << BigInt(newBits))
    throw new EvaluationError(`the network number ${number} does not fit in ${newBits} bits`);
  const address = network.address | (BigInt(number) << BigInt(network.bits - prefix));
  return `${formatAddress(address, network.bits)}/${prefix}`;
}

function host(network: Network, number: number): string {
  const size = 1n << BigInt(network.bits - network.prefix);
  const n = BigInt(number);
  if (!Number.isInteger(number) || n >= size || -n > size)
    throw new EvaluationError(`the host number ${number} does not fit in the prefix /${network.prefix}`);
  return formatAddress(network.address + (n < 0n ? size + n : n), network.bits);
}

/** Numeric and IP network functions. */
export const numberFunctions: Record<string, TerraformFunction> = {
  min: fn([1, Number.POSITIVE_INFINITY], (args) => Math.min(...numbers(args))),
  max: fn([1, Number.POSITIVE_INFINITY], (args) => Math.max(...numbers(args))),
  abs: fn([1, 1], ([v]) => Math.abs(asNumber(v as Value))),
  ceil: fn([1, 1], ([v]) => Math.ceil(asNumber(v as Value))),
  floor: fn([1, 1], ([v]) => Math.floor(asNumber(v as Value))),
  signum: fn([1, 1], ([v]) => Math.sign(asNumber(v as Value))),
  pow: fn([2, 2], ([a, b]) => asNumber(a as Value) ** asNumber(b as Value)),
  log: fn([2, 2], ([a, b]) => Math.log(asNumber(a as Value)) / Math.log(asNumber(b as Value))),
  parseint: fn([2, 2], ([v, b]) => {
    const base = asNumber(b as Value);
    const text = asString(v as Value);
    const parsed = Number.parseInt(text, base);
    if (Number.isNaN(parsed) || !/^-?[0-9a-z]+$/i.test(text))
      throw new EvaluationError(`\`${text}\` is not a number in base ${base}`);
    return parsed;
  }),
  cidrsubnet: fn([3, 3], ([p, b, n]) =>
    subnet(parseNetwork(p as Value), asNumber(b as Value), asNumber(n as Value)),
  ),
  cidrsubnets: fn([2, Number.POSITIVE_INFINITY], ([p, ...bits]) => {
    const network = parseNetwork(p as Value);
    let next = network.address;
    return bits.map((b) => {
      const prefix = network.prefix + asNumber(b);
      if (prefix > network.bits)
        throw new EvaluationError(`cannot extend the prefix /${network.prefix} by ${asNumber(b)} bits`);
      const size = 1n << BigInt(network.bits - prefix);
      next = ((next + size - 1n) / size) * size;
      const result = `${formatAddress(next, network.bits)}/${prefix}`;
      next += size;
      return result;
    });
  }),
  cidrhost: fn([2, 2], ([p, n]) => host(parseNetwork(p as Value), asNumber(n as Value))),
  cidrnetmask: fn([1, 1], ([p]) => {
    const network = parseNetwork(p as Value);
    if (network.bits !== 32) throw new EvaluationError("cidrnetmask only takes IPv4 prefixes");
    return formatAddress(((1n << 32n) - 1n) ^ ((1n << BigInt(32 - network.prefix)) - 1n), 32);
  }),
  sum: fn([1, 1], ([l]) => asList(l as Value).reduce((acc: number, v) => acc + asNumber(v), 0)),
};

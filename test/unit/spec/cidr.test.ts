import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { contains, formatCidr, overlaps, parseCidr, subnetOf } from "../../../src/spec/cidr.ts";

const cidr = (text: string) => {
  const result = parseCidr(text);
  assert.ok(result.ok, text);
  return result.cidr;
};

test("parses, formats and rejects CIDR blocks", () => {
  assert.equal(formatCidr(cidr("10.20.0.0/16")), "10.20.0.0/16");
  assert.equal(formatCidr(cidr("0.0.0.0/0")), "0.0.0.0/0");
  for (const bad of [
    "10.20.0.0",
    "10.20.0.0/33",
    "256.0.0.0/8",
    "10.0.0.0/016",
    "a.b.c.d/8",
    " 10.0.0.0/8",
    "10.0.0.1/8",
  ]) {
    assert.equal(parseCidr(bad).ok, false, bad);
  }
});

test("containment and overlap", () => {
  assert.ok(contains(cidr("10.0.0.0/16"), cidr("10.0.255.0/24")));
  assert.ok(!contains(cidr("10.0.0.0/16"), cidr("10.1.0.0/24")));
  assert.ok(!contains(cidr("10.0.0.0/24"), cidr("10.0.0.0/16")));
  assert.ok(overlaps(cidr("10.0.0.0/24"), cidr("10.0.0.128/25")));
  assert.ok(!overlaps(cidr("10.0.0.0/25"), cidr("10.0.0.128/25")));
});

test("subnets carved from a network are inside it and pairwise disjoint", () => {
  fc.assert(
    fc.property(fc.integer({ min: 8, max: 24 }), fc.integer({ min: 0, max: 2 ** 24 - 1 }), (prefix, seed) => {
      const network = { start: (seed * 256) % 2 ** 32, prefix };
      network.start -= network.start % 2 ** (32 - prefix);
      const subnets = [0, 1, 2, 3].map((i) => subnetOf(network, prefix + 4, i));
      for (const [i, a] of subnets.entries()) {
        assert.ok(contains(network, a));
        for (const b of subnets.slice(i + 1)) assert.ok(!overlaps(a, b));
      }
    }),
  );
});

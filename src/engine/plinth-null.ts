import { createHash } from "node:crypto";
import { PLINTH_NULL } from "../catalog/builtin-types.ts";
import type { ResourceHandler } from "./resource-handler.ts";

/**
 * `plinth_null`: a resource that calls no cloud, like Terraform's `terraform_data`. It stores its
 * properties, exposes them as attributes and an `id`, and takes part in dependencies, plans and state
 * like any other resource: for engine tests, benchmarks and ordering hooks. Every property may change
 * in place except `triggers_replace`, whose change replaces it (a new `id`).
 */
export const plinthNull: ResourceHandler = {
  type: PLINTH_NULL,
  forceNew: ["triggers_replace"],
  external: false,
  async create(call) {
    const id = createHash("sha256").update(`${call.address}\n${call.token}`).digest("hex").slice(0, 16);
    return { id, outputs: { id } };
  },
  async read(call) {
    return { id: call.id, outputs: call.outputs };
  },
  async update(call) {
    return { id: call.id, outputs: call.outputs };
  },
  async delete() {},
};

import type { Component } from "../../../spec/types.ts";
import { type LoweringContext, toLabels } from "../context.ts";

/**
 * The labels `ctx.add` gives a resource with a top-level `labels` argument, for the places it cannot
 * reach: Cloud SQL's `settings.user_labels` and a boot disk's `initialize_params.labels`. Same tags, same
 * precedence, same sanitizing.
 */
export function labelsFor(
  ctx: LoweringContext,
  component: Component,
  address: string,
): Record<string, string> {
  return toLabels({
    ...ctx.spec.tags,
    ...component.tags,
    "plinth:app": ctx.spec.app,
    "plinth:env": ctx.spec.env,
    "plinth:address": address,
  });
}

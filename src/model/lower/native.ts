import { isBuiltinType } from "../../catalog/builtin-types.ts";
import { checkProperties } from "../../catalog/check-properties.ts";
import { normalizeBlocks } from "../../catalog/normalize-blocks.ts";
import { cloudOfType, PROVIDERS, typePrefix } from "../../catalog/provider-schemas.ts";
import { pointerOf } from "../../spec/source-map.ts";
import type { NativeComponent } from "../../spec/types.ts";
import type { Value } from "../value.ts";
import type { LoweredComponent, LoweringContext } from "./context.ts";

/**
 * Any Terraform resource type of the target cloud, its properties passed through. Types in plinth's
 * bundled provider schemas are checked (arguments, blocks, required values); others get a warning.
 * plinth's built-in types (`plinth_null`) belong to no cloud and take any properties.
 */
export function lowerNative(component: NativeComponent, ctx: LoweringContext): LoweredComponent {
  const type = component.props.resource;
  const typeAt = ctx.spec.sources.value(`${component.pointer}/resource`);
  const builtin = isBuiltinType(type);
  const typeCloud = cloudOfType(type);
  if (!builtin && typeCloud !== ctx.cloud) {
    ctx.error(
      `\`${type}\` is ${typeCloud ? `${typeCloud === "aws" ? "an" : "a"} ${typeCloud}` : "not a known provider's"} resource type; environment \`${ctx.spec.env}\` targets ${ctx.cloud}.`,
      typeAt,
      `Native types for ${ctx.cloud} start with \`${typePrefix(ctx.cloud)}\`.`,
    );
  }
  let properties = ctx.value(component.props.properties ?? {}) as Record<string, Value>;
  const block = ctx.schemas.resource(type);
  if (block) {
    properties = normalizeBlocks(properties, block);
    for (const problem of checkProperties(properties, block)) {
      if (problem.path[0] === "tags" || problem.path[0] === "labels") continue;
      const at = ctx.spec.sources.value(`${component.pointer}/properties${pointerOf(problem.path)}`);
      const message = `Component \`${component.name}\` (${type}): ${problem.message}.`;
      if (problem.severity === "error") ctx.error(message, at);
      else ctx.bag.warn(message, at);
    }
  } else if (!builtin && typeCloud === ctx.cloud) {
    ctx.bag.warn(
      `\`${type}\` is not in plinth's bundled ${PROVIDERS[ctx.cloud].source} ${PROVIDERS[ctx.cloud].version} schemas; its properties are passed through unchecked.`,
      typeAt,
    );
  }
  const address = ctx.add(component, type, ctx.localName(component), properties);
  return { attributes: {}, resource: address };
}

import type { Directive } from "../../model/graph.ts";
import { directivesFor } from "./directives.ts";
import type { Block, HclFile } from "./hcl/syntax.ts";
import {
  at,
  type Declared,
  hasLabels,
  type ModuleConfig,
  providerKey,
  type Warn,
  warnTopLevelArguments,
  warnUnknownBlock,
} from "./load-module.ts";
import { mergeBody } from "./merge-body.ts";
import { readTerraformBlock } from "./terraform-settings.ts";

/** A resource's `lifecycle` is merged argument by argument; other nested blocks are replaced. */
const LIFECYCLE: ReadonlySet<string> = new Set(["lifecycle"]);

/**
 * Merges one override file (`override.tf`, `*_override.tf`, or their `.tf.json` forms) into a module's
 * declarations, as Terraform does after reading the normal files: each block merges into the block of
 * the same type and labels (see `mergeBody`), each local replaces the local of its name, and the
 * `terraform` block's settings replace the original's one by one. What Terraform refuses (an override
 * with nothing to override, `depends_on` in an override, a `moved` block) is a warning, and is ignored.
 */
export function applyOverrideFile(config: ModuleConfig, hcl: HclFile, warn: Warn): void {
  const file = hcl.file;
  warnTopLevelArguments(hcl, warn);
  for (const block of hcl.body.blocks) {
    const location = at(file, block);
    const [first = "", second = ""] = block.labels;
    const missing = (what: string) =>
      warn(
        `There is no ${what} to merge this override into (Terraform refuses it); the block is ignored.`,
        location,
      );
    /** A resource, data source or module call with this block merged in, and its `plinth:` directives. */
    const withOverride = <T extends Declared & { directives: Directive[] }>(
      original: T,
      byArgument?: ReadonlySet<string>,
    ): T => ({
      ...original,
      block: mergeBlock(original.block, block, file, warn, byArgument),
      directives: [...original.directives, ...directivesFor(block, hcl)],
    });
    switch (block.type) {
      case "resource": {
        if (!hasLabels(block, warn, location)) break;
        const index = config.resources.findIndex((r) => r.type === first && r.name === second);
        const original = config.resources[index];
        if (original) config.resources[index] = withOverride(original, LIFECYCLE);
        else missing(`resource \`${first}.${second}\``);
        break;
      }
      case "data": {
        if (!hasLabels(block, warn, location)) break;
        const original = config.dataSources.get(`${first}.${second}`);
        if (original) config.dataSources.set(`${first}.${second}`, withOverride(original, LIFECYCLE));
        else missing(`data source \`data.${first}.${second}\``);
        break;
      }
      case "module": {
        if (!hasLabels(block, warn, location)) break;
        const index = config.moduleCalls.findIndex((m) => m.name === first);
        const original = config.moduleCalls[index];
        if (original) config.moduleCalls[index] = withOverride(original);
        else missing(`module \`${first}\``);
        break;
      }
      case "variable":
      case "output": {
        if (!hasLabels(block, warn, location)) break;
        const map = block.type === "variable" ? config.variables : config.outputs;
        const original = map.get(first);
        if (original) map.set(first, merged(original, block, file, warn));
        else missing(`${block.type} \`${first}\``);
        break;
      }
      case "locals":
        for (const attribute of block.body.attributes) {
          if (config.locals.has(attribute.name)) {
            const location = at(file, attribute);
            config.locals.set(attribute.name, { expression: attribute.expression, file, location });
          } else {
            warn(
              `There is no local value \`${attribute.name}\` to merge this override into (Terraform refuses it); it is ignored.`,
              at(file, attribute),
            );
          }
        }
        break;
      case "provider": {
        const key = providerKey(block);
        const index = config.providers.findIndex((p) => p.key === key);
        const original = config.providers[index];
        // A default configuration may be overridden without one written: Terraform takes the absent one as empty.
        if (original) config.providers[index] = { ...merged(original, block, file, warn), key };
        else if (!key.includes(".")) config.providers.push({ block, file, location, key });
        else missing(`provider configuration \`${key}\``);
        break;
      }
      case "terraform":
        readTerraformBlock(config.terraform, block, file, true);
        break;
      case "moved":
        warn("Terraform does not allow a `moved` block in an override file; it is ignored.", location);
        break;
      default:
        warnUnknownBlock(block, warn, location);
    }
  }
}

function merged<T extends Declared>(original: T, override: Block, file: string, warn: Warn): T {
  return { ...original, block: mergeBlock(original.block, override, file, warn) };
}

/** The original block with the override's body merged in; an overriding `depends_on` is refused. */
function mergeBlock(
  original: Block,
  override: Block,
  file: string,
  warn: Warn,
  mergedByArgument?: ReadonlySet<string>,
): Block {
  const dependsOn = override.body.attributes.find((a) => a.name === "depends_on");
  let body = override.body;
  if (dependsOn) {
    warn(
      "Terraform does not allow `depends_on` in an override block; the original's dependencies are kept.",
      at(file, dependsOn),
    );
    body = { ...body, attributes: body.attributes.filter((a) => a !== dependsOn) };
  }
  return { ...original, body: mergeBody(original.body, body, file, mergedByArgument) };
}

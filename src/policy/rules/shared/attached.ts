import type { ResourceNode } from "../../../model/graph.ts";
import type { GraphIndex } from "../../graph-index.ts";
import { locate } from "../../locate.ts";
import { ResourceView } from "../../resource-view.ts";
import { fail, unknown } from "../../rule.ts";
import type { Verdict } from "../../types.ts";

export interface AttachedSetting {
  /** Resource types that configure the setting separately (`aws_s3_bucket_versioning`). */
  types: string[];
  /** Their argument naming the resource (`bucket`, `vpc_id`, `server_id`). */
  attribute: string;
  /** The resource's arguments a literal may name it by (`bucket`, `id`). */
  keys?: string[];
  /** Decides from one attached resource. */
  evaluate: (attached: ResourceView) => Verdict;
  /** The decision from the resource's own (inline or legacy) arguments, when it has them. */
  inline?: () => Verdict | undefined;
  /** Fail message when nothing configures the setting. */
  missing: string;
}

/**
 * A setting that Terraform configures in a separate resource (an S3 bucket's versioning, a VPC's flow
 * log, an SQL server's auditing policy). It passes when the resource itself or any attached resource
 * passes; it is unknown when a resource of the type might be attached but names its target through a
 * value not known statically.
 */
export function attachedVerdict(
  resource: ResourceView,
  graph: GraphIndex,
  setting: AttachedSetting,
): Verdict {
  const inline = setting.inline?.();
  if (inline?.status === "pass") return inline;
  const { nodes, undecided } = graph.attachments(
    resource.node,
    setting.types,
    setting.attribute,
    setting.keys,
  );
  const verdicts = nodes.map((node) => ({ node, verdict: setting.evaluate(new ResourceView(node)) }));
  const passed = verdicts.find((v) => v.verdict.status === "pass");
  if (passed) return fromAttached(passed);
  const open = verdicts.find((v) => v.verdict.status === "unknown");
  if (open) return fromAttached(open);
  if (undecided.length > 0) {
    const names = undecided.map((n) => n.address).join(", ");
    return unknown(
      `${names} may configure this, but which resource its \`${setting.attribute}\` names is not known statically.`,
    );
  }
  const failed = verdicts[0];
  if (failed) return fromAttached(failed);
  return inline ?? fail(setting.missing);
}

/** An attached resource's verdict, said of it and pointing at its line. */
function fromAttached({ node, verdict }: { node: ResourceNode; verdict: Verdict }): Verdict {
  const at = locate(node, verdict.attribute);
  const { attribute: _, ...rest } = verdict;
  return { ...rest, message: `${node.address}: ${verdict.message}`, ...(at ? { at } : {}) };
}

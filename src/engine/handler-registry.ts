import type { AwsContext } from "../catalog/aws/aws-crud.ts";
import type { WorkingState } from "../state/working-state.ts";
import { plinthNull } from "./plinth-null.ts";
import type { HandlerRegistry, ResourceHandler } from "./resource-handler.ts";

/**
 * The handlers for `types`: plinth's built-in types always, AWS's when an AWS type is among them
 * (loading the AWS SDK takes a while, so only then, with the context `aws` gives).
 */
export async function handlersFor(
  types: Iterable<string>,
  aws: () => AwsContext | Promise<AwsContext>,
): Promise<HandlerRegistry> {
  const list: ResourceHandler[] = [plinthNull];
  if ([...types].some((type) => type.startsWith("aws_"))) {
    const { awsHandlers } = await import("../catalog/aws/crud.ts");
    list.push(...awsHandlers(await aws()));
  }
  return new Map(list.map((handler) => [handler.type, handler]));
}

/** The resource types a plan or apply touches: the desired graph's, and those in state or half-made. */
export function typesOf(nodes: ReadonlyArray<{ type: string }>, working: WorkingState): Set<string> {
  return new Set([
    ...nodes.map((n) => n.type),
    ...[...working.resources.values(), ...working.interrupted.values()].map((r) => r.type),
  ]);
}

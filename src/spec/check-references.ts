import type { ProviderSchemas } from "../catalog/provider-schemas.ts";
import { findCycle } from "../model/graph.ts";
import { COMPONENT_ATTRIBUTES } from "./component-attributes.ts";
import type { DiagnosticBag } from "./diagnostics.ts";
import { type ComponentRef, referencesOf, type SpecValue } from "./expressions.ts";
import { didYouMean } from "./suggest.ts";
import type { Component } from "./types.ts";

/** Properties whose value is a whole component, and the type that component must have. */
const COMPONENT_LINKS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  database: { network: "network" },
  vm: { network: "network" },
};

/**
 * Every `${component.attribute}` names an existing component and one of its attributes, whole-component
 * references appear only where a component is expected, and components do not depend on each other in
 * a cycle.
 */
export function checkReferences(
  components: Component[],
  outputs: Record<string, SpecValue>,
  schemas: ProviderSchemas,
  bag: DiagnosticBag,
): void {
  const byName = new Map(components.map((c) => [c.name, c]));
  const dependencies = new Map<string, string[]>();

  const check = (ref: ComponentRef, from: Component | undefined, expectedType?: string) => {
    const target = byName.get(ref.component);
    if (!target) {
      bag.error(
        `\`${ref}\` refers to a component \`${ref.component}\` that does not exist.${didYouMean(ref.component, byName.keys())}`,
        ref.location,
      );
      return;
    }
    if (from && target.name === from.name) {
      bag.error(`Component \`${from.name}\` refers to itself with \`${ref}\`.`, ref.location);
      return;
    }
    if (expectedType) {
      if (ref.attribute !== undefined || target.type !== expectedType) {
        bag.error(
          `\`${ref}\` must name a ${expectedType} component, such as \`\${${target.type === expectedType ? target.name : expectedType}}\`.`,
          ref.location,
        );
      }
    } else if (ref.attribute === undefined) {
      bag.error(
        `\`${ref}\` names a whole component; reference one of its attributes: ${attributesOf(target, schemas).join(", ")}.`,
        ref.location,
      );
    } else {
      const known = attributesOf(target, schemas);
      if (known.length > 0 && !known.includes(ref.attribute)) {
        bag.error(
          `\`${ref}\`: ${describe(target)} has no attribute \`${ref.attribute}\`.${didYouMean(ref.attribute, known)}`,
          ref.location,
          `Available: ${known.join(", ")}.`,
        );
      }
    }
    if (from) dependencies.get(from.name)?.push(target.name);
  };

  for (const component of components) {
    dependencies.set(component.name, []);
    const links = COMPONENT_LINKS[component.type] ?? {};
    for (const [key, value] of Object.entries(component.props as Record<string, SpecValue>)) {
      for (const ref of referencesOf(value)) check(ref, component, links[key]);
    }
    for (const dependency of component.dependsOn) {
      if (!byName.has(dependency)) {
        bag.error(
          `Component \`${component.name}\` depends on \`${dependency}\`, which does not exist.${didYouMean(dependency, byName.keys())}`,
          component.location,
        );
      } else dependencies.get(component.name)?.push(dependency);
    }
  }
  for (const value of Object.values(outputs)) for (const ref of referencesOf(value)) check(ref, undefined);

  const cycle = findCycle(dependencies);
  if (cycle) {
    const first = byName.get(cycle[0] as string) as Component;
    bag.error(
      `Components depend on each other in a cycle: ${cycle.join(" → ")}.`,
      first.location,
      "Remove one of the references.",
    );
  }
}

function attributesOf(component: Component, schemas: ProviderSchemas): string[] {
  if (component.type !== "native") return [...COMPONENT_ATTRIBUTES[component.type]];
  const block = schemas.resource(component.props.resource);
  if (!block) return [];
  return [...Object.keys(block.attributes ?? {}), ...Object.keys(block.block_types ?? {})].sort();
}

function describe(component: Component): string {
  return component.type === "native" ? `\`${component.props.resource}\`` : `a ${component.type} component`;
}

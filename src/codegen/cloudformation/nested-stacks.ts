import type { CfnOutput, CfnParameter, CfnResource, TemplateModel } from "./build-template.ts";
import { type CfnExpr, CfnGetAtt, type CfnObject, CfnRef, mapTargets, targetsIn } from "./intrinsics.ts";

/** CloudFormation's limits per template. */
export const MAX_RESOURCES = 500;
const MAX_PARAMETERS = 200;
const MAX_OUTPUTS = 200;

export interface StackSet {
  root: TemplateModel;
  /** Nested templates by relative path (`stacks/part-01.yaml` without extension: `part-01`). */
  children: Array<{ name: string; model: TemplateModel }>;
}

/**
 * Splits a template that holds more resources than `max` into nested stacks: a root template whose
 * resources are `AWS::CloudFormation::Stack`s, each child with at most `max` resources. A component's
 * resources stay together where they fit; children come in dependency order, so a child only uses
 * values of earlier ones, passed as its parameters from their outputs by the root. TemplateURL is the
 * child's relative path, which `aws cloudformation package` uploads and rewrites.
 */
export function splitIntoStacks(
  model: TemplateModel,
  max: number,
  extension: "yaml" | "json",
): StackSet | undefined {
  if (model.resources.length <= max) return undefined;
  const parts = pack(model.resources, max);
  const stackOf = new Map<string, number>();
  parts.forEach((part, index) => {
    for (const resource of part) stackOf.set(resource.logicalId, index);
  });
  const parameters = new Map(model.parameters.map((p) => [p.logicalId, p]));
  const names = parts.map((_, index) => `part-${String(index + 1).padStart(2, "0")}`);
  const stackIds = names.map(
    (name) => `${name.replace(/-(\d+)/, (_, n) => n).replace(/^./, (c) => c.toUpperCase())}Stack`,
  );

  const children: Array<{ name: string; model: TemplateModel; outputs: Map<string, CfnOutput> }> = parts.map(
    (_, index) => ({
      name: names[index] as string,
      model: {
        description: `${model.description}, part ${index + 1} of ${parts.length}`,
        parameters: [],
        resources: [],
        outputs: [],
      },
      outputs: new Map(),
    }),
  );
  const rootResources: CfnResource[] = [];

  parts.forEach((part, index) => {
    const child = children[index] as (typeof children)[number];
    const passed: CfnObject = {};
    const stackDependencies = new Set<string>();
    const childParameters = new Map<string, CfnParameter>();
    /** A reference to something outside this child: one of its parameters, filled by the root. */
    const outside = (ref: CfnRef | CfnGetAtt): CfnRef => {
      const producer = stackOf.get(ref.target);
      if (producer === undefined) {
        const parameter = parameters.get(ref.target);
        if (parameter) childParameters.set(parameter.logicalId, parameter);
        passed[ref.target] = new CfnRef(ref.target);
        return new CfnRef(ref.target);
      }
      const name = ref instanceof CfnRef ? ref.target : `${ref.target}${ref.attribute.replaceAll(".", "")}`;
      const source = children[producer] as (typeof children)[number];
      if (!source.outputs.has(name)) source.outputs.set(name, { logicalId: name, value: ref });
      childParameters.set(name, {
        logicalId: name,
        type: "String",
        description: `${describe(ref)} from ${names[producer]}`,
        noEcho: false,
      });
      passed[name] = new CfnGetAtt(stackIds[producer] as string, `Outputs.${name}`);
      stackDependencies.add(stackIds[producer] as string);
      return new CfnRef(name);
    };
    for (const resource of part) {
      const dependsOn: string[] = [];
      for (const dependency of resource.dependsOn) {
        const producer = stackOf.get(dependency);
        if (producer === index) dependsOn.push(dependency);
        else if (producer !== undefined) stackDependencies.add(stackIds[producer] as string);
      }
      // Most resources refer only to resources beside them: their properties stay as they are.
      let inside = true;
      for (const target of resource.targets) if (stackOf.get(target) !== index) inside = false;
      if (inside) {
        child.model.resources.push({ ...resource, dependsOn });
        continue;
      }
      const properties = mapTargets(resource.properties, (ref) =>
        stackOf.get(ref.target) === index ? ref : outside(ref),
      ) as CfnObject;
      child.model.resources.push({ ...resource, dependsOn, properties, targets: targetsIn(properties) });
    }
    child.model.parameters = [...childParameters.values()];
    if (child.model.parameters.length > MAX_PARAMETERS)
      throw new Error(`nested stack ${child.name} would need ${child.model.parameters.length} parameters`);
    const referenced = targetsIn(passed);
    rootResources.push({
      logicalId: stackIds[index] as string,
      type: "AWS::CloudFormation::Stack",
      dependsOn: [...stackDependencies].filter((id) => !referenced.has(id)),
      addresses: [],
      properties: {
        TemplateURL: `stacks/${child.name}.${extension}`,
        ...(Object.keys(passed).length > 0 ? { Parameters: passed } : {}),
      },
      targets: referenced,
    });
  });

  // The root's outputs read the children's.
  const rootOutputs: CfnOutput[] = model.outputs.map((output) => ({
    ...output,
    value: mapTargets(output.value, (ref) => {
      const producer = stackOf.get(ref.target);
      if (producer === undefined) return ref;
      const name = ref instanceof CfnRef ? ref.target : `${ref.target}${ref.attribute.replaceAll(".", "")}`;
      const source = children[producer] as (typeof children)[number];
      if (!source.outputs.has(name)) source.outputs.set(name, { logicalId: name, value: ref });
      return new CfnGetAtt(stackIds[producer] as string, `Outputs.${name}`);
    }) as CfnExpr,
  }));
  for (const child of children) {
    child.model.outputs = [...child.outputs.values()];
    if (child.model.outputs.length > MAX_OUTPUTS)
      throw new Error(`nested stack ${child.name} would need ${child.model.outputs.length} outputs`);
  }
  return {
    root: {
      description: model.description,
      parameters: model.parameters,
      resources: rootResources,
      outputs: rootOutputs,
    },
    children: children.map(({ name, model }) => ({ name, model })),
  };
}

function describe(ref: CfnRef | CfnGetAtt): string {
  return ref instanceof CfnRef ? ref.target : `${ref.target}.${ref.attribute}`;
}

/**
 * Resources in groups of at most `max`, in dependency order: a component's resources together, the
 * next group started when one does not fit, a component larger than `max` cut where it must.
 */
function pack(resources: CfnResource[], max: number): CfnResource[][] {
  // What each resource uses, found once: the walks below would otherwise search its properties again.
  const dependencies = new Map(resources.map((r) => [r.logicalId, dependenciesOf(r)]));
  const units: CfnResource[][] = [];
  const unitOf = new Map<string, CfnResource[]>();
  for (const resource of dependencyOrder(resources, dependencies)) {
    const key = resource.component ?? resource.logicalId;
    let unit = unitOf.get(key);
    if (!unit) {
      unit = [];
      unitOf.set(key, unit);
      units.push(unit);
    }
    unit.push(resource);
  }
  const parts: CfnResource[][] = [];
  let current: CfnResource[] = [];
  for (const unit of orderUnits(units, dependencies)) {
    if (current.length > 0 && current.length + unit.length > max) {
      parts.push(current);
      current = [];
    }
    for (const resource of unit) {
      if (current.length === max) {
        parts.push(current);
        current = [];
      }
      current.push(resource);
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

function dependenciesOf(resource: CfnResource): Set<string> {
  const found = new Set(resource.targets);
  for (const dependency of resource.dependsOn) found.add(dependency);
  found.delete(resource.logicalId);
  return found;
}

/** Kahn's algorithm over resources; ties keep template order. */
function dependencyOrder(resources: CfnResource[], dependencies: Map<string, Set<string>>): CfnResource[] {
  const ids = new Set(resources.map((r) => r.logicalId));
  const of = (r: CfnResource) => dependencies.get(r.logicalId) ?? new Set<string>();
  const waiting = new Map(resources.map((r) => [r.logicalId, [...of(r)].filter((d) => ids.has(d)).length]));
  const dependents = new Map<string, CfnResource[]>();
  for (const resource of resources)
    for (const dependency of of(resource)) {
      if (!ids.has(dependency)) continue;
      const list = dependents.get(dependency);
      if (list) list.push(resource);
      else dependents.set(dependency, [resource]);
    }
  const ready = resources.filter((r) => waiting.get(r.logicalId) === 0);
  const ordered: CfnResource[] = [];
  for (let i = 0; i < ready.length; i++) {
    const resource = ready[i] as CfnResource;
    ordered.push(resource);
    for (const dependent of dependents.get(resource.logicalId) ?? []) {
      const left = (waiting.get(dependent.logicalId) ?? 0) - 1;
      waiting.set(dependent.logicalId, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (ordered.length !== resources.length)
    throw new Error("dependency cycle between CloudFormation resources");
  return ordered;
}

/** Units after the units they use, so each nested stack only reads from earlier ones. */
function orderUnits(units: CfnResource[][], dependencies: Map<string, Set<string>>): CfnResource[][] {
  const unitIndex = new Map<string, number>();
  units.forEach((unit, i) => {
    for (const resource of unit) unitIndex.set(resource.logicalId, i);
  });
  const placed = new Set<number>();
  const ordered: CfnResource[][] = [];
  const visit = (i: number, path: Set<number>): void => {
    if (placed.has(i) || path.has(i)) return;
    path.add(i);
    for (const resource of units[i] as CfnResource[])
      for (const dependency of dependencies.get(resource.logicalId) ?? []) {
        const j = unitIndex.get(dependency);
        if (j !== undefined && j !== i) visit(j, path);
      }
    placed.add(i);
    ordered.push(units[i] as CfnResource[]);
  };
  units.forEach((_, i) => {
    visit(i, new Set());
  });
  return ordered;
}

import { ProviderSchemas } from "../catalog/provider-schemas.ts";
import { DEFAULT_REGION, isKnownRegion, REGIONS } from "../catalog/regions.ts";
import { InputError, SpecError } from "../errors.ts";
import type { Cloud } from "../model/graph.ts";
import { checkNetworks } from "./check-networks.ts";
import { checkReferences } from "./check-references.ts";
import { checkSecretsInClear } from "./check-secrets.ts";
import { type Diagnostic, DiagnosticBag } from "./diagnostics.ts";
import { parseExpression, type SpecValue } from "./expressions.ts";
import type { RawSpec, SpecDocument } from "./load-spec.ts";
import { mergeOverride } from "./merge-overrides.ts";
import { escapePointer, pointerOf, type SourceMap } from "./source-map.ts";
import { didYouMean } from "./suggest.ts";
import type { Component, ResolvedSpec } from "./types.ts";
import { validateAgainstSchema } from "./validate-schema.ts";

export interface ResolveOptions {
  /** Environment name; default the first one declared, or `default` when there are none. */
  env?: string | undefined;
  /** Target another cloud than the spec's (e.g. `generate --cloud gcp`). */
  cloud?: Cloud | undefined;
  schemas?: ProviderSchemas;
}

export interface Resolution {
  spec: ResolvedSpec;
  warnings: Diagnostic[];
}

const PRODUCTION_NAMES = new Set(["prod", "production", "prd"]);

export function environmentNames(doc: SpecDocument): string[] {
  const names = Object.keys(doc.data.environments ?? {});
  return names.length > 0 ? names : ["default"];
}

/**
 * plinth.yaml for one environment: overrides merged, references parsed, defaults filled in, and every
 * semantic check run. All problems are reported together; warnings come back with the result.
 */
export function resolveEnvironment(doc: SpecDocument, options: ResolveOptions = {}): Resolution {
  const { data } = doc;
  const declared = data.environments ?? {};
  const envNames = environmentNames(doc);
  const env = options.env ?? (envNames[0] as string);
  const environment = declared[env];
  if (!environment && !(env === "default" && Object.keys(declared).length === 0)) {
    throw new InputError(`There is no environment \`${env}\` in ${doc.file}.${didYouMean(env, envNames)}`, {
      hint: `Environments: ${envNames.join(", ")}.`,
    });
  }
  const bag = new DiagnosticBag();
  const sources = doc.sources.clone();
  const rawComponents = applyOverrides(data, env, sources, bag);
  bag.throwIfErrors();

  const cloud: Cloud = options.cloud ?? environment?.cloud ?? data.cloud;
  // `--cloud` retargets a spec written for another cloud: its regions may not exist there.
  const crossCloud = options.cloud !== undefined && options.cloud !== (environment?.cloud ?? data.cloud);
  let region = environment?.region ?? data.region ?? DEFAULT_REGION[cloud];
  const regionPointer = environment?.region ? `/environments/${env}/region` : "/region";
  if (crossCloud && !isKnownRegion(cloud, region)) {
    bag.warn(
      `Region \`${region}\` is not a ${cloud} region; using ${DEFAULT_REGION[cloud]}.`,
      sources.value(regionPointer),
    );
    region = DEFAULT_REGION[cloud];
  }
  checkRegion(cloud, region, sources.value(regionPointer), bag, "region");
  let dr = environment?.dr;
  if (dr) {
    const at = sources.value(`/environments/${env}/dr/region`);
    if (crossCloud && !isKnownRegion(cloud, dr.region)) {
      bag.warn(
        `Disaster-recovery region \`${dr.region}\` is not a ${cloud} region; no DR region for ${cloud}.`,
        at,
      );
      dr = undefined;
    } else {
      checkRegion(cloud, dr.region, at, bag, "disaster-recovery region");
      if (dr.region === region)
        bag.error(`The disaster-recovery region is the same as the primary (${region}).`, at);
    }
  }

  const components = Object.entries(rawComponents).map(([name, raw]) =>
    buildComponent(name, raw, sources, bag),
  );
  const outputs: Record<string, SpecValue> = {};
  for (const [name, text] of Object.entries(data.outputs ?? {})) {
    outputs[name] = parseOrReport(text, pointerOf(["outputs", name]), sources, bag);
  }
  bag.throwIfErrors();

  const schemas = options.schemas ?? new ProviderSchemas();
  checkReferences(components, outputs, schemas, bag);
  checkNetworks(components, cloud, sources, bag);
  checkSecretsInClear(components, sources, bag);
  bag.throwIfErrors();

  const spec: ResolvedSpec = {
    file: doc.file,
    app: data.app,
    env,
    cloud,
    region,
    production: environment?.production ?? PRODUCTION_NAMES.has(env),
    approval: environment?.approval ?? false,
    tags: { ...data.tags, ...environment?.tags },
    components,
    outputs,
    sources,
    ...(environment?.roleArn ? { roleArn: environment.roleArn } : {}),
    ...(dr ? { dr } : {}),
  };
  return { spec, warnings: bag.warnings };
}

function applyOverrides(
  data: RawSpec,
  env: string,
  sources: SourceMap,
  bag: DiagnosticBag,
): RawSpec["components"] {
  const overrides = data.environments?.[env]?.overrides ?? {};
  if (Object.keys(overrides).length === 0) return data.components;
  const components: RawSpec["components"] = { ...data.components };
  for (const [name, patch] of Object.entries(overrides)) {
    const at = sources.key(pointerOf(["environments", env, "overrides", name]));
    const base = components[name];
    if (!base) {
      bag.error(
        `Environment \`${env}\` overrides \`${name}\`, which is not a component.${didYouMean(name, Object.keys(components))}`,
        at,
      );
      continue;
    }
    if ("type" in patch && patch.type !== base.type) {
      bag.error(`Environment \`${env}\` cannot change the type of component \`${name}\`.`, at);
      continue;
    }
    components[name] = mergeOverride(
      base,
      patch,
      sources,
      ["components", name],
      ["environments", env, "overrides", name],
    ) as RawSpec["components"][string];
  }
  for (const problem of validateAgainstSchema({ ...data, components }, sources)) {
    bag.error(`${problem.message} (in environment \`${env}\`)`, problem.location, problem.hint);
  }
  return components;
}

const FIXED_KEYS = new Set(["type", "tags", "dependsOn"]);

function buildComponent(
  name: string,
  raw: Record<string, unknown>,
  sources: SourceMap,
  bag: DiagnosticBag,
): Component {
  const pointer = pointerOf(["components", name]);
  const props: Record<string, SpecValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!FIXED_KEYS.has(key))
      props[key] = parseOrReport(value as SpecValue, `${pointer}/${key}`, sources, bag);
  }
  return {
    name,
    type: raw.type,
    props,
    tags: (raw.tags as Record<string, string> | undefined) ?? {},
    dependsOn: (raw.dependsOn as string[] | undefined) ?? [],
    location: sources.key(pointer),
    pointer,
  } as Component;
}

/** Replaces every string holding `${…}` with its parsed reference or template. */
function parseOrReport(value: SpecValue, pointer: string, sources: SourceMap, bag: DiagnosticBag): SpecValue {
  if (typeof value === "string") {
    // Most strings hold no reference: they are themselves, and need no location.
    if (!value.includes("${")) return value;
    try {
      return parseExpression(value, sources.value(pointer));
    } catch (error) {
      if (error instanceof SpecError) bag.add(error);
      else throw error;
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((v, i) => parseOrReport(v, `${pointer}/${i}`, sources, bag));
  if (value !== null && typeof value === "object") {
    const out: Record<string, SpecValue> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = parseOrReport(v as SpecValue, `${pointer}/${escapePointer(k)}`, sources, bag);
    return out;
  }
  return value;
}

function checkRegion(
  cloud: Cloud,
  region: string,
  at: Diagnostic["location"],
  bag: DiagnosticBag,
  what: string,
): void {
  if (!isKnownRegion(cloud, region)) {
    bag.error(`\`${region}\` is not a known ${cloud} ${what}.${didYouMean(region, REGIONS[cloud])}`, at);
  }
}

import { createRequire } from "node:module";
import type { Node } from "yaml";
import { SpecError } from "../errors.ts";
import { readSimpleYaml } from "./read-simple-yaml.ts";
import { pointerOf, SourceMap } from "./source-map.ts";

export interface ParsedYaml {
  data: unknown;
  sources: SourceMap;
}

/** Tags a plain YAML document may carry; anything else (`!Ref`, `!!python/object`…) is refused. */
const ALLOWED_TAGS = new Set([
  "tag:yaml.org,2002:str",
  "tag:yaml.org,2002:int",
  "tag:yaml.org,2002:float",
  "tag:yaml.org,2002:bool",
  "tag:yaml.org,2002:null",
  "tag:yaml.org,2002:map",
  "tag:yaml.org,2002:seq",
]);

/**
 * Parses YAML text keeping the position of every key and value. YAML's own errors (syntax, duplicate
 * keys, alias bombs) and custom tags become one SpecError at the offending line. Block-style text,
 * what specs are written in, takes the fast path (read-simple-yaml.ts); the rest the full reader.
 */
export function readYaml(text: string, file: string): ParsedYaml {
  return readSimpleYaml(text, file) ?? readFullYaml(text, file);
}

/**
 * The `yaml` package, loaded on first use: some 70 modules that take longer to load than the fast path
 * takes to read a 1,000-component spec, so commands whose spec it reads never load them.
 */
const requireModule = createRequire(import.meta.url);
function yamlPackage(): typeof import("yaml") {
  return requireModule("yaml");
}

/** Any YAML, through the `yaml` package: the answer, or the error, for what the fast path leaves. */
export function readFullYaml(text: string, file: string): ParsedYaml {
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    // Duplicate keys are found in visit() below: yaml's own check is quadratic in the mapping's size.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    schema: "core",
  });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };

  const [error] = doc.errors;
  if (error) {
    throw new SpecError(describeYamlError(error.code, error.message, text, error.pos[0]), {
      location: at(error.pos[0]),
      hint: flowMappingHint(text, error.pos[0]),
    });
  }
  const unresolvedTag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  if (unresolvedTag) {
    const tag = /^!\S*/.exec(text.slice(unresolvedTag.pos[0]))?.[0] ?? "!";
    throw new SpecError(`The YAML tag \`${tag}\` is not allowed in plinth.yaml.`, {
      location: at(unresolvedTag.pos[0]),
      hint: "Write references as `${component.attribute}`.",
    });
  }

  const sources = new SourceMap(file);
  const ancestors: Node[] = [];
  const visit = (node: Node | null, path: Array<string | number>): void => {
    if (!node) return;
    if (isAlias(node) && ancestors.includes(node.resolve(doc) as Node)) {
      throw new SpecError(`The YAML alias \`*${node.source}\` refers to a mapping that contains it.`, {
        location: at(node.range?.[0] ?? 0),
      });
    }
    if (node.tag && !ALLOWED_TAGS.has(node.tag)) {
      throw new SpecError(`The YAML tag \`${node.tag}\` is not allowed in plinth.yaml.`, {
        location: at(node.range?.[0] ?? 0),
      });
    }
    if (node.range) sources.setValue(pointerOf(path), at(node.range[0]));
    ancestors.push(node);
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyNode = pair.key as Node | null;
        if (seen.has(key)) {
          throw new SpecError(`The key \`${key}\` appears twice in the same mapping.`, {
            location: at(keyNode?.range?.[0] ?? 0),
          });
        }
        seen.add(key);
        if (key === "__proto__") {
          throw new SpecError("The key `__proto__` is not allowed in plinth.yaml.", {
            location: at(keyNode?.range?.[0] ?? 0),
          });
        }
        if (keyNode?.range) sources.setKey(pointerOf([...path, key]), at(keyNode.range[0]));
        visit(pair.value as Node | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        visit(item as Node | null, [...path, index]);
      });
    }
    ancestors.pop();
  };
  visit(doc.contents as Node | null, []);

  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), sources };
  } catch (cause) {
    throw new SpecError(`The YAML could not be read: ${(cause as Error).message}`, {
      location: { file, line: 1, col: 1 },
      cause,
    });
  }
}

function describeYamlError(code: string, message: string, text: string, offset: number): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return `The key \`${keyAt(text, offset)}\` appears twice in the same mapping.`;
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return `The YAML is malformed here: ${firstLine(message)}.`;
    case "ALIAS_PROPS":
    case "BAD_ALIAS":
    case "RESOURCE_EXHAUSTION":
      return `The YAML aliases are invalid or expand too much: ${firstLine(message)}.`;
    default:
      return `The YAML is malformed here: ${firstLine(message)}.`;
  }
}

function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
}

function keyAt(text: string, offset: number): string {
  const match = /^[^\s:#]+/.exec(text.slice(offset, offset + 200));
  return match ? match[0].replace(/^["']|["']$/g, "") : "?";
}

/** `${ref}` inside `{ … }` is read as YAML flow syntax; the fix is to quote it or use block style. */
function flowMappingHint(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", offset) + 1;
  const lineEnd = text.indexOf("\n", offset);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  return line.includes("${") && line.includes("{ ")
    ? 'Inside `{ … }` quote references ("${net}") or write the mapping in block style.'
    : undefined;
}

import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { InputError } from "../../errors.ts";
import { setOwn } from "../../model/value.ts";
import { pointerOf, SourceMap } from "../../spec/source-map.ts";

/** Template data as JSON (short-form tags turned into their long form), and where every value is. */
export interface ParsedTemplate {
  data: unknown;
  sources: SourceMap;
}

/** `!Ref x` → `{ Ref: x }`; every other short form `!X` → `{ "Fn::X": … }`. */
const SHORT_FORMS = new Set([
  "Ref",
  "Condition",
  "Sub",
  "GetAtt",
  "Join",
  "Select",
  "Split",
  "If",
  "Equals",
  "And",
  "Or",
  "Not",
  "FindInMap",
  "GetAZs",
  "ImportValue",
  "Base64",
  "Cidr",
  "Transform",
  "Length",
  "ToJsonString",
  // The Rules section's own functions (parameter assertions; plinth reads Rules but does not evaluate it).
  "Contains",
  "EachMemberEquals",
  "EachMemberIn",
  "RefAll",
  "ValueOf",
  "ValueOfAll",
]);

/** Tags plain data may carry; anything else (`!!python/object`, `!!binary`…) is refused. */
const PLAIN_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * Parses a CloudFormation template, YAML or JSON (JSON is YAML), keeping the line of every key and
 * value. Syntax errors, duplicate keys, unknown tags and alias bombs are one `InputError` at the line.
 */
export function parseTemplate(text: string, file: string): ParsedTemplate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    schema: "core",
    strict: true,
  });
  const at = (offset: number) => ({ file, ...lineCounter.linePos(offset) });
  // A tagged node's range starts at its value; messages about the tag point at the tag.
  const tagAt = (node: Node) => {
    let i = (node.range?.[0] ?? 0) - 1;
    while (i > 0 && (text[i] === " " || text[i] === "\t")) i--;
    while (i > 0 && !/\s/.test(text[i - 1] as string)) i--;
    return at(text[i] === "!" ? i : (node.range?.[0] ?? 0));
  };
  const [error] = doc.errors;
  if (error) {
    const message = (error.message.split("\n")[0] ?? "")
      .replace(/ at line \d+, column \d+:?$/, "")
      .replace(/\.$/, "");
    throw new InputError(`The template is malformed here: ${message}.`, { location: at(error.pos[0]) });
  }
  const sources = new SourceMap(file);
  let aliases = 0;
  const convert = (
    node: Node | null,
    path: Array<string | number>,
    depth: number,
    untagged = false,
  ): unknown => {
    if (!node) return null;
    if (depth > 100)
      throw new InputError("The template is nested too deeply.", { location: at(node.range?.[0] ?? 0) });
    if (isAlias(node)) {
      if (++aliases > 1000)
        throw new InputError("The template's YAML aliases expand too much.", {
          location: at(node.range?.[0] ?? 0),
        });
      return convert(node.resolve(doc) as Node, path, depth + 1);
    }
    if (node.range) sources.setValue(pointerOf(path), at(node.range[0]));
    const tag = untagged ? undefined : node.tag;
    if (tag?.startsWith("!") && !tag.startsWith("!!")) {
      const name = tag.slice(1);
      if (!SHORT_FORMS.has(name)) {
        throw new InputError(`The YAML tag \`${tag}\` is not a CloudFormation intrinsic function.`, {
          location: tagAt(node),
        });
      }
      const key = name === "Ref" || name === "Condition" ? name : `Fn::${name}`;
      let value = convert(node, [...path, key], depth + 1, true);
      // `!GetAtt a.b` is the scalar form of `Fn::GetAtt: [a, b]`.
      if (name === "GetAtt" && typeof value === "string") {
        const dot = value.indexOf(".");
        value = dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : [value];
      }
      return { [key]: value };
    }
    if (tag && !PLAIN_TAGS.has(tag)) {
      throw new InputError(
        `The YAML tag \`${tag.replace("tag:yaml.org,2002:", "!!")}\` is not allowed in a template.`,
        {
          location: tagAt(node),
        },
      );
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        if (seen.has(key)) {
          throw new InputError(`The key \`${key}\` appears twice in the same mapping.`, {
            location: at(keyNode?.range?.[0] ?? 0),
          });
        }
        seen.add(key);
        if (keyNode?.range) sources.setKey(pointerOf([...path, key]), at(keyNode.range[0]));
        setOwn(out, key, convert(pair.value as Node | null, [...path, key], depth + 1));
      }
      return out;
    }
    if (isSeq(node))
      return node.items.map((item, i) => convert(item as Node | null, [...path, i], depth + 1));
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === "bigint") return Number(value);
      if (value instanceof Date) return value.toISOString();
      return value ?? null;
    }
    return null;
  };
  const data = convert(doc.contents as Node | null, [], 0);
  return { data, sources };
}

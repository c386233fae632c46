import fc from "fast-check";

/**
 * Random YAML texts in the block style plinth.yaml is written in, mixed with near misses: scalars of
 * every core-schema type and their quoted forms, YAML indicators, comments, flow collections,
 * compact mappings in sequences, odd keys, duplicates and wrong indentation. For differential tests
 * of the fast YAML path against the full reader.
 */
export const yamlText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("", "# header\n", "\n", "  # indented comment\n"), fc.constantFrom(0, 0, 0, 2))
  .chain(([header, indent]) => block(indent, 3).map((lines) => `${header}${lines.join("\n")}\n`))
  .chain((text) => fc.constantFrom(text, text, text.slice(0, -1), `${text}# trailing\n`, `${text}\n\n`));

const KEYS = [
  "app",
  "cloud",
  "type",
  "b0",
  "aws_s3_bucket.assets",
  "$ref",
  "a/b",
  "a~b",
  "x-y",
  "_under",
  "constructor",
  "toString",
  "__proto__",
  "1",
  "0x1f",
  "true",
  "null",
  "~",
  ".5",
  "-x",
  "@at",
  "+plus",
  "Null",
  "yes",
  '"quoted key"',
  '"plinth:app"',
  "'single'",
  '"esc\\tkey"',
  "ünï",
  "a b",
  "a:b",
  "k#h",
];

const SCALARS = [
  "plain",
  "two words",
  "  spaced  ",
  "10.20.0.0/16",
  "${net}",
  "${db.endpoint}",
  "postgres://${db.endpoint}/shop",
  "http://example.com:8080/x",
  "a:b",
  "a: b",
  "a:",
  "a #comment",
  "a#b",
  "#",
  "0",
  "-0",
  "+12",
  "012",
  "0o17",
  "0o18",
  "0x1F",
  "0xg",
  "1.5",
  "1.",
  ".5",
  "1e3",
  "-1.5E-3",
  ".inf",
  "-.Inf",
  ".NaN",
  ".nan",
  "9007199254740993",
  "1_000",
  "true",
  "True",
  "TRUE",
  "tRUE",
  "false",
  "yes",
  "no",
  "on",
  "null",
  "Null",
  "NULL",
  "~",
  "-x",
  "- x",
  "-",
  "?x",
  ":x",
  "@x",
  "`x",
  "%x",
  "!x",
  "!!str x",
  "&a x",
  "*a",
  "|",
  "|-\n  block",
  ">",
  "[a, b]",
  "[ a , b ]",
  "[1, 2.5, true, null, ~]",
  "[]",
  "[ ]",
  "{}",
  "{ a: 1, b: [x, y] }",
  "{a: 1}",
  "{ a:1 }",
  "{ a }",
  "{ a: }",
  "[a,]",
  "[a, [b, c], {d: e}]",
  '{ "name": "x", "n": 1 }',
  "{ net: ${net} }",
  "[a, b] # note",
  "[a, b] x",
  '"double"',
  '"with \\"escapes\\" \\n \\t \\\\ \\u00e9 \\x41 \\U0001F680 \\/ \\_"',
  '"bad \\q escape"',
  '"\\ud800"',
  '"# not a comment"',
  '"a" b',
  '"unclosed',
  "'single ''quoted'''",
  "'it''s'",
  "'unclosed",
  "ü 🚀",
  "a\tb",
  "%{ for x in y }",
  "$${literal}",
];

/** Mostly ordinary keys and values, so that many documents stay on the fast path; the rest probe its edges. */
function key(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...KEYS.slice(0, 10)) },
    { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
  );
}

function scalar(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...SCALARS.slice(0, 12), ...TYPED) },
    { weight: 1, arbitrary: fc.constantFrom(...SCALARS) },
  );
}

const TYPED = [
  "0",
  "-0",
  "+12",
  "1.5",
  ".5",
  "1e3",
  "true",
  "null",
  "~",
  '"16"',
  "'x'",
  "[a, 1]",
  "{ a: 1 }",
];

const comment = fc.constantFrom("", "", "", "", "", " # note", " #", "# tight");

/** Lines of a block node (mapping or sequence) at `indent`. */
function block(indent: number, depth: number): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 3, arbitrary: mapping(indent, depth) },
    { weight: 1, arbitrary: sequence(indent, depth) },
  );
}

function mapping(indent: number, depth: number): fc.Arbitrary<string[]> {
  return fc.array(entry(indent, depth), { minLength: 1, maxLength: 5 }).map((entries) => entries.flat());
}

function entry(indent: number, depth: number): fc.Arbitrary<string[]> {
  const pad = " ".repeat(indent);
  const inline = fc
    .tuple(key(), scalar(), comment, fc.constantFrom(" ", " ", " ", " ", "  ", ""))
    .map(([k, v, c, gap]) => [`${pad}${k}:${gap}${v}${c}`]);
  if (depth === 0) return inline;
  const nested = fc
    .tuple(key(), comment, fc.constantFrom(2, 2, 2, 2, 4, 0, 1), fc.boolean(), blankOrComment())
    .chain(([k, c, step, asSequence, between]) =>
      (asSequence ? sequence(indent + step, depth - 1) : block(indent + step, depth - 1)).map((lines) => [
        `${pad}${k}:${c}`,
        ...between,
        ...lines,
      ]),
    );
  return fc.oneof({ weight: 3, arbitrary: inline }, { weight: 2, arbitrary: nested });
}

function sequence(indent: number, depth: number): fc.Arbitrary<string[]> {
  const pad = " ".repeat(indent);
  const item: fc.Arbitrary<string[]> =
    depth === 0
      ? scalar().map((v) => [`${pad}- ${v}`])
      : fc.oneof(
          { weight: 6, arbitrary: scalar().map((v) => [`${pad}- ${v}`]) },
          {
            weight: 6,
            arbitrary: mapping(indent + 2, depth - 1).map((lines) => [
              `${pad}- ${lines[0]?.trimStart()}`,
              ...lines.slice(1),
            ]),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom<string[]>([`${pad}-`], [`${pad}- - x`], [`${pad}-   a: 1`]),
          },
        );
  return fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => items.flat());
}

function blankOrComment(): fc.Arbitrary<string[]> {
  return fc.constantFrom([], [], [""], ["  # between"], ["#"]);
}

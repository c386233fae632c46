import { basename, dirname } from "node:path";
import type { Value } from "../../../model/value.ts";
import { asString } from "../values.ts";
import { fn, type TerraformFunction } from "./function.ts";

/** Functions reading files of the module; the context confines them to the configuration's directories. */
export const fileFunctions: Record<string, TerraformFunction> = {
  file: fn([1, 1], ([p], ctx) => ctx.readFile(asString(p as Value, "path"))),
  fileexists: fn([1, 1], ([p], ctx) => ctx.fileExists(asString(p as Value, "path"))),
  filebase64: fn([1, 1], ([p], ctx) =>
    Buffer.from(ctx.readFile(asString(p as Value, "path"))).toString("base64"),
  ),
  templatefile: fn(
    [2, 2],
    ([p, vars], ctx) => {
      const path = asString(p as Value, "path");
      return ctx.renderTemplate(ctx.readFile(path), path, vars as Value);
    },
    "containers",
  ),
  basename: fn([1, 1], ([p]) => basename(asString(p as Value))),
  dirname: fn([1, 1], ([p]) => dirname(asString(p as Value))),
};

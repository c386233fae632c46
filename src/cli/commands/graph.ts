import type { Command } from "commander";
import { InputError } from "../../errors.ts";
import { buildGraph } from "../../model/build-graph.ts";
import { GRAPH_FORMATS, type GraphFormat, renderGraph } from "../../model/render-graph.ts";
import { readSpecFile } from "../../spec/load-spec.ts";
import { type CommonOptions, contextFor, parseCloud, withCommonOptions } from "../command-context.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";
import { describeWarning } from "../report-error.ts";

interface GraphOptions extends CommonOptions {
  format: string;
  cloud?: string;
}

/** `plinth graph`: the resource dependency graph of one environment. */
export function registerGraph(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withCommonOptions(program.command("graph"))
    .description("show the resource dependency graph of an environment")
    .option("--format <format>", `text, dot, mermaid or json`, "text")
    .option("--cloud <cloud>", "lower for another cloud than the spec's: aws, gcp or azure")
    .action((options: GraphOptions) => {
      const ctx = contextFor(io, options);
      const format = (ctx.json ? "json" : options.format) as GraphFormat;
      if (!GRAPH_FORMATS.includes(format)) {
        throw new InputError(
          `--format must be one of ${GRAPH_FORMATS.join(", ")}, not \`${options.format}\`.`,
        );
      }
      const path = resolvePath(io, options.file);
      const doc = readSpecFile(path.absolute, path.display);
      const { graph, warnings } = buildGraph(doc, { env: options.env, cloud: parseCloud(options.cloud) });
      for (const warning of warnings) io.stderr(describeWarning(warning, ctx.style));
      io.stdout(renderGraph(graph, format));
      setExit(EXIT.ok);
    });
}

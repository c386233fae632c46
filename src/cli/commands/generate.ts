import type { Command } from "commander";
import { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import { FORMATS, type Format, generate } from "../../codegen/generate.ts";
import { compareDirectory, type FileChange, writeProject } from "../../codegen/output-directory.ts";
import { InputError } from "../../errors.ts";
import { buildGraph } from "../../model/build-graph.ts";
import { readSpecFile } from "../../spec/load-spec.ts";
import { type CommonOptions, contextFor, parseCloud, withCommonOptions } from "../command-context.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";
import { describeWarning } from "../report-error.ts";

/** Resources from which generation is worth a progress line. */
const PROGRESS_THRESHOLD = 2000;

interface GenerateCliOptions extends CommonOptions {
  format?: string;
  cloud?: string;
  output?: string;
  check?: boolean;
  force?: boolean;
}

/** `plinth generate`: the spec as a ready-to-run Terraform, CloudFormation, Pulumi, ARM or Bicep project. */
export function registerGenerate(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withCommonOptions(program.command("generate"))
    .description("write the environment as a Terraform, CloudFormation, Pulumi, ARM or Bicep project")
    .option("--format <format>", FORMATS.join(", "))
    .option("--cloud <cloud>", "generate for another cloud than the spec's: aws, gcp or azure")
    .option("-o, --output <dir>", "directory to write the project into")
    .option("--check", "only report whether the directory is up to date (exit 2 when not)")
    .option("--force", "write even where the directory holds files plinth did not generate (they are kept)")
    .action((options: GenerateCliOptions) => {
      const ctx = contextFor(io, options);
      const format = parseFormat(options.format);
      if (!options.output)
        throw new InputError("Say where to write the project with -o DIR.", {
          hint: "For example: -o infra",
        });
      const spec = resolvePath(io, options.file);
      const out = resolvePath(io, options.output);
      // One load of the provider schemas serves lowering and generation.
      const schemas = new ProviderSchemas();
      const { graph, warnings } = buildGraph(readSpecFile(spec.absolute, spec.display), {
        env: options.env,
        cloud: parseCloud(options.cloud),
        schemas,
      });
      for (const warning of warnings) io.stderr(describeWarning(warning, ctx.style));
      const started = performance.now();
      // Large environments take a moment: say what is happening on a terminal (never in --json output).
      if (io.isTTY && !ctx.json && graph.nodes.length >= PROGRESS_THRESHOLD)
        io.stderr(ctx.style.dim(`Generating ${format} for ${graph.nodes.length} resources…\n`));
      const files = generate(graph, format, { schemas });
      const summary = {
        format,
        app: graph.app,
        env: graph.env,
        cloud: graph.cloud,
        resources: graph.nodes.length,
        dir: out.display,
      };

      if (options.check) {
        const changes = compareDirectory(out.absolute, files).filter((c) => c.status !== "unchanged");
        const upToDate = changes.length === 0;
        if (ctx.json) io.stdout(`${JSON.stringify({ ...summary, upToDate, files: changes }, null, 2)}\n`);
        else if (upToDate) io.stdout(`${out.display} is up to date with ${spec.display} (${format}).\n`);
        else {
          io.stdout(`${out.display} is out of date with ${spec.display} (${format}):\n`);
          for (const change of changes) io.stdout(`  ${describeChange(change, ctx.style)}\n`);
          const scope = `${options.env ? ` --env ${options.env}` : ""}${options.cloud ? ` --cloud ${options.cloud}` : ""}`;
          io.stdout(`Run: plinth generate -f ${spec.display}${scope} --format ${format} -o ${out.display}\n`);
        }
        setExit(upToDate ? EXIT.ok : EXIT.attention);
        return;
      }

      const changes = writeProject(out.absolute, format, files, Boolean(options.force));
      const ms = Math.round(performance.now() - started);
      if (ctx.json) {
        io.stdout(`${JSON.stringify({ ...summary, upToDate: true, files: changes }, null, 2)}\n`);
      } else {
        for (const change of changes.filter((c) => c.status !== "unchanged"))
          io.stdout(`  ${describeChange(change, ctx.style)}\n`);
        const written = changes.filter((c) => c.status !== "unchanged" && c.status !== "deleted").length;
        io.stdout(
          `${ctx.style.green("Generated")} ${format} for ${graph.app}/${graph.env} (${graph.nodes.length} resources) in ${out.display}: ${written} of ${files.size} files changed, ${ms} ms.\n`,
        );
      }
      setExit(EXIT.ok);
    });
}

function parseFormat(value: string | undefined): Format {
  if (value === undefined) throw new InputError(`Choose a format with --format: ${FORMATS.join(", ")}.`);
  if ((FORMATS as ReadonlyArray<string>).includes(value)) return value as Format;
  throw new InputError(`--format must be one of ${FORMATS.join(", ")}, not \`${value}\`.`);
}

function describeChange(change: FileChange, style: ReturnType<typeof contextFor>["style"]): string {
  const mark = {
    created: style.green("+"),
    updated: style.yellow("~"),
    deleted: style.red("-"),
    unchanged: " ",
  }[change.status];
  return `${mark} ${change.path} (${change.status})`;
}

import type { Command } from "commander";
import { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import { SpecError } from "../../errors.ts";
import { buildGraph } from "../../model/build-graph.ts";
import {
  DiagnosticBag,
  describeDiagnostic,
  InvalidSpecError,
  sortDiagnostics,
} from "../../spec/diagnostics.ts";
import { readSpecFile, type SpecDocument } from "../../spec/load-spec.ts";
import { environmentNames } from "../../spec/resolve-environment.ts";
import { type CommonOptions, contextFor, withCommonOptions } from "../command-context.ts";
import { EXIT } from "../exit-codes.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";
import { describeWarning, diagnosticJson } from "../report-error.ts";

interface EnvironmentSummary {
  name: string;
  cloud: string;
  region: string;
  production: boolean;
  resources: number;
}

/** `plinth validate`: checks the spec for every environment (or one) and lowers it without writing. */
export function registerValidate(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withCommonOptions(program.command("validate"))
    .description("check plinth.yaml: syntax, schema, references, networks, regions, for every environment")
    .action((options: CommonOptions) => {
      const ctx = contextFor(io, options);
      const path = resolvePath(io, options.file);
      let doc: SpecDocument;
      try {
        doc = readSpecFile(path.absolute, path.display);
      } catch (error) {
        if (!(ctx.json && error instanceof InvalidSpecError)) throw error;
        io.stdout(
          `${JSON.stringify({ valid: false, file: path.display, diagnostics: error.diagnostics.map(diagnosticJson) }, null, 2)}\n`,
        );
        for (const d of error.diagnostics) io.stderr(`error: ${describeDiagnostic(d)}\n`);
        setExit(EXIT.error);
        return;
      }
      const names = options.env ? [options.env] : environmentNames(doc);
      const bag = new DiagnosticBag();
      const environments: EnvironmentSummary[] = [];
      const schemas = new ProviderSchemas();
      for (const name of names) {
        try {
          const { spec, graph, warnings } = buildGraph(doc, { env: name, schemas });
          bag.items.push(...warnings);
          environments.push({
            name,
            cloud: spec.cloud,
            region: spec.region,
            production: spec.production,
            resources: graph.nodes.length,
          });
        } catch (error) {
          if (!(error instanceof SpecError)) throw error;
          bag.add(error);
        }
      }
      const warnings = bag.warnings;
      const errors = sortDiagnostics(bag.items.filter((d) => d.severity === "error"));
      if (ctx.json) {
        io.stdout(
          `${JSON.stringify(
            {
              valid: errors.length === 0,
              file: doc.file,
              app: doc.data.app,
              components: Object.keys(doc.data.components).length,
              environments,
              diagnostics: [...errors, ...warnings].map(diagnosticJson),
            },
            null,
            2,
          )}\n`,
        );
      }
      for (const warning of warnings) io.stderr(describeWarning(warning, ctx.style));
      if (errors.length > 0) {
        if (ctx.json) {
          for (const d of errors) io.stderr(`error: ${describeDiagnostic(d)}\n`);
          setExit(EXIT.error);
          return;
        }
        throw new InvalidSpecError(errors);
      }
      if (!ctx.json)
        io.stdout(
          summary(
            doc.file,
            doc.data.app,
            Object.keys(doc.data.components).length,
            environments,
            ctx.style.green("✓"),
          ),
        );
      setExit(EXIT.ok);
    });
}

function summary(
  file: string,
  app: string,
  components: number,
  environments: EnvironmentSummary[],
  tick: string,
): string {
  const lines = environments.map(
    (e) =>
      `  ${e.name}: ${e.cloud} ${e.region}, ${e.resources} resources${e.production ? " (production)" : ""}`,
  );
  return `${tick} ${file} is valid: app ${app}, ${components} component${components === 1 ? "" : "s"}\n${lines.join("\n")}\n`;
}

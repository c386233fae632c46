import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../errors.ts";
import { readInfrastructure } from "../../ingest/read-infrastructure.ts";
import {
  type CheckPolicyOptions,
  checkPolicy,
  type PolicyInput,
  type PolicyReport,
} from "../../policy/check-policy.ts";
import { type FrameworkRollup, rollUp } from "../../policy/framework-rollup.ts";
import { evaluateWithOpaServer } from "../../policy/opa/opa-data-api.ts";
import { evaluateWithOpaWasm, readWasmBundle } from "../../policy/opa/opa-wasm.ts";
import { POLICY_CONFIG_FILE, type PolicyConfig, readPolicyConfig } from "../../policy/policy-config.ts";
import { reportJson } from "../../policy/reporters/report-json.ts";
import { reportJunit } from "../../policy/reporters/report-junit.ts";
import { reportMarkdown } from "../../policy/reporters/report-markdown.ts";
import { reportSarif } from "../../policy/reporters/report-sarif.ts";
import { reportText } from "../../policy/reporters/report-text.ts";
import { PACKS, parsePack } from "../../policy/select-rules.ts";
import { SEVERITIES, type Severity } from "../../policy/types.ts";
import { didYouMean } from "../../spec/suggest.ts";
import { type CommonOptions, contextFor, withCommonOptions } from "../command-context.ts";
import { EXIT } from "../exit-codes.ts";
import {
  type InfrastructureFlags,
  infrastructureOptions,
  withInfrastructureOptions,
} from "../infrastructure-options.ts";
import type { CliIO } from "../io.ts";
import { type InputPath, resolvePath } from "../paths.ts";
import { describeWarning } from "../report-error.ts";
import type { Style } from "../style.ts";

const FORMATS = ["text", "json", "sarif", "junit", "markdown"] as const;

interface PolicyCheckOptions extends CommonOptions, InfrastructureFlags {
  pack?: string;
  rule?: string[];
  format: string;
  failOn: string;
  framework?: string;
  config?: string;
  opaUrl?: string;
  opaQuery: string;
  opaWasm?: string;
  verbose?: boolean;
}

/** `plinth policy check [PATH]`: built-in, custom and OPA rules over a spec or existing IaC. */
export function registerPolicyCheck(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const policy = program.command("policy").description("compliance and security policy");
  // main.ts configures top-level commands; a subcommand needs the same (no process.exit, injected IO).
  const check = policy
    .command("check")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  withInfrastructureOptions(withCommonOptions(check))
    .argument(
      "[path]",
      "plinth.yaml, a directory of .tf files, a plan JSON or a CloudFormation template (default: --file)",
    )
    .description("check resources against the built-in rules (CIS, SOC 2), custom CEL rules and OPA policies")
    .option("--pack <pack>", `only the rules of one pack: ${PACKS.join(", ")}`)
    .option("--rule <ids...>", "only these rules, by id or alias (PLINTH-AWS-001, CKV_AWS_19)")
    .option("--format <format>", FORMATS.join(", "), "text")
    .option("--fail-on <severity>", "exit 2 on failures at or above: low, medium, high, critical", "low")
    .option("--framework <framework>", `add a compliance roll-up per control: ${PACKS.join(", ")}`)
    .option(
      "--config <file>",
      `custom rules and suppressions (default: ${POLICY_CONFIG_FILE} next to the input)`,
    )
    .option("--opa-url <url>", "also evaluate Rego through this OPA server's Data API")
    .option(
      "--opa-query <path>",
      "the Rego rule returning findings, as a data path (wasm: the entrypoint)",
      "plinth/deny",
    )
    .option("--opa-wasm <bundle>", "also evaluate an `opa build -t wasm` bundle (or policy.wasm) in-process")
    .option("--verbose", "also list findings that could not be decided")
    .action(async (path: string | undefined, options: PolicyCheckOptions) => {
      const ctx = contextFor(io, options);
      const format = ctx.json ? "json" : options.format;
      if (!(FORMATS as ReadonlyArray<string>).includes(format))
        throw new InputError(
          `--format must be one of ${FORMATS.join(", ")}, not \`${format}\`.${didYouMean(format, FORMATS)}`,
        );
      const failOn = parseSeverity(options.failOn);
      const pack = parsePack(options.pack);
      const framework = parsePack(options.framework);
      const input = displayed(resolvePath(io, path ?? options.file), io);
      const config = readConfig(io, input, options.config);
      const inputs = readInputs(io, input, options, ctx.style);
      const resources = inputs.reduce((n, i) => n + i.graph.nodes.length, 0);
      if (io.isTTY && format === "text")
        io.stderr(ctx.style.dim(`Checking ${resources} resources in ${input.display}…\n`));

      const externalResults = [];
      if (options.opaUrl) {
        const token = io.env.PLINTH_OPA_TOKEN;
        externalResults.push(
          ...(await evaluateWithOpaServer(inputs, {
            url: options.opaUrl,
            path: options.opaQuery,
            ...(token ? { token } : {}),
          })),
        );
      }
      if (options.opaWasm) {
        const bundlePath = resolvePath(io, options.opaWasm);
        const bundle = readWasmBundle(readInput(bundlePath), bundlePath.display);
        externalResults.push(
          ...(await evaluateWithOpaWasm(inputs, bundle, {
            display: bundlePath.display,
            entrypoint: options.opaQuery,
          })),
        );
      }

      const checkOptions: CheckPolicyOptions = {
        customRules: config.rules,
        suppressions: config.suppressions,
        failOn,
        externalResults,
        today: (io.now?.() ?? new Date()).toISOString().slice(0, 10),
        ...(pack ? { pack } : {}),
        ...(options.rule ? { ruleNames: options.rule } : {}),
      };
      const report = checkPolicy(inputs, checkOptions);
      const rollup = framework ? rollUp(report.results, report.rules, framework) : undefined;
      io.stdout(
        render(format, report, {
          rollup,
          input: input.display,
          io,
          style: ctx.style,
          verbose: options.verbose,
        }),
      );
      setExit(report.summary.blocking > 0 ? EXIT.attention : EXIT.ok);
    });
}

/** The report in the chosen format. */
function render(
  format: string,
  report: PolicyReport,
  options: {
    rollup: FrameworkRollup | undefined;
    input: string;
    io: CliIO;
    style: Style;
    verbose: boolean | undefined;
  },
): string {
  const { rollup, io } = options;
  switch (format) {
    case "json":
      return reportJson(report, rollup);
    case "sarif":
      return reportSarif(report, {
        version: plinthVersion(),
        root: io.cwd,
        cwd: io.cwd,
        input: options.input,
      });
    case "junit":
      return reportJunit(report);
    case "markdown":
      return reportMarkdown(report, rollup);
    default:
      return reportText(report, options.style, {
        ...(options.verbose ? { verbose: true } : {}),
        ...(rollup ? { framework: rollup } : {}),
      });
  }
}

/** `.` rather than an absolute path for the working directory itself, so findings show relative files. */
function displayed(input: InputPath, io: CliIO): InputPath {
  return input.absolute === io.cwd ? { ...input, display: "." } : input;
}

function parseSeverity(value: string): Severity {
  if ((SEVERITIES as ReadonlyArray<string>).includes(value)) return value as Severity;
  throw new InputError(
    `--fail-on must be one of ${SEVERITIES.join(", ")}, not \`${value}\`.${didYouMean(value, SEVERITIES)}`,
  );
}

/** The explicit --config, else plinth-policy.yaml beside the input when there is one. */
function readConfig(io: CliIO, input: InputPath, explicit: string | undefined): PolicyConfig {
  if (explicit) {
    const path = resolvePath(io, explicit);
    return readPolicyConfig(new TextDecoder().decode(readInput(path)), path.display);
  }
  const dir = isDirectory(input.absolute) ? input.absolute : dirname(input.absolute);
  const beside = resolvePath(io, join(dir, POLICY_CONFIG_FILE));
  if (!isFile(beside.absolute)) return { rules: [], suppressions: [] };
  return readPolicyConfig(readFileSync(beside.absolute, "utf8"), beside.display);
}

/**
 * The graphs to check, read as `plinth inspect` reads them: a plinth spec gives one graph per
 * environment (results carry `env`), Terraform one per root module, a plan or a template one.
 */
function readInputs(io: CliIO, input: InputPath, options: PolicyCheckOptions, style: Style): PolicyInput[] {
  const infrastructure = readInfrastructure(
    input.absolute,
    infrastructureOptions(io, options, input.display),
  );
  for (const warning of infrastructure.warnings) io.stderr(describeWarning(warning, style));
  return infrastructure.graphs.map((graph) =>
    infrastructure.kind === "plinth" ? { graph, env: graph.env } : { graph },
  );
}

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function readInput(path: InputPath): Uint8Array {
  let size: number;
  try {
    size = statSync(path.absolute).size;
  } catch {
    throw new InputError(`${path.display} does not exist.`);
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(`${path.display} is larger than 64 MiB.`);
  return readFileSync(path.absolute);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function plinthVersion(): string {
  return (
    JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }
  ).version;
}

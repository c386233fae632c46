import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { type BudgetCheck, checkBudget } from "../../cost/budget.ts";
import { budgetFor } from "../../cost/budget-spec.ts";
import { convertReport, type ExchangeRates, rateFor, readRatesFile } from "../../cost/currency.ts";
import { type CostDiff, diffReports } from "../../cost/diff.ts";
import { estimateCost } from "../../cost/estimate.ts";
import { type CostInput, readCostInput } from "../../cost/input.ts";
import type { PriceSource } from "../../cost/prices/price.ts";
import { SnapshotPrices } from "../../cost/prices/snapshot.ts";
import { renderHtml } from "../../cost/render/render-html.ts";
import { renderMarkdown } from "../../cost/render/render-markdown.ts";
import { renderTable } from "../../cost/render/render-table.ts";
import type { CostReport } from "../../cost/report.ts";
import {
  layerUsage,
  NO_USAGE,
  readUsageFile,
  type UsageSet,
  usageSection,
  usageSet,
} from "../../cost/usage.ts";
import { graphOfCheckpoint } from "../../engine/plan-file.ts";
import { InputError } from "../../errors.ts";
import type { ResourceGraph } from "../../model/graph.ts";
import { awsAccess } from "../aws-resources.ts";
import { type CommonOptions, contextFor, withCommonOptions } from "../command-context.ts";
import { EXIT } from "../exit-codes.ts";
import {
  type InfrastructureFlags,
  infrastructureOptions,
  withInfrastructureOptions,
} from "../infrastructure-options.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";
import { describeWarning } from "../report-error.ts";
import { openStateLocation } from "../state-location.ts";

const FORMATS = ["table", "json", "markdown", "html"] as const;
type Format = (typeof FORMATS)[number];

interface CostOptions extends CommonOptions, InfrastructureFlags {
  usage?: string;
  format: string;
  compareTo?: string;
  state?: string;
  currency: string;
  rates?: string;
  prices: string;
  check?: boolean;
}

/** `plinth cost`: the monthly cost of an environment, a diff against another version, and budget checks. */
export function registerCost(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withInfrastructureOptions(withCommonOptions(program.command("cost")))
    .description("estimate the monthly cost of an environment (or compare two versions)")
    .argument(
      "[path]",
      "plinth.yaml, a directory of .tf files, a plan JSON or a CloudFormation template (default: --file)",
    )
    .option("--usage <file>", "usage estimates (Infracost-compatible usage file)")
    .option("--format <format>", "table, json, markdown or html", "table")
    .option(
      "--compare-to <path|version>",
      "another copy of the input, or a state version of the environment (3, v3, or applied: the newest)",
    )
    .option(
      "--state <location>",
      "where --compare-to finds versions: a directory (default: .plinth next to the spec) or dynamodb:TABLE[/BUCKET]",
    )
    .option("--currency <code>", "report currency (needs --rates unless USD)", "USD")
    .option("--rates <file>", "exchange rates from USD (JSON)")
    .option("--prices <source>", "offline (bundled snapshot) or live (the clouds' price APIs)", "offline")
    .option("--check", "exit 2 when the environment's budget is exceeded")
    .action(async (path: string | undefined, options: CostOptions) => {
      const ctx = contextFor(io, options);
      const format = (ctx.json ? "json" : options.format) as Format;
      if (!FORMATS.includes(format))
        throw new InputError(`--format must be one of ${FORMATS.join(", ")}, not \`${options.format}\`.`);
      if (options.prices !== "offline" && options.prices !== "live") {
        throw new InputError(`--prices must be offline or live, not \`${options.prices}\`.`);
      }
      const rates: ExchangeRates | undefined = options.rates
        ? readRatesFile(resolvePath(io, options.rates).absolute, options.rates)
        : undefined;
      const rate = rateFor(rates, options.currency);

      const snapshot = SnapshotPrices.load();
      // The AWS SDK loads only for live prices: every other command starts without it.
      const prices: PriceSource =
        options.prices === "live"
          ? (await import("../../cost/prices/live-prices.ts")).livePriceSource(io.env, snapshot)
          : snapshot;
      const fileUsage = options.usage
        ? readUsageFile(resolvePath(io, options.usage).absolute, options.usage)
        : NO_USAGE;

      /** The spec's `usage:` under the usage file's (the file wins key by key). */
      const usageOf = (input: CostInput): UsageSet =>
        layerUsage(
          input.doc?.data.usage
            ? usageSet({
                resources: usageSection(input.doc.data.usage, ["usage"], input.doc.sources),
                types: {},
              })
            : NO_USAGE,
          fileUsage,
        );
      const estimate = async (where: string): Promise<{ input: CostInput; report: CostReport }> => {
        const target = resolvePath(io, where);
        const input = readCostInput(
          target.absolute,
          target.display,
          infrastructureOptions(io, options, target.display),
        );
        const usage = usageOf(input);
        if (ctx.io.isTTY && !ctx.json && options.prices === "live")
          io.stderr(`Reading live prices for ${target.display}…\n`);
        const report = convertReport(
          await estimateCost(input.graphs, { prices, usage }),
          options.currency,
          rate,
        );
        return { input, report };
      };

      const { input, report } = await estimate(path ?? options.file);
      for (const warning of input.warnings) io.stderr(describeWarning(warning, ctx.style));
      let diff: CostDiff | undefined;
      if (options.compareTo) {
        const previous = isVersion(io, options.compareTo)
          ? await appliedGraph(io, input, options.compareTo, options.state)
          : undefined;
        const before = previous
          ? convertReport(
              await estimateCost([previous], { prices, usage: usageOf(input) }),
              options.currency,
              rate,
            )
          : (await estimate(options.compareTo)).report;
        diff = diffReports(before, report);
      }

      let budget: BudgetCheck | undefined;
      if (options.check) {
        const limits =
          input.doc && input.env ? budgetFor(input.doc, input.env, options.currency, rates) : undefined;
        if (!limits)
          io.stderr(
            `${ctx.style.yellow("warning")}: no budget for this environment in plinth.yaml's budgets:, nothing to check.\n`,
          );
        else budget = checkBudget(report, limits, diff);
      }

      const output =
        format === "json"
          ? `${JSON.stringify({ ...report, ...(diff ? { diff } : {}), ...(budget ? { budget } : {}) }, null, 2)}\n`
          : format === "markdown"
            ? renderMarkdown(report, { title: input.title, ...(diff ? { diff } : {}) })
            : format === "html"
              ? renderHtml(report, { title: input.title, ...(diff ? { diff } : {}) })
              : renderTable(report, {
                  title: `Monthly cost of ${input.title}`,
                  style: ctx.style,
                  ...(diff ? { diff } : {}),
                });
      io.stdout(output);
      if (budget) {
        for (const v of budget.violations) io.stderr(`${ctx.style.red("budget")}: ${v.message}\n`);
        for (const u of budget.unchecked)
          io.stderr(`${ctx.style.yellow("warning")}: budget not fully checked: ${u}.\n`);
        if (budget.ok && !ctx.json) io.stderr(`${ctx.style.green("budget")}: within the budget.\n`);
      }
      setExit(budget && !budget.ok ? EXIT.attention : EXIT.ok);
    });
}

/** `3`, `v3` or `applied`, when no file of that name exists: a version in the state store. */
function isVersion(io: CliIO, value: string): boolean {
  return /^(v?\d+|applied)$/.test(value) && !existsSync(resolvePath(io, value).absolute);
}

/**
 * The graph of a state version of the priced environment (the newest for `applied`), as it was
 * applied: what the estimate is compared with. The input must be a plinth.yaml; the state store is
 * the one apply used (`.plinth` next to the spec unless --state says otherwise).
 */
async function appliedGraph(
  io: CliIO,
  input: CostInput,
  which: string,
  state: string | undefined,
): Promise<ResourceGraph> {
  const [graph] = input.graphs;
  if (!input.doc || !graph)
    throw new InputError(`--compare-to ${which} compares with a version plinth applied; give a plinth.yaml.`);
  const spec = resolvePath(io, input.doc.file);
  const defaultDir = join(dirname(spec.absolute), ".plinth");
  const aws = awsAccess(io, undefined);
  try {
    const location = await openStateLocation(
      state ?? defaultDir,
      io,
      () => aws.clients({ region: graph.region }),
      join(defaultDir, "artifacts"),
    );
    const key = { app: graph.app, env: graph.env };
    const version = which === "applied" ? undefined : Number(which.replace(/^v/, ""));
    const checkpoint = await location.store.readCheckpoint(key, version);
    if (!checkpoint?.plan)
      throw new InputError(
        `${graph.app}/${graph.env} has no ${version === undefined ? "applied version" : `version ${version}`} in ${location.store.description}.`,
        { hint: "See the versions with `plinth history`." },
      );
    return graphOfCheckpoint(checkpoint);
  } finally {
    aws.close();
  }
}

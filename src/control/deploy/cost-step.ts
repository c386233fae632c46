import type { PriceSource } from "../../cost/prices/price.ts";
import { formatMoney } from "../../cost/render/format.ts";
import { estimateSpecEnvironment } from "../../cost/spec-estimate.ts";
import { graphOfCheckpoint } from "../../engine/plan-file.ts";
import type { EventPublisher } from "../../events/publisher.ts";
import { decodeGraph } from "../../model/graph-json.ts";
import { parseSpec } from "../../spec/load-spec.ts";
import type { CodegenOutput, CostOutput, StepInput } from "./contracts.ts";
import type { StepDependencies } from "./deploy-dependencies.ts";
import { recordStep } from "./record-step.ts";
import { getJson, getText, putJson, runArtifact } from "./run-artifacts.ts";

export interface CostStepInput extends StepInput {
  codegen: CodegenOutput;
}

export interface CostStepDependencies extends StepDependencies {
  publisher: EventPublisher;
  /** The bundled snapshot by default: a deploy never waits on a price API. */
  prices?: PriceSource;
}

/**
 * The budget gate's data: the monthly estimate of the graph the deploy would apply, checked against
 * the environment's `budgets:` (the cap, and the increase over the version last applied). Over budget,
 * it announces BudgetExceeded; the workflow's BudgetGate then stops the run before anything is planned.
 */
export async function costStep(input: CostStepInput, deps: CostStepDependencies): Promise<CostOutput> {
  const graph = decodeGraph(await getJson(deps.artifacts, input.codegen.graph));
  const text = await getText(deps.artifacts, input.codegen.spec);
  const doc = deps.documents ? deps.documents.parse(text, "plinth.yaml") : parseSpec(text, "plinth.yaml");
  const applied = await deps.store.readCheckpoint({ app: input.app, env: input.env });
  const { report, limits, check, diff } = await estimateSpecEnvironment(doc, graph, {
    ...(deps.prices ? { prices: deps.prices } : {}),
    ...(applied?.plan ? { previous: graphOfCheckpoint(applied) } : {}),
  });
  const stored = await putJson(deps.artifacts, runArtifact(input.runId, "cost.json"), {
    ...report,
    ...(diff ? { diff } : {}),
    ...(check ? { budget: check } : {}),
  });
  const money = (n: number) => formatMoney(n, report.currency);
  const withinBudget = check?.ok ?? true;
  // The limit that was crossed, in money: the cap, or what the allowed increase would have reached.
  const limit = check?.violations.some((v) => v.kind === "monthly-cap")
    ? limits?.monthly
    : diff && limits?.maxIncreasePercent !== undefined
      ? diff.previousTotalMonthlyCost * (1 + limits.maxIncreasePercent / 100)
      : limits?.monthly;
  const cap = limit === undefined ? undefined : Math.round(limit * 100) / 100;
  if (!withinBudget)
    await deps.publisher.publish({
      source: "plinth.control",
      "detail-type": "BudgetExceeded",
      detail: {
        app: input.app,
        env: input.env,
        runId: input.runId,
        monthlyCost: report.totalMonthlyCost,
        budget: cap ?? 0,
        currency: report.currency,
      },
    });
  const message = withinBudget
    ? `${money(report.totalMonthlyCost)} a month${limits?.monthly === undefined ? "" : `, within the budget of ${money(limits.monthly)}`}.`
    : `${check?.violations.map((v) => v.message).join(" ")} Nothing was changed.`;
  await recordStep(
    input,
    {
      workflow: "deploy",
      step: "CostEstimate",
      outcome: withinBudget ? "succeeded" : "failed",
      detail: {
        monthlyCost: report.totalMonthlyCost,
        currency: report.currency,
        ...(cap === undefined ? {} : { budget: cap }),
      },
    },
    deps,
  );
  return {
    monthlyCost: report.totalMonthlyCost,
    currency: report.currency,
    ...(cap === undefined ? {} : { budget: cap }),
    withinBudget,
    report: stored,
    message: message.slice(0, 1000),
  };
}

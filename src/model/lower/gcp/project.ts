import type { VarRef } from "../../value.ts";
import type { LoweringContext } from "../context.ts";

/** The Google APIs plinth's GCP resources are created through. */
export type GoogleApi = "compute" | "iam" | "pubsub" | "secretmanager" | "servicenetworking" | "sqladmin";

/**
 * The ID of the project plinth deploys to, as an input: project-wide grants and API enablement must name
 * it, and the graph holds no data sources to look it up.
 */
export function projectId(ctx: LoweringContext): VarRef {
  return ctx.variable({
    name: "gcp_project",
    type: "string",
    description: "ID of the GCP project plinth deploys to",
  });
}

/**
 * The project's number, which names Google's per-project service agents
 * (`service-<number>@gcp-sa-pubsub.iam.gserviceaccount.com`) and cannot be derived from its ID.
 */
export function projectNumber(ctx: LoweringContext): VarRef {
  return ctx.variable({
    name: "gcp_project_number",
    type: "string",
    description:
      "Project number (digits) of the GCP project plinth deploys to; it names Google's service agents",
  });
}

/**
 * Enables an API on the project, once, and returns the address resources created through it depend on:
 * a new project has most APIs off, and a resource created before its API fails. The API stays on when
 * the app is destroyed, since other workloads of the project may use it too.
 */
export function enableApi(ctx: LoweringContext, api: GoogleApi): string {
  return ctx.addOnce("google_project_service", api, () => ({
    project: projectId(ctx),
    service: `${api}.googleapis.com`,
    disable_on_destroy: false,
  }));
}

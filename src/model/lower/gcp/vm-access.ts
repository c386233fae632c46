import type { VmComponent } from "../../../spec/types.ts";
import { Template, type Value } from "../../value.ts";
import type { LoweringContext } from "../context.ts";
import { referencedResources } from "../referenced-resources.ts";
import { projectId } from "./project.ts";

/** What every VM's agents need: writing its logs and metrics (Ops Agent). */
const OPERATIONS_ROLES: ReadonlyArray<[suffix: string, role: string]> = [
  ["log_writer", "roles/logging.logWriter"],
  ["metric_writer", "roles/monitoring.metricWriter"],
];
/** Connecting to a Cloud SQL instance (client) and signing in to it with IAM (instanceUser). */
const DATABASE_ROLES: ReadonlyArray<[suffix: string, role: string]> = [
  ["sql_client", "roles/cloudsql.client"],
  ["sql_login", "roles/cloudsql.instanceUser"],
];

/**
 * Grants a VM's service account what its spec says it uses, and nothing else: writing logs and metrics;
 * reading each secret its env names (Secret Accessor on that secret); signing in as itself to each
 * database its env names, through a Cloud SQL IAM user and the client and instanceUser roles limited by
 * an IAM condition to that instance. The database user gets no privileges inside the database: grant
 * them in SQL.
 */
export function grantVmAccess(vm: VmComponent, ctx: LoweringContext, account: string): void {
  const member = ctx.ref(account, "member");
  const grantOnProject = (suffix: string, role: string, condition?: Record<string, Value>) =>
    ctx.add(vm, "google_project_iam_member", ctx.localName(vm, suffix), {
      project: projectId(ctx),
      role,
      member,
      ...(condition ? { condition: [condition] } : {}),
    });
  for (const [suffix, role] of OPERATIONS_ROLES) grantOnProject(suffix, role);

  const secrets = referencedResources(ctx, vm, "secret", "google_secret_manager_secret");
  for (const { component, address } of secrets) {
    ctx.add(vm, "google_secret_manager_secret_iam_member", ctx.localName(vm, component.name), {
      secret_id: ctx.ref(address, "id"),
      role: "roles/secretmanager.secretAccessor",
      member,
    });
  }

  const databases = referencedResources(ctx, vm, "database", "google_sql_database_instance");
  for (const { component, address } of databases) {
    ctx.add(vm, "google_sql_user", ctx.localName(vm, component.name), {
      instance: ctx.ref(address, "name"),
      name: iamUserName(ctx, account, component.props.engine),
      type: "CLOUD_IAM_SERVICE_ACCOUNT",
    });
    // Built from the instance's own attributes, so no input typed at deploy time reaches the expression.
    const onThisInstance = {
      title: `Cloud SQL instance of ${component.name}`,
      expression: new Template([
        "resource.type == 'sqladmin.googleapis.com/Instance' && resource.name == 'projects/",
        ctx.ref(address, "project"),
        "/instances/",
        ctx.ref(address, "name"),
        "'",
      ]),
    };
    for (const [suffix, role] of DATABASE_ROLES)
      grantOnProject(`${component.name}_${suffix}`, role, onThisInstance);
  }
}

/**
 * A service account's database user name: its email for MySQL; for PostgreSQL the email without
 * `.gserviceaccount.com`, which Cloud SQL requires to fit Postgres's 63-byte names. Built from the
 * account's ID and project, as the graph has no string functions to trim the email with.
 */
function iamUserName(ctx: LoweringContext, account: string, engine: "postgres" | "mysql"): Value {
  if (engine === "mysql") return ctx.ref(account, "email");
  return new Template([ctx.ref(account, "account_id"), "@", ctx.ref(account, "project"), ".iam"]);
}

import type { SecretComponent } from "../../../spec/types.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";
import { enableApi } from "./project.ts";

const DAY = 24 * 3600;

/**
 * A Secret Manager secret without a version: the value is added out of band and only referenced here,
 * so it never reaches plans, state or generated code. Destroyed versions stay recoverable for a while,
 * as AWS's recovery window allows; in production the secret itself is protected from deletion.
 */
export function lowerGcpSecret(secret: SecretComponent, ctx: LoweringContext): LoweredComponent {
  const production = ctx.spec.production;
  const address = ctx.add(
    secret,
    "google_secret_manager_secret",
    ctx.localName(secret),
    {
      secret_id: ctx.physicalName(secret, { max: 255, allowed: /[a-z0-9_-]/ }),
      ...(secret.props.description ? { annotations: { description: secret.props.description } } : {}),
      replication: [{ auto: [{}] }],
      version_destroy_ttl: `${(production ? 30 : 7) * DAY}s`,
      deletion_protection: production,
    },
    { dependsOn: [enableApi(ctx, "secretmanager")] },
  );
  return { attributes: { id: ctx.ref(address, "id"), name: ctx.ref(address, "secret_id") } };
}

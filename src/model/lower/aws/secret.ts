import type { SecretComponent } from "../../../spec/types.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";

/** A Secrets Manager secret without a value: the value is set out of band and only referenced here. */
export function lowerAwsSecret(secret: SecretComponent, ctx: LoweringContext): LoweredComponent {
  const address = ctx.add(secret, "aws_secretsmanager_secret", ctx.localName(secret), {
    name: `${ctx.spec.app}/${ctx.spec.env}/${secret.name}`,
    ...(secret.props.description ? { description: secret.props.description } : {}),
    recovery_window_in_days: ctx.spec.production ? 30 : 7,
  });
  return { attributes: { id: ctx.ref(address, "id"), name: ctx.ref(address, "name") } };
}

import { SIZES } from "../../../catalog/sizes.ts";
import type { DatabaseComponent } from "../../../spec/types.ts";
import { Template } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";
import { DEFAULT_VERSION, databaseName, PORT } from "../database-defaults.ts";

/**
 * RDS instance in the network's private subnets: encrypted, not public, reachable only from inside the
 * network, password managed by RDS in Secrets Manager, IAM authentication, automated backups, logs to
 * CloudWatch; in production Multi-AZ, deletion protection and a final snapshot.
 */
export function lowerAwsDatabase(db: DatabaseComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(db);
  const { engine } = db.props;
  const production = ctx.spec.production;
  const network = ctx.network(db.props.network);
  const privateSubnets = network.subnets.filter((s) => !s.public);
  if (new Set(privateSubnets.map((s) => s.zone)).size < 2) {
    ctx.error(
      `The database \`${db.name}\` needs private subnets in at least two zones of network \`${network.component}\`.`,
      ctx.spec.sources.value(`${db.pointer}/network`),
      "Add a second private subnet in another zone.",
    );
  }
  const identifier = ctx.physicalName(db, { max: 63 });

  const subnetGroup = ctx.add(db, "aws_db_subnet_group", name, {
    name: identifier,
    subnet_ids: privateSubnets.map((s) => s.id),
  });
  const securityGroup = ctx.add(db, "aws_security_group", name, {
    name: ctx.physicalName(db, { max: 255 }),
    description: `Database ${db.name} of ${ctx.spec.app} (${ctx.spec.env})`,
    vpc_id: network.id,
  });
  ctx.add(db, "aws_vpc_security_group_ingress_rule", ctx.localName(db, "from_network"), {
    security_group_id: ctx.ref(securityGroup, "id"),
    description: `${engine} from network ${network.component}`,
    cidr_ipv4: network.cidr,
    ip_protocol: "tcp",
    from_port: PORT[engine],
    to_port: PORT[engine],
  });

  const backupRetention = db.props.backupRetentionDays ?? (production ? 30 : 7);
  const deletionProtection = db.props.deletionProtection ?? production;
  const instance = ctx.add(db, "aws_db_instance", name, {
    identifier,
    engine,
    engine_version: db.props.version ?? DEFAULT_VERSION[engine],
    instance_class: SIZES.aws.database[db.props.size ?? "small"],
    allocated_storage: db.props.storageGb ?? 20,
    max_allocated_storage: (db.props.storageGb ?? 20) * 5,
    storage_type: "gp3",
    storage_encrypted: true,
    db_name: databaseName(ctx.spec.app),
    username: "app_admin",
    manage_master_user_password: true,
    iam_database_authentication_enabled: true,
    port: PORT[engine],
    db_subnet_group_name: ctx.ref(subnetGroup, "name"),
    vpc_security_group_ids: [ctx.ref(securityGroup, "id")],
    publicly_accessible: false,
    multi_az: db.props.highAvailability ?? production,
    backup_retention_period: backupRetention,
    copy_tags_to_snapshot: true,
    deletion_protection: deletionProtection,
    skip_final_snapshot: !production,
    ...(production ? { final_snapshot_identifier: `${identifier}-final` } : {}),
    auto_minor_version_upgrade: true,
    enabled_cloudwatch_logs_exports:
      engine === "postgres" ? ["postgresql", "upgrade"] : ["error", "slowquery"],
  });

  return {
    attributes: {
      id: ctx.ref(instance, "id"),
      host: ctx.ref(instance, "address"),
      port: ctx.ref(instance, "port"),
      endpoint: new Template([ctx.ref(instance, "address"), ":", String(PORT[engine])]),
    },
  };
}

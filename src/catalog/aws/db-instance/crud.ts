import {
  CreateDBInstanceCommand,
  type DBInstance,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
} from "@aws-sdk/client-rds";
import type { Observed } from "../../../engine/resource-handler.ts";
import type { JsonObject } from "../../../model/value.ts";
import { AwsConflictError } from "../../../providers/aws/aws-errors.ts";
import { tagList } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, unlessNotFound, wait } from "../aws-crud.ts";
import { bool, num, requiredStr, str, strings } from "../properties.ts";
import { updateRdsTags } from "../rds-tags.ts";

/** Arguments ModifyDBInstance changes in place (applied immediately). */
const MODIFIABLE = new Set([
  "instance_class",
  "allocated_storage",
  "max_allocated_storage",
  "storage_type",
  "engine_version",
  "backup_retention_period",
  "multi_az",
  "deletion_protection",
  "publicly_accessible",
  "vpc_security_group_ids",
  "iam_database_authentication_enabled",
  "copy_tags_to_snapshot",
  "auto_minor_version_upgrade",
  "enabled_cloudwatch_logs_exports",
  "password",
  "manage_master_user_password",
]);

/**
 * aws_db_instance: created, then awaited until available (many minutes on AWS). The master password is
 * managed by RDS in Secrets Manager when `manage_master_user_password` is set; a literal `password`
 * is sensitive. Deletion honours `skip_final_snapshot` / `final_snapshot_identifier`.
 */
export const dbInstance: AwsCrud = {
  type: "aws_db_instance",
  sensitive: ["password"],
  forceNew: [
    "identifier",
    "engine",
    "db_name",
    "username",
    "db_subnet_group_name",
    "storage_encrypted",
    "kms_key_id",
    "availability_zone",
    "port",
    "snapshot_identifier",
  ],
  async create(aws, call) {
    const p = call.properties;
    const identifier = requiredStr(p, "identifier", "aws_db_instance");
    try {
      await aws.clients.rds().send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: identifier,
          Engine: requiredStr(p, "engine", "aws_db_instance"),
          EngineVersion: str(p, "engine_version"),
          DBInstanceClass: requiredStr(p, "instance_class", "aws_db_instance"),
          AllocatedStorage: num(p, "allocated_storage"),
          MaxAllocatedStorage: num(p, "max_allocated_storage"),
          StorageType: str(p, "storage_type"),
          StorageEncrypted: bool(p, "storage_encrypted"),
          KmsKeyId: str(p, "kms_key_id"),
          DBName: str(p, "db_name"),
          MasterUsername: str(p, "username"),
          MasterUserPassword: str(p, "password"),
          ManageMasterUserPassword: bool(p, "manage_master_user_password"),
          EnableIAMDatabaseAuthentication: bool(p, "iam_database_authentication_enabled"),
          Port: num(p, "port"),
          DBSubnetGroupName: str(p, "db_subnet_group_name"),
          VpcSecurityGroupIds: strings(p, "vpc_security_group_ids"),
          PubliclyAccessible: bool(p, "publicly_accessible"),
          MultiAZ: bool(p, "multi_az"),
          BackupRetentionPeriod: num(p, "backup_retention_period"),
          CopyTagsToSnapshot: bool(p, "copy_tags_to_snapshot"),
          DeletionProtection: bool(p, "deletion_protection"),
          AutoMinorVersionUpgrade: bool(p, "auto_minor_version_upgrade"),
          EnableCloudwatchLogsExports: strings(p, "enabled_cloudwatch_logs_exports"),
          Tags: tagList(p.tags),
        }),
      );
    } catch (error) {
      // A create retried after the first attempt went through: the instance exists under our identifier.
      if (!(error instanceof AwsConflictError) || !(await describe(aws, identifier))) throw error;
    }
    return observed(await waitAvailable(aws, identifier, call.address));
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    if (!found || found.DBInstanceStatus === "deleting") return undefined;
    return {
      ...observed(found),
      properties: {
        instance_class: found.DBInstanceClass ?? null,
        ...(found.AllocatedStorage !== undefined ? { allocated_storage: found.AllocatedStorage } : {}),
        ...(found.DeletionProtection !== undefined ? { deletion_protection: found.DeletionProtection } : {}),
      },
    };
  },
  async update(aws, call) {
    const changes = call.changed.filter((name) => MODIFIABLE.has(name));
    if (changes.length > 0)
      await aws.clients.rds().send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: call.id,
          ApplyImmediately: true,
          ...modification(call.properties, changes),
        }),
      );
    if (call.changed.includes("tags"))
      await updateRdsTags(aws, String(call.outputs.arn), call.previous.tags, call.properties.tags);
    return changes.length > 0
      ? observed(await waitAvailable(aws, call.id, call.address))
      : { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    const found = await describe(aws, call.id);
    if (!found) return;
    if (found.DBInstanceStatus !== "deleting") {
      const skip = bool(call.properties, "skip_final_snapshot") ?? false;
      await unlessNotFound(
        aws.clients.rds().send(
          new DeleteDBInstanceCommand({
            DBInstanceIdentifier: call.id,
            SkipFinalSnapshot: skip,
            ...(skip
              ? {}
              : {
                  FinalDBSnapshotIdentifier:
                    str(call.properties, "final_snapshot_identifier") ?? `${call.id}-final`,
                }),
          }),
        ),
      );
    }
    await wait(aws, async () => ((await describe(aws, call.id)) ? undefined : true), {
      what: `${call.address} to be deleted`,
    });
  },
  async find(aws, call) {
    const found = await describe(aws, requiredStr(call.properties, "identifier", "aws_db_instance"));
    return found && found.DBInstanceStatus !== "deleting" ? observed(found) : undefined;
  },
};

function modification(p: JsonObject, changes: string[]) {
  const has = (name: string) => changes.includes(name);
  return {
    ...(has("instance_class") ? { DBInstanceClass: str(p, "instance_class") } : {}),
    ...(has("allocated_storage") ? { AllocatedStorage: num(p, "allocated_storage") } : {}),
    ...(has("max_allocated_storage") ? { MaxAllocatedStorage: num(p, "max_allocated_storage") } : {}),
    ...(has("storage_type") ? { StorageType: str(p, "storage_type") } : {}),
    ...(has("engine_version") ? { EngineVersion: str(p, "engine_version") } : {}),
    ...(has("backup_retention_period") ? { BackupRetentionPeriod: num(p, "backup_retention_period") } : {}),
    ...(has("multi_az") ? { MultiAZ: bool(p, "multi_az") } : {}),
    ...(has("deletion_protection") ? { DeletionProtection: bool(p, "deletion_protection") } : {}),
    ...(has("publicly_accessible") ? { PubliclyAccessible: bool(p, "publicly_accessible") } : {}),
    ...(has("vpc_security_group_ids") ? { VpcSecurityGroupIds: strings(p, "vpc_security_group_ids") } : {}),
    ...(has("iam_database_authentication_enabled")
      ? { EnableIAMDatabaseAuthentication: bool(p, "iam_database_authentication_enabled") }
      : {}),
    ...(has("copy_tags_to_snapshot") ? { CopyTagsToSnapshot: bool(p, "copy_tags_to_snapshot") } : {}),
    ...(has("auto_minor_version_upgrade")
      ? { AutoMinorVersionUpgrade: bool(p, "auto_minor_version_upgrade") }
      : {}),
    ...(has("password") ? { MasterUserPassword: str(p, "password") } : {}),
    ...(has("manage_master_user_password")
      ? { ManageMasterUserPassword: bool(p, "manage_master_user_password") }
      : {}),
  };
}

async function describe(aws: AwsContext, identifier: string): Promise<DBInstance | undefined> {
  const result = await unlessNotFound(
    aws.clients.rds().send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier })),
  );
  return result?.DBInstances?.[0];
}

function waitAvailable(aws: AwsContext, identifier: string, address: string): Promise<DBInstance> {
  return wait(
    aws,
    async () => {
      const found = await describe(aws, identifier);
      return found?.DBInstanceStatus === "available" ? found : undefined;
    },
    { what: `${address} to be available`, intervalMs: 1000, maxIntervalMs: 30_000 },
  );
}

function observed(db: DBInstance): Observed {
  const identifier = db.DBInstanceIdentifier as string;
  return {
    id: identifier,
    outputs: {
      identifier,
      arn: db.DBInstanceArn ?? null,
      address: db.Endpoint?.Address ?? null,
      port: db.Endpoint?.Port ?? null,
      endpoint: db.Endpoint?.Address ? `${db.Endpoint.Address}:${db.Endpoint.Port}` : null,
      resource_id: db.DbiResourceId ?? null,
      master_user_secret: db.MasterUserSecret?.SecretArn
        ? [{ secret_arn: db.MasterUserSecret.SecretArn, kms_key_id: db.MasterUserSecret.KmsKeyId ?? null }]
        : [],
    },
  };
}

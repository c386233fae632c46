import { readFile } from "node:fs/promises";
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  type FunctionConfiguration,
  GetFunctionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from "@aws-sdk/client-lambda";
import type { Observed } from "../../../engine/resource-handler.ts";
import { InputError } from "../../../errors.ts";
import type { JsonObject } from "../../../model/value.ts";
import { AwsConflictError } from "../../../providers/aws/aws-errors.ts";
import { tagChanges, tagList } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound, wait } from "../aws-crud.ts";
import { block, num, requiredStr, str, strings } from "../properties.ts";

const CODE = ["filename", "s3_bucket", "s3_key", "s3_object_version", "image_uri", "source_code_hash"];

/**
 * aws_lambda_function: created from a zip file (`filename`), an S3 object or an image; configuration
 * and code update in place. Environment variables are sensitive (they often carry credentials).
 */
export const lambdaFunction: AwsCrud = {
  type: "aws_lambda_function",
  sensitive: ["environment"],
  forceNew: ["function_name", "package_type"],
  async create(aws, call) {
    const p = call.properties;
    const name = requiredStr(p, "function_name", "aws_lambda_function");
    try {
      await aws.clients.lambda().send(
        new CreateFunctionCommand({
          FunctionName: name,
          Role: requiredStr(p, "role", "aws_lambda_function"),
          Code: await codeOf(p),
          PackageType: str(p, "image_uri") ? "Image" : "Zip",
          Tags: Object.fromEntries(tagList(p.tags).map((t) => [t.Key, t.Value])),
          Publish: p.publish === true,
          ...configuration(p),
        }),
      );
    } catch (error) {
      if (!(error instanceof AwsConflictError) || !(await getFunction(aws, name))) throw error;
    }
    return observed(await waitUpdated(aws, name, call.address));
  },
  async read(aws, call) {
    const found = await getFunction(aws, call.id);
    if (!found) return undefined;
    return {
      ...observed(found),
      properties: {
        ...(found.MemorySize !== undefined ? { memory_size: found.MemorySize } : {}),
        ...(found.Timeout !== undefined ? { timeout: found.Timeout } : {}),
        ...(found.Handler !== undefined ? { handler: found.Handler } : {}),
      },
    };
  },
  async update(aws, call) {
    const lambda = aws.clients.lambda();
    const p = call.properties;
    if (call.changed.some((name) => !CODE.includes(name) && name !== "tags" && name !== "publish")) {
      await lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: call.id,
          Role: str(p, "role"),
          ...configuration(p),
        }),
      );
      await waitUpdated(aws, call.id, call.address);
    }
    if (call.changed.some((name) => CODE.includes(name))) {
      const code = await codeOf(p);
      await lambda.send(
        new UpdateFunctionCodeCommand({
          FunctionName: call.id,
          ...(code.ZipFile ? { ZipFile: code.ZipFile } : {}),
          ...(code.S3Bucket
            ? { S3Bucket: code.S3Bucket, S3Key: code.S3Key, S3ObjectVersion: code.S3ObjectVersion }
            : {}),
          ...(code.ImageUri ? { ImageUri: code.ImageUri } : {}),
        }),
      );
      await waitUpdated(aws, call.id, call.address);
    }
    if (call.changed.includes("tags")) {
      const arn = String(call.outputs.arn);
      const { set, remove } = tagChanges(call.previous.tags, p.tags);
      if (set.length > 0)
        await lambda.send(
          new TagResourceCommand({
            Resource: arn,
            Tags: Object.fromEntries(set.map((t) => [t.Key, t.Value])),
          }),
        );
      if (remove.length > 0) await lambda.send(new UntagResourceCommand({ Resource: arn, TagKeys: remove }));
    }
    return observed((await getFunction(aws, call.id)) as FunctionConfiguration);
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.lambda().send(new DeleteFunctionCommand({ FunctionName: call.id })),
    );
  },
  async find(aws, call) {
    const found = await getFunction(
      aws,
      requiredStr(call.properties, "function_name", "aws_lambda_function"),
    );
    return found ? observed(found) : undefined;
  },
};

function configuration(p: JsonObject) {
  const environment = block(p, "environment");
  const variables = environment?.variables;
  const tracing = block(p, "tracing_config");
  const vpc = block(p, "vpc_config");
  return {
    Handler: str(p, "handler"),
    Runtime: str(p, "runtime") as "nodejs22.x" | undefined,
    Description: str(p, "description"),
    MemorySize: num(p, "memory_size"),
    Timeout: num(p, "timeout"),
    Architectures:
      strings(p, "architectures").length > 0 ? (strings(p, "architectures") as Array<"arm64">) : undefined,
    KMSKeyArn: str(p, "kms_key_arn"),
    Environment:
      variables && typeof variables === "object" && !Array.isArray(variables)
        ? { Variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])) }
        : undefined,
    TracingConfig: tracing ? { Mode: str(tracing, "mode") as "Active" } : undefined,
    VpcConfig: vpc
      ? { SubnetIds: strings(vpc, "subnet_ids"), SecurityGroupIds: strings(vpc, "security_group_ids") }
      : undefined,
  };
}

async function codeOf(p: JsonObject) {
  const filename = str(p, "filename");
  if (filename) {
    try {
      return { ZipFile: new Uint8Array(await readFile(filename)) };
    } catch (error) {
      throw new InputError(
        `The Lambda package \`${filename}\` cannot be read (${(error as NodeJS.ErrnoException).code}).`,
        {
          hint: "Build the zip before applying, or point `filename` at it.",
        },
      );
    }
  }
  if (str(p, "image_uri")) return { ImageUri: str(p, "image_uri") };
  return {
    S3Bucket: str(p, "s3_bucket"),
    S3Key: str(p, "s3_key"),
    S3ObjectVersion: str(p, "s3_object_version"),
  };
}

async function getFunction(aws: AwsContext, name: string): Promise<FunctionConfiguration | undefined> {
  return (await unlessNotFound(aws.clients.lambda().send(new GetFunctionCommand({ FunctionName: name }))))
    ?.Configuration;
}

/** Lambda applies changes asynchronously; the next change must wait for the last one. */
function waitUpdated(aws: AwsContext, name: string, address: string): Promise<FunctionConfiguration> {
  return wait(
    aws,
    async () => {
      const found = await getFunction(aws, name);
      if (!found) return undefined;
      const busy = found.State === "Pending" || found.LastUpdateStatus === "InProgress";
      return busy ? undefined : found;
    },
    { what: `${address} to be ready` },
  );
}

function observed(fn: FunctionConfiguration): Observed {
  return {
    id: fn.FunctionName as string,
    outputs: {
      arn: fn.FunctionArn ?? null,
      invoke_arn: fn.FunctionArn
        ? `arn:aws:apigateway:${fn.FunctionArn.split(":")[3]}:lambda:path/2015-03-31/functions/${fn.FunctionArn}/invocations`
        : null,
      qualified_arn: fn.FunctionArn && fn.Version ? `${fn.FunctionArn}:${fn.Version}` : null,
      version: fn.Version ?? null,
      last_modified: fn.LastModified ?? null,
      source_code_hash: fn.CodeSha256 ?? null,
    },
  };
}

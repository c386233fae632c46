import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { motoClients } from "../../helpers/aws.ts";
import { writeEngineProject } from "../../helpers/aws-spec.ts";
import { runCli } from "../../helpers/cli.ts";
import { startMoto } from "../../helpers/moto.ts";

const queueOnly = (region = "us-east-1") => `apiVersion: plinth/v1
app: perms
cloud: aws
region: ${region}
components:
  jobs: { type: queue }
`;
const withBucket = `${queueOnly()}  files: { type: native, resource: aws_s3_bucket, properties: { bucket: perms-files } }\n`;

// Wrong credentials, missing permissions, an unknown region, an unreachable endpoint: each is one
// sentence on stderr, exit 1, and the state as it was. moto checks credentials and IAM policies here
// (INITIAL_NO_AUTH_ACTION_COUNT: the first three calls create the deploying user, then auth is on).
describe("AWS refusing plinth", () => {
  let endpoint: string;
  let deployer: Record<string, string>;
  let cwd: string;
  const store = () => new LocalFileStore(join(cwd, ".plinth"));
  const key = { app: "perms", env: "default" };

  before(async () => {
    endpoint = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: "3" });
    const admin = await motoClients({
      endpoint,
      credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    });
    await admin.iam().send(new CreateUserCommand({ UserName: "deployer" }));
    const { AccessKey } = await admin.iam().send(new CreateAccessKeyCommand({ UserName: "deployer" }));
    await admin.iam().send(
      new PutUserPolicyCommand({
        UserName: "deployer",
        PolicyName: "queues-only",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "sqs:*", Resource: "*" }],
        }),
      }),
    );
    deployer = {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: AccessKey?.AccessKeyId as string,
      AWS_SECRET_ACCESS_KEY: AccessKey?.SecretAccessKey as string,
    };
    cwd = mkdtempSync(join(tmpdir(), "plinth-perms-"));
    writeEngineProject(cwd, queueOnly());
    const first = await runCli(["apply", "--auto-approve"], { cwd, env: deployer });
    assert.equal(first.code, 0, first.stderr);
  });

  const assertRefused = async (env: Record<string, string>, message: RegExp) => {
    const before = readFileSync(join(cwd, ".plinth/state/perms/default/versions/00000001.json"), "utf8");
    const result = await runCli(["apply", "--auto-approve"], { cwd, env });
    assert.equal(result.code, 1);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split("\n").length, 1, `one sentence: ${result.stderr}`);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(await store().latestVersion(key), 1, "no new version");
    assert.equal(
      readFileSync(join(cwd, ".plinth/state/perms/default/versions/00000001.json"), "utf8"),
      before,
    );
    assert.deepEqual(await store().readJournal(key), [], "nothing pending: the refused create made nothing");
    assert.equal(await store().readLock(key), undefined, "the lock is released");
  };

  test("missing permissions: the call and the identity's refusal are named", async () => {
    writeFileSync(join(cwd, "plinth.yaml"), withBucket);
    await assertRefused(
      deployer,
      /^error: Apply stopped: aws_s3_bucket\.files failed: The AWS identity plinth runs as may not call S3 CreateBucket: Access Denied \(AccessDenied, request id \S+\); nothing was changed\. Grant that permission/,
    );
  });

  test("wrong credentials", async () => {
    writeFileSync(join(cwd, "plinth.yaml"), withBucket);
    await assertRefused(
      { ...deployer, AWS_ACCESS_KEY_ID: "AKIAWRONGWRONGWRONG1", AWS_SECRET_ACCESS_KEY: "wrong" },
      /failed: AWS rejected plinth's credentials for S3 CreateBucket \(InvalidAccessKeyId, request id \S+\); nothing was changed.*Check AWS_PROFILE or AWS_ACCESS_KEY_ID/,
    );
  });

  test("an unreachable endpoint", async () => {
    writeFileSync(join(cwd, "plinth.yaml"), withBucket);
    await assertRefused(
      { ...deployer, AWS_ENDPOINT_URL: "http://127.0.0.1:9", AWS_MAX_ATTEMPTS: "1" },
      /failed: Cannot reach AWS \S+ at http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/,
    );
  });

  test("an unknown region is refused before anything is called", async () => {
    writeFileSync(join(cwd, "plinth.yaml"), queueOnly("us-nowhere-1"));
    await assertRefused(deployer, /^error: plinth\.yaml:4:9: `us-nowhere-1` is not a known aws region\./);
  });
});

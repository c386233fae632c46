import type { ResourceGraph, ResourceNode } from "../../src/model/graph.ts";
import { Encoded, Ref, type Value } from "../../src/model/value.ts";

/**
 * One "unit" of a typical AWS estate — a bucket with its versioning, encryption and public access
 * block, a security group, a database, an instance, an IAM policy and a queue — rendered three ways
 * for the policy benchmark: Terraform-shaped graph nodes, a .tf file and a CloudFormation template
 * (where the bucket's settings are properties of one AWS::S3::Bucket). Every other unit is
 * non-compliant, so rules take both paths.
 */
interface Unit {
  nodes: ResourceNode[];
  hcl: string;
  cfn: string;
}

function unit(i: number): Unit {
  const ok = i % 2 === 0;
  const n = (type: string, properties: Record<string, Value>): ResourceNode => ({
    address: `${type}.u${i}`,
    type,
    name: `u${i}`,
    properties,
    dependsOn: [],
    sensitive: [],
    origin: "terraform",
    source: { file: "main.tf", line: i * 60 + 1, col: 1 },
  });
  const bucket = new Ref(`aws_s3_bucket.u${i}`, ["id"]);
  const cidr = ok ? "10.0.0.0/16" : "0.0.0.0/0";
  const nodes = [
    n("aws_s3_bucket", { bucket: `bench-${i}` }),
    n("aws_s3_bucket_versioning", {
      bucket,
      versioning_configuration: [{ status: ok ? "Enabled" : "Suspended" }],
    }),
    n("aws_s3_bucket_server_side_encryption_configuration", {
      bucket,
      rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: "aws:kms" }] }],
    }),
    n("aws_s3_bucket_public_access_block", {
      bucket,
      block_public_acls: ok,
      block_public_policy: ok,
      ignore_public_acls: ok,
      restrict_public_buckets: ok,
    }),
    n("aws_security_group", {
      ingress: [{ from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: [cidr] }],
    }),
    n("aws_db_instance", {
      engine: "postgres",
      instance_class: "db.t4g.micro",
      storage_encrypted: ok,
      publicly_accessible: !ok,
      backup_retention_period: 7,
    }),
    n("aws_instance", {
      ami: "ami-0123456789abcdef0",
      instance_type: "t3.micro",
      metadata_options: [{ http_tokens: ok ? "required" : "optional" }],
      root_block_device: [{ encrypted: ok }],
    }),
    n("aws_iam_policy", {
      policy: new Encoded("json", {
        Statement: [{ Effect: "Allow", Action: ok ? "s3:GetObject" : "*", Resource: "*" }],
      }),
    }),
    n("aws_sqs_queue", ok ? { sqs_managed_sse_enabled: true } : {}),
  ];
  const b = String(ok);
  const hcl = `resource "aws_s3_bucket" "u${i}" {
  bucket = "bench-${i}"
}
resource "aws_s3_bucket_versioning" "u${i}" {
  bucket = aws_s3_bucket.u${i}.id
  versioning_configuration {
    status = "${ok ? "Enabled" : "Suspended"}"
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "u${i}" {
  bucket = aws_s3_bucket.u${i}.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
resource "aws_s3_bucket_public_access_block" "u${i}" {
  bucket                  = aws_s3_bucket.u${i}.id
  block_public_acls       = ${b}
  block_public_policy     = ${b}
  ignore_public_acls      = ${b}
  restrict_public_buckets = ${b}
}
resource "aws_security_group" "u${i}" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["${cidr}"]
  }
}
resource "aws_db_instance" "u${i}" {
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  storage_encrypted       = ${b}
  publicly_accessible     = ${!ok}
  backup_retention_period = 7
}
resource "aws_instance" "u${i}" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "${ok ? "required" : "optional"}"
  }
  root_block_device {
    encrypted = ${b}
  }
}
resource "aws_iam_policy" "u${i}" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "${ok ? "s3:GetObject" : "*"}", Resource = "*" }] })
}
resource "aws_sqs_queue" "u${i}" {
${ok ? "  sqs_managed_sse_enabled = true\n" : ""}}
`;
  const cfn = `  Bucket${i}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: bench-${i}
      VersioningConfiguration: { Status: ${ok ? "Enabled" : "Suspended"} }
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" }
      PublicAccessBlockConfiguration:
        BlockPublicAcls: ${b}
        BlockPublicPolicy: ${b}
        IgnorePublicAcls: ${b}
        RestrictPublicBuckets: ${b}
  Group${i}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bench ${i}
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: "${cidr}" }
  Database${i}:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: ${b}
      PubliclyAccessible: ${!ok}
      BackupRetentionPeriod: 7
  Template${i}:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions: { HttpTokens: ${ok ? "required" : "optional"} }
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs: { Encrypted: ${b} }
  Instance${i}:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      LaunchTemplate: { LaunchTemplateId: !Ref Template${i}, Version: !GetAtt Template${i}.LatestVersionNumber }
  Policy${i}:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement: [{ Effect: Allow, Action: "${ok ? "s3:GetObject" : "*"}", Resource: "*" }]
  Queue${i}:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: ${b}
`;
  return { nodes, hcl, cfn };
}

/** Whole units up to at least `count` Terraform resources. */
export function policyWorkload(count: number): {
  graph: ResourceGraph;
  hcl: string;
  cfn: string;
  cfnResources: number;
} {
  const units: Unit[] = [];
  let resources = 0;
  for (let i = 0; resources < count; i++) {
    const u = unit(i);
    units.push(u);
    resources += u.nodes.length;
  }
  const nodes = units.flatMap((u) => u.nodes);
  return {
    graph: {
      app: "bench",
      env: "bench",
      cloud: "aws",
      region: "us-east-1",
      nodes,
      variables: [],
      outputs: [],
    },
    hcl: units.map((u) => u.hcl).join("\n"),
    cfn: `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${units.map((u) => u.cfn).join("")}`,
    cfnResources: units.length * 7,
  };
}

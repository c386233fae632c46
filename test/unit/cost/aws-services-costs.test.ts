// AWS cost modules for the managed services (Secrets Manager, KMS, SNS, CloudWatch alarms, ECR, API
// Gateway, Route 53) against hand-computed expectations. Prices are AWS's price-feed records in
// data/pricing/reference/aws-services.json and aws.json, written out in each test with the arithmetic.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Ref } from "../../../src/model/value.ts";
import { line, money, node, price, resource } from "../../helpers/cost.ts";

describe("aws_secretsmanager_secret", () => {
  it("prices the secret and each replica by the month, API calls per 10,000 from usage", async () => {
    const report = await price(
      "aws",
      "us-east-1",
      [
        node("aws_secretsmanager_secret.db", {}),
        node("aws_secretsmanager_secret.shared", {
          replica: [{ region: "us-west-2" }, { region: "eu-west-1" }],
        }),
      ],
      { "aws_secretsmanager_secret.db": { monthly_requests: 50_000 } },
    );
    const db = resource(report, "aws_secretsmanager_secret.db");
    // $0.40 a secret-month; 50,000 calls = 5 × $0.05 per 10,000 ($0.000005 each) = $0.25
    assert.equal(line(db, "Secret").monthlyCost, 0.4);
    assert.equal(line(db, "API requests").monthlyQuantity, 5);
    assert.equal(line(db, "API requests").unitPrice, 0.05);
    assert.equal(db.monthlyCost, money(0.4 + 0.25));
    // a secret with two replicas is billed as three secrets: 3 × $0.40 = $1.20
    const shared = line(resource(report, "aws_secretsmanager_secret.shared"), "Secret (and 2 replicas)");
    assert.equal(shared.monthlyCost, 1.2);
  });
});

describe("aws_kms_key", () => {
  it("prices a key-month and requests per 10,000 at the rate of the key's spec", async () => {
    const report = await price(
      "aws",
      "eu-west-1",
      [
        node("aws_kms_key.data", {}),
        node("aws_kms_key.sign", { customer_master_key_spec: "ECC_NIST_P256", key_usage: "SIGN_VERIFY" }),
      ],
      {
        "aws_kms_key.data": { monthly_requests: 1_000_000 },
        "aws_kms_key.sign": { monthly_requests: 20_000 },
      },
    );
    const data = resource(report, "aws_kms_key.data");
    // $1 a key-month; 1,000,000 symmetric requests = 100 × $0.03 per 10,000 = $3
    assert.equal(line(data, "Customer managed key").monthlyCost, 1);
    assert.equal(line(data, "Requests (SYMMETRIC_DEFAULT)").monthlyCost, 3);
    // asymmetric (not RSA 2048): 20,000 requests = 2 × $0.15 per 10,000 = $0.30
    assert.equal(line(resource(report, "aws_kms_key.sign"), "Requests (ECC_NIST_P256)").monthlyCost, 0.3);
  });
});

describe("aws_sns_topic and aws_sns_topic_subscription", () => {
  it("prices publishes in 64 KB requests and deliveries by protocol", async () => {
    const topic = new Ref("aws_sns_topic.events", ["arn"]);
    const report = await price(
      "aws",
      "us-east-1",
      [
        node("aws_sns_topic.events", {}),
        node("aws_sns_topic_subscription.hook", {
          topic_arn: topic,
          protocol: "https",
          endpoint: "https://x",
        }),
        node("aws_sns_topic_subscription.mail", { topic_arn: topic, protocol: "email", endpoint: "a@b.c" }),
        node("aws_sns_topic_subscription.queue", { topic_arn: topic, protocol: "sqs", endpoint: "arn:q" }),
        node("aws_sns_topic_subscription.text", { topic_arn: topic, protocol: "sms", endpoint: "+1" }),
      ],
      {
        "aws_sns_topic.events": { monthly_requests: 2_000_000, request_size_kb: 100 },
        "aws_sns_topic_subscription.hook": { monthly_requests: 1_000_000 },
        "aws_sns_topic_subscription.mail": { monthly_requests: 10_000 },
        "aws_sns_topic_subscription.queue": { monthly_requests: 5_000_000 },
      },
    );
    // 2M publishes of 100 KB = 2 chunks each = 4M requests × $0.50 per 1M = $2
    const publish = line(resource(report, "aws_sns_topic.events"), "API requests (standard)");
    assert.equal(publish.monthlyQuantity, 4);
    assert.equal(publish.monthlyCost, 2);
    // 1M HTTPS deliveries × $0.60 per 1M; 10,000 emails × $2.00 per 100,000 ($0.00002 each) = $0.20
    assert.equal(resource(report, "aws_sns_topic_subscription.hook").monthlyCost, 0.6);
    assert.equal(resource(report, "aws_sns_topic_subscription.mail").monthlyCost, 0.2);
    // deliveries to SQS are free of charge: a priced line at $0
    const queue = line(resource(report, "aws_sns_topic_subscription.queue"), "Notifications (sqs)");
    assert.equal(queue.unitPrice, 0);
    assert.equal(queue.monthlyCost, 0);
    // SMS depends on the destination country: said, never priced at zero
    const text = line(resource(report, "aws_sns_topic_subscription.text"), "Notifications (sms)");
    assert.equal(text.monthlyCost, null);
    assert.match(text.note ?? "", /priced by destination/);
  });

  it("prices FIFO topics at the FIFO request rate", async () => {
    const report = await price("aws", "us-east-1", [node("aws_sns_topic.orders", { fifo_topic: true })], {
      "aws_sns_topic.orders": { monthly_requests: 1_000_000 },
    });
    // $0.0000003 a FIFO request = $0.30 per 1M
    assert.equal(line(resource(report, "aws_sns_topic.orders"), "API requests (FIFO)").monthlyCost, 0.3);
  });
});

describe("CloudWatch alarms", () => {
  it("prices alarm metrics by resolution and composite alarms", async () => {
    const report = await price("aws", "us-east-1", [
      node("aws_cloudwatch_metric_alarm.cpu", { metric_name: "CPUUtilization", period: 300 }),
      node("aws_cloudwatch_metric_alarm.fast", { metric_name: "Latency", period: 10 }),
      node("aws_cloudwatch_metric_alarm.math", {
        metric_query: [
          { id: "e1", expression: "m1 / m2" },
          { id: "m1", metric: [{ metric_name: "Errors", period: 60 }] },
          { id: "m2", metric: [{ metric_name: "Requests", period: 60 }] },
        ],
      }),
      node("aws_cloudwatch_composite_alarm.any", { alarm_rule: "ALARM(a) OR ALARM(b)" }),
    ]);
    // standard $0.10, high resolution (period < 60 s) $0.30, a metric math alarm with two metrics 2 × $0.10
    assert.equal(resource(report, "aws_cloudwatch_metric_alarm.cpu").monthlyCost, 0.1);
    assert.equal(resource(report, "aws_cloudwatch_metric_alarm.fast").monthlyCost, 0.3);
    assert.equal(
      line(resource(report, "aws_cloudwatch_metric_alarm.math"), "Alarm metrics").monthlyQuantity,
      2,
    );
    assert.equal(resource(report, "aws_cloudwatch_metric_alarm.math").monthlyCost, 0.2);
    // composite alarm $0.50 a month
    assert.equal(resource(report, "aws_cloudwatch_composite_alarm.any").monthlyCost, 0.5);
  });
});

describe("aws_ecr_repository", () => {
  it("prices stored images from usage in the repository's region", async () => {
    const report = await price("aws", "eu-central-1", [node("aws_ecr_repository.app", {})], {
      "aws_ecr_repository.app": { storage_gb: 25 },
    });
    // 25 GB × $0.10
    assert.equal(resource(report, "aws_ecr_repository.app").monthlyCost, 2.5);
  });
});

describe("API Gateway", () => {
  it("prices REST API calls in tiers and a stage cache by the hour", async () => {
    const api = new Ref("aws_api_gateway_rest_api.api", ["id"]);
    const report = await price(
      "aws",
      "us-east-1",
      [
        node("aws_api_gateway_rest_api.api", { name: "api" }),
        node("aws_api_gateway_stage.prod", { rest_api_id: api, cache_cluster_enabled: true }),
        node("aws_api_gateway_stage.dev", { rest_api_id: api }),
      ],
      { "aws_api_gateway_rest_api.api": { monthly_requests: 400_000_000 } },
    );
    const rest = resource(report, "aws_api_gateway_rest_api.api");
    // first 333M × $3.50 per 1M = $1,165.50; next 67M × $2.80 = $187.60
    assert.equal(line(rest, "Requests (first 333M)").monthlyCost, 1165.5);
    assert.equal(line(rest, "Requests (next 667M)").monthlyQuantity, 67);
    assert.equal(line(rest, "Requests (next 667M)").monthlyCost, 187.6);
    assert.equal(rest.monthlyCost, money(1165.5 + 187.6));
    // default cache size 0.5 GB at $0.02/h × 730 = $14.60; a stage without a cache costs nothing
    assert.equal(resource(report, "aws_api_gateway_stage.prod").monthlyCost, 14.6);
    assert.equal(resource(report, "aws_api_gateway_stage.dev").monthlyCost, 0);
  });

  it("prices HTTP APIs per 512 KB request and WebSocket APIs per message and connection minute", async () => {
    const report = await price(
      "aws",
      "us-east-1",
      [
        node("aws_apigatewayv2_api.http", { protocol_type: "HTTP" }),
        node("aws_apigatewayv2_api.ws", { protocol_type: "WEBSOCKET" }),
      ],
      {
        "aws_apigatewayv2_api.http": { monthly_requests: 10_000_000, request_size_kb: 600 },
        "aws_apigatewayv2_api.ws": { monthly_messages: 3_000_000, monthly_connection_mins: 4_000_000 },
      },
    );
    // 10M requests of 600 KB = 2 requests each = 20M × $1.00 per 1M
    assert.equal(
      line(resource(report, "aws_apigatewayv2_api.http"), "Requests (HTTP API, first").monthlyCost,
      20,
    );
    const ws = resource(report, "aws_apigatewayv2_api.ws");
    // 3M messages × $1.00 per 1M = $3; 4M connection minutes × $0.25 per 1M = $1
    assert.equal(line(ws, "Messages (first 1B)").monthlyCost, 3);
    assert.equal(line(ws, "Connection minutes").monthlyCost, 1);
  });
});

describe("Route 53", () => {
  it("prices a hosted zone by the month and standard queries in tiers; alias records are free", async () => {
    const zone = new Ref("aws_route53_zone.main", ["zone_id"]);
    const report = await price(
      "aws",
      "us-east-1",
      [
        node("aws_route53_zone.main", { name: "example.com" }),
        node("aws_route53_record.www", { zone_id: zone, name: "www", type: "A", records: ["1.2.3.4"] }),
        node("aws_route53_record.apex", {
          zone_id: zone,
          name: "",
          type: "A",
          alias: [{ name: "lb.example", zone_id: "Z1", evaluate_target_health: true }],
        }),
      ],
      { "aws_route53_record.www": { monthly_standard_queries: 5_000_000 } },
    );
    // $0.50 per hosted zone-month (first 25 zones)
    assert.equal(resource(report, "aws_route53_zone.main").monthlyCost, 0.5);
    // 5M queries × $0.40 per 1M = $2
    assert.equal(
      line(resource(report, "aws_route53_record.www"), "Standard queries (first 1B)").monthlyCost,
      2,
    );
    assert.deepEqual(resource(report, "aws_route53_record.apex").components, []);
  });
});

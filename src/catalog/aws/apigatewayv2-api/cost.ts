import {
  type CostFunction,
  chunksPerMessage,
  scaleUsage,
  str,
  type Tier,
  tiered,
  usage,
  usageNumber,
} from "../../cost-components.ts";

const price = (key: string) => ({ service: "AmazonApiGateway", key });

/**
 * aws_apigatewayv2_api: HTTP APIs bill requests (each 512 KB a request) in two tiers from usage
 * (`monthly_requests`, `request_size_kb`); WebSocket APIs bill messages (each 32 KB a message) in two
 * tiers and connection minutes (`monthly_messages`, `message_size_kb`, `monthly_connection_mins`).
 */
export const apigatewayv2ApiCost: CostFunction = (ctx) => {
  if (str(ctx, "protocol_type") === "WEBSOCKET") {
    const chunks = chunksPerMessage(ctx, 32, "message_size_kb");
    const tiers: Tier[] = [
      { label: "first 1B", price: price("websocket-messages-first-1b"), size: 1000 },
      { label: "over 1B", price: price("websocket-messages-over-1b"), size: Infinity },
    ];
    return {
      components: [
        ...tiered(
          "Messages",
          "1M messages",
          scaleUsage(usageNumber(ctx, "monthly_messages"), chunks, 1e6),
          tiers,
          {
            unitScale: 1e6,
          },
        ),
        usage(
          "Connection minutes",
          "1M minutes",
          price("websocket-connection-minutes"),
          scaleUsage(usageNumber(ctx, "monthly_connection_mins"), 1, 1e6),
          1e6,
        ),
      ],
    };
  }
  const chunks = chunksPerMessage(ctx, 512, "request_size_kb");
  const tiers: Tier[] = [
    { label: "first 300M", price: price("http-requests-first-300m"), size: 300 },
    { label: "over 300M", price: price("http-requests-over-300m"), size: Infinity },
  ];
  return {
    components: tiered(
      "Requests (HTTP API)",
      "1M requests",
      scaleUsage(usageNumber(ctx, "monthly_requests"), chunks, 1e6),
      tiers,
      {
        unitScale: 1e6,
      },
    ),
  };
};

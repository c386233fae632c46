import { bool, type CloudFormationMapping, json, number, string, tags } from "../type-mapping.ts";

/** The three arguments every method-level API Gateway resource is keyed by. */
const methodKey = [
  ["RestApiId", "rest_api_id"],
  ["ResourceId", "resource_id"],
  ["HttpMethod", "http_method"],
] as const;

export const apiGatewayRestApi: CloudFormationMapping = {
  cloudFormationType: "AWS::ApiGateway::RestApi",
  main: {
    terraformType: "aws_api_gateway_rest_api",
    rules: [
      ["Name", "name"],
      ["Description", "description"],
      ["Body", "body", json],
      ["Policy", "policy", json],
      ["EndpointConfiguration.Types", "endpoint_configuration[0].types"],
      ["EndpointConfiguration.VpcEndpointIds", "endpoint_configuration[0].vpc_endpoint_ids"],
      ["BinaryMediaTypes", "binary_media_types"],
      ["MinimumCompressionSize", "minimum_compression_size", number],
      ["ApiKeySourceType", "api_key_source"],
      ["DisableExecuteApiEndpoint", "disable_execute_api_endpoint", bool],
      ["Tags", "tags", tags],
    ],
  },
  attributes: { RestApiId: "id", RootResourceId: "root_resource_id" },
};

/** CloudFormation's cache size is a string such as `"0.5"`, which YAML may read as a number. */
export const apiGatewayStage: CloudFormationMapping = {
  cloudFormationType: "AWS::ApiGateway::Stage",
  main: {
    terraformType: "aws_api_gateway_stage",
    rules: [
      ["StageName", "stage_name"],
      ["RestApiId", "rest_api_id"],
      ["DeploymentId", "deployment_id"],
      ["Description", "description"],
      ["CacheClusterEnabled", "cache_cluster_enabled", bool],
      ["CacheClusterSize", "cache_cluster_size", string],
      ["TracingEnabled", "xray_tracing_enabled", bool],
      ["ClientCertificateId", "client_certificate_id"],
      ["Variables", "variables"],
      ["AccessLogSetting.DestinationArn", "access_log_settings[0].destination_arn"],
      ["AccessLogSetting.Format", "access_log_settings[0].format"],
      ["Tags", "tags", tags],
    ],
  },
  ref: "stage_name",
};

/** A method and, when it has one, its integration: two resources in Terraform. */
export const apiGatewayMethod: CloudFormationMapping = {
  cloudFormationType: "AWS::ApiGateway::Method",
  main: {
    terraformType: "aws_api_gateway_method",
    rules: [
      ...methodKey,
      ["AuthorizationType", "authorization"],
      ["AuthorizerId", "authorizer_id"],
      ["AuthorizationScopes", "authorization_scopes"],
      ["ApiKeyRequired", "api_key_required", bool],
      ["OperationName", "operation_name"],
      ["RequestValidatorId", "request_validator_id"],
      ["RequestParameters", "request_parameters"],
      ["RequestModels", "request_models"],
    ],
  },
  split: [
    {
      terraformType: "aws_api_gateway_integration",
      when: "Integration",
      rules: [
        ...methodKey,
        ["Integration.Type", "type"],
        ["Integration.Uri", "uri"],
        ["Integration.IntegrationHttpMethod", "integration_http_method"],
        ["Integration.Credentials", "credentials"],
        ["Integration.ConnectionType", "connection_type"],
        ["Integration.ConnectionId", "connection_id"],
        ["Integration.PassthroughBehavior", "passthrough_behavior"],
        ["Integration.TimeoutInMillis", "timeout_milliseconds", number],
        ["Integration.RequestTemplates", "request_templates"],
      ],
    },
  ],
};

export const apiGatewayResource: CloudFormationMapping = {
  cloudFormationType: "AWS::ApiGateway::Resource",
  main: {
    terraformType: "aws_api_gateway_resource",
    rules: [
      ["RestApiId", "rest_api_id"],
      ["ParentId", "parent_id"],
      ["PathPart", "path_part"],
    ],
  },
  attributes: { ResourceId: "id" },
};

export const apiGatewayDeployment: CloudFormationMapping = {
  cloudFormationType: "AWS::ApiGateway::Deployment",
  main: {
    terraformType: "aws_api_gateway_deployment",
    rules: [
      ["RestApiId", "rest_api_id"],
      ["Description", "description"],
    ],
  },
  attributes: { DeploymentId: "id" },
};

export const apiGatewayAuthorizer: CloudFormationMapping = {
  cloudFormationType: "AWS::ApiGateway::Authorizer",
  main: {
    terraformType: "aws_api_gateway_authorizer",
    rules: [
      ["RestApiId", "rest_api_id"],
      ["Name", "name"],
      ["Type", "type"],
      ["AuthorizerUri", "authorizer_uri"],
      ["AuthorizerCredentials", "authorizer_credentials"],
      ["IdentitySource", "identity_source"],
      ["IdentityValidationExpression", "identity_validation_expression"],
      ["ProviderARNs", "provider_arns"],
      ["AuthorizerResultTtlInSeconds", "authorizer_result_ttl_in_seconds", number],
    ],
  },
  attributes: { AuthorizerId: "id" },
};

export const apiGatewayModel: CloudFormationMapping = {
  cloudFormationType: "AWS::ApiGateway::Model",
  main: {
    terraformType: "aws_api_gateway_model",
    rules: [
      ["RestApiId", "rest_api_id"],
      ["Name", "name"],
      ["Description", "description"],
      ["ContentType", "content_type"],
      ["Schema", "schema", json],
    ],
  },
  ref: "name",
};

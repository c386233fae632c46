import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import {
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import type { AwsContext } from "../../../src/catalog/aws/aws-crud.ts";
import { eip } from "../../../src/catalog/aws/eip/crud.ts";
import { flowLog } from "../../../src/catalog/aws/flow-log/crud.ts";
import { instance } from "../../../src/catalog/aws/instance/crud.ts";
import { internetGateway } from "../../../src/catalog/aws/internet-gateway/crud.ts";
import { natGateway } from "../../../src/catalog/aws/nat-gateway/crud.ts";
import { route } from "../../../src/catalog/aws/route/crud.ts";
import { routeTable } from "../../../src/catalog/aws/route-table/crud.ts";
import { routeTableAssociation } from "../../../src/catalog/aws/route-table-association/crud.ts";
import { securityGroup } from "../../../src/catalog/aws/security-group/crud.ts";
import { subnet } from "../../../src/catalog/aws/subnet/crud.ts";
import { vpc } from "../../../src/catalog/aws/vpc/crud.ts";
import { vpcSecurityGroupEgressRule } from "../../../src/catalog/aws/vpc-security-group-egress-rule/crud.ts";
import { vpcSecurityGroupIngressRule } from "../../../src/catalog/aws/vpc-security-group-ingress-rule/crud.ts";
import { callFor, freshAws, lifecycle, tagsFor } from "../../helpers/aws.ts";

// Every EC2 type plinth applies, against the moto server: create, read back, update, delete, and
// found again by its tags (what adoption after a crash relies on).
describe("EC2 resources against moto", () => {
  let aws: AwsContext;
  let vpcId: string;
  before(async () => {
    aws = await freshAws();
    vpcId = (await vpc.create(aws, callFor("aws_vpc.base", { cidr_block: "10.9.0.0/16" }))).id;
  });

  test("aws_vpc: DNS attributes set and updated, tags, found by identity", async () => {
    const ec2 = aws.clients.ec2();
    const address = "aws_vpc.net";
    const props = { cidr_block: "10.1.0.0/16", enable_dns_hostnames: true, tags: tagsFor(address) };
    const created = await lifecycle(aws, vpc, address, props, {
      update: { enable_dns_hostnames: false, tags: { ...tagsFor(address), team: "infra" } },
      keep: true,
    });
    const attribute = await ec2.send(
      new DescribeVpcAttributeCommand({ VpcId: created.id, Attribute: "enableDnsHostnames" }),
    );
    assert.equal(attribute.EnableDnsHostnames?.Value, false);
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ VpcIds: [created.id] }));
    assert.equal(Vpcs?.[0]?.Tags?.find((t) => t.Key === "team")?.Value, "infra");
    assert.equal((await vpc.find?.(aws, callFor(address, props)))?.id, created.id);
    await vpc.delete(aws, { ...callFor(address, props), id: created.id, outputs: {} });
    assert.equal(await vpc.find?.(aws, callFor(address, props)), undefined);
  });

  test("aws_subnet: zone, public IP mapping updated in place", async () => {
    const address = "aws_subnet.a";
    await lifecycle(
      aws,
      subnet,
      address,
      { vpc_id: vpcId, cidr_block: "10.9.1.0/24", availability_zone: "us-east-1a", tags: tagsFor(address) },
      {
        update: { map_public_ip_on_launch: true },
        checkUpdated: async (o) => {
          const { Subnets } = await aws.clients.ec2().send(new DescribeSubnetsCommand({ SubnetIds: [o.id] }));
          assert.equal(Subnets?.[0]?.MapPublicIpOnLaunch, true);
          assert.equal(Subnets?.[0]?.AvailabilityZone, "us-east-1a");
          assert.equal((await subnet.find?.(aws, callFor(address, {})))?.id, o.id);
        },
      },
    );
  });

  test("aws_internet_gateway: attached to its VPC, detached and deleted", async () => {
    await lifecycle(
      aws,
      internetGateway,
      "aws_internet_gateway.gw",
      { vpc_id: vpcId, tags: tagsFor("aws_internet_gateway.gw") },
      {
        check: async (o) => {
          const { InternetGateways } = await aws.clients
            .ec2()
            .send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [o.id] }));
          assert.equal(InternetGateways?.[0]?.Attachments?.[0]?.VpcId, vpcId);
        },
      },
    );
  });

  test("aws_route_table, aws_route and aws_route_table_association", async () => {
    const ec2 = aws.clients.ec2();
    const gw = await internetGateway.create(aws, callFor("aws_internet_gateway.rt", { vpc_id: vpcId }));
    const sub = await subnet.create(
      aws,
      callFor("aws_subnet.rt", { vpc_id: vpcId, cidr_block: "10.9.2.0/24" }),
    );
    const table = await lifecycle(
      aws,
      routeTable,
      "aws_route_table.public",
      { vpc_id: vpcId, tags: tagsFor("aws_route_table.public") },
      { keep: true },
    );
    const routeProps = { route_table_id: table.id, destination_cidr_block: "0.0.0.0/0", gateway_id: gw.id };
    const created = await route.create(aws, callFor("aws_route.internet", routeProps));
    assert.equal(created.id, `${table.id}_0.0.0.0/0`);
    const again = await route.create(aws, callFor("aws_route.internet", routeProps));
    assert.equal(again.id, created.id, "creating the same route again is idempotent");
    const association = await lifecycle(
      aws,
      routeTableAssociation,
      "aws_route_table_association.a",
      { subnet_id: sub.id, route_table_id: table.id },
      { keep: true },
    );
    const { RouteTables } = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [table.id] }));
    assert.ok(
      RouteTables?.[0]?.Routes?.some((r) => r.DestinationCidrBlock === "0.0.0.0/0" && r.GatewayId === gw.id),
    );
    assert.ok(RouteTables?.[0]?.Associations?.some((a) => a.SubnetId === sub.id));
    const existing = { ...callFor("aws_route.internet", routeProps), id: created.id, outputs: {} };
    await route.delete(aws, existing);
    assert.equal(await route.read(aws, existing), undefined);
    await routeTableAssociation.delete(aws, {
      ...callFor("x", { subnet_id: sub.id, route_table_id: table.id }),
      id: association.id,
      outputs: {},
    });
    await routeTable.delete(aws, { ...callFor("x", {}), id: table.id, outputs: {} });
    assert.equal(await routeTable.read(aws, { ...callFor("x", {}), id: table.id, outputs: {} }), undefined);
  });

  test("aws_security_group: AWS's default allow-all egress is removed; rules are their own resources", async () => {
    const group = await lifecycle(
      aws,
      securityGroup,
      "aws_security_group.web",
      { name: "web", description: "web tier", vpc_id: vpcId, tags: tagsFor("aws_security_group.web") },
      { keep: true },
    );
    const groupOf = async () =>
      (await aws.clients.ec2().send(new DescribeSecurityGroupsCommand({ GroupIds: [group.id] })))
        .SecurityGroups?.[0];
    assert.deepEqual((await groupOf())?.IpPermissionsEgress, []);
    const ingress = await lifecycle(
      aws,
      vpcSecurityGroupIngressRule,
      "aws_vpc_security_group_ingress_rule.https",
      {
        security_group_id: group.id,
        cidr_ipv4: "10.9.0.0/16",
        ip_protocol: "tcp",
        from_port: 443,
        to_port: 443,
        description: "https",
      },
      { keep: true },
    );
    assert.match(ingress.id, /^sgr-/);
    const permission = (await groupOf())?.IpPermissions?.[0];
    assert.equal(permission?.FromPort, 443);
    assert.equal(permission?.IpRanges?.[0]?.CidrIp, "10.9.0.0/16");
    const sameAgain = await vpcSecurityGroupIngressRule.create(
      aws,
      callFor("aws_vpc_security_group_ingress_rule.https", {
        security_group_id: group.id,
        cidr_ipv4: "10.9.0.0/16",
        ip_protocol: "tcp",
        from_port: 443,
        to_port: 443,
      }),
    );
    assert.equal(sameAgain.id, ingress.id, "an existing identical rule is found, not duplicated");
    await lifecycle(aws, vpcSecurityGroupEgressRule, "aws_vpc_security_group_egress_rule.all", {
      security_group_id: group.id,
      cidr_ipv4: "0.0.0.0/0",
      ip_protocol: "-1",
    });
    await vpcSecurityGroupIngressRule.delete(aws, {
      ...callFor("x", { security_group_id: group.id }),
      id: ingress.id,
      outputs: {},
    });
    assert.deepEqual((await groupOf())?.IpPermissions, []);
    await securityGroup.delete(aws, { ...callFor("x", {}), id: group.id, outputs: {} });
    assert.equal(await groupOf().catch(() => undefined), undefined);
  });

  test("aws_eip and aws_nat_gateway", async () => {
    const sub = await subnet.create(
      aws,
      callFor("aws_subnet.nat", { vpc_id: vpcId, cidr_block: "10.9.3.0/24" }),
    );
    const ip = await lifecycle(
      aws,
      eip,
      "aws_eip.nat",
      { domain: "vpc", tags: tagsFor("aws_eip.nat") },
      { keep: true },
    );
    assert.match(String(ip.outputs.public_ip), /^\d+\.\d+\.\d+\.\d+$/);
    await lifecycle(aws, natGateway, "aws_nat_gateway.nat", {
      allocation_id: ip.id,
      subnet_id: sub.id,
      tags: tagsFor("aws_nat_gateway.nat"),
    });
    await eip.delete(aws, { ...callFor("x", {}), id: ip.id, outputs: {} });
  });

  test("aws_flow_log to CloudWatch Logs", async () => {
    await lifecycle(aws, flowLog, "aws_flow_log.net", {
      vpc_id: vpcId,
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      log_destination: "arn:aws:logs:us-east-1:123456789012:log-group:/flow",
      iam_role_arn: "arn:aws:iam::123456789012:role/flow",
      max_aggregation_interval: 60,
      tags: tagsFor("aws_flow_log.net"),
    });
  });

  // RunInstances carries the run's ClientToken; moto 5.2 ignores it, so the token's effect cannot be
  // shown here. Finding the instance by its tags (what adoption uses) is.
  test("aws_instance: launched, running, found by its tags, then terminated", async () => {
    const sub = await subnet.create(
      aws,
      callFor("aws_subnet.vm", { vpc_id: vpcId, cidr_block: "10.9.4.0/24" }),
    );
    const props = {
      ami: "ami-12c6146b",
      instance_type: "t3.small",
      subnet_id: sub.id,
      metadata_options: [
        { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 },
      ],
      root_block_device: [{ volume_type: "gp3", volume_size: 20, encrypted: true }],
      user_data: "#!/bin/sh\necho hi\n",
      tags: tagsFor("aws_instance.web"),
    };
    const created = await instance.create(aws, callFor("aws_instance.web", props));
    assert.equal((await instance.find?.(aws, callFor("aws_instance.web", props)))?.id, created.id);
    const existing = { ...callFor("aws_instance.web", props), id: created.id, outputs: created.outputs };
    assert.ok(await instance.read(aws, existing));
    await instance.delete(aws, existing);
    assert.equal(await instance.read(aws, existing), undefined);
    assert.equal(await instance.find?.(aws, callFor("aws_instance.web", props)), undefined);
  });
});

import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  DescribeSecurityGroupRulesCommand,
  type IpPermission,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroupRule,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../engine/resource-handler.ts";
import type { JsonObject } from "../../model/value.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "./aws-crud.ts";
import { ec2Arn, tagSpecifications, updateTagsOnly } from "./ec2-tags.ts";
import { num, requiredStr, str } from "./properties.ts";

/**
 * aws_vpc_security_group_ingress_rule / _egress_rule: one rule with its own id (sgr-…), so it can be
 * tagged, found after a crash, and deleted alone. Everything but the description and tags replaces it.
 */
export function securityGroupRule(direction: "ingress" | "egress"): AwsCrud {
  const type = `aws_vpc_security_group_${direction}_rule`;
  return {
    type,
    forceNew: [
      "security_group_id",
      "cidr_ipv4",
      "cidr_ipv6",
      "ip_protocol",
      "from_port",
      "to_port",
      "prefix_list_id",
      "referenced_security_group_id",
    ],
    async create(aws, call) {
      const groupId = requiredStr(call.properties, "security_group_id", type);
      const existing = await findRule(aws, groupId, direction, call.properties);
      if (existing) return observed(aws, existing);
      const input = {
        GroupId: groupId,
        IpPermissions: [permission(call.properties)],
        TagSpecifications: tagSpecifications("security-group-rule", call.properties.tags),
      };
      const ec2 = aws.clients.ec2();
      const result =
        direction === "ingress"
          ? await ec2.send(new AuthorizeSecurityGroupIngressCommand(input))
          : await ec2.send(new AuthorizeSecurityGroupEgressCommand(input));
      const rule =
        result.SecurityGroupRules?.[0] ?? (await findRule(aws, groupId, direction, call.properties));
      return observed(aws, rule as SecurityGroupRule);
    },
    async read(aws, call) {
      const found = await describe(aws, call.id);
      return found
        ? { ...observed(aws, found), properties: { description: found.Description ?? null } }
        : undefined;
    },
    update: updateTagsOnly,
    async delete(aws, call) {
      const input = {
        GroupId: requiredStr(call.properties, "security_group_id", type),
        SecurityGroupRuleIds: [call.id],
      };
      const ec2 = aws.clients.ec2();
      await deleteIgnoringNotFound(
        direction === "ingress"
          ? ec2.send(new RevokeSecurityGroupIngressCommand(input))
          : ec2.send(new RevokeSecurityGroupEgressCommand(input)),
      );
    },
    async find(aws, call) {
      const groupId = requiredStr(call.properties, "security_group_id", type);
      const found = await findRule(aws, groupId, direction, call.properties);
      return found ? observed(aws, found) : undefined;
    },
  };
}

function permission(props: JsonObject): IpPermission {
  const protocol = str(props, "ip_protocol") ?? "-1";
  const all = protocol === "-1" || protocol === "all";
  const description = str(props, "description");
  const cidr4 = str(props, "cidr_ipv4");
  const cidr6 = str(props, "cidr_ipv6");
  const group = str(props, "referenced_security_group_id");
  const prefixList = str(props, "prefix_list_id");
  return {
    IpProtocol: all ? "-1" : protocol,
    ...(all ? {} : { FromPort: num(props, "from_port"), ToPort: num(props, "to_port") }),
    ...(cidr4 ? { IpRanges: [{ CidrIp: cidr4, Description: description }] } : {}),
    ...(cidr6 ? { Ipv6Ranges: [{ CidrIpv6: cidr6, Description: description }] } : {}),
    ...(group ? { UserIdGroupPairs: [{ GroupId: group, Description: description }] } : {}),
    ...(prefixList ? { PrefixListIds: [{ PrefixListId: prefixList, Description: description }] } : {}),
  };
}

async function describe(aws: AwsContext, id: string): Promise<SecurityGroupRule | undefined> {
  const result = await unlessNotFound(
    aws.clients.ec2().send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [id] })),
  );
  return result?.SecurityGroupRules?.[0];
}

/** The rule of `groupId` matching these properties: how a rule created before a crash is found. */
async function findRule(
  aws: AwsContext,
  groupId: string,
  direction: "ingress" | "egress",
  props: JsonObject,
): Promise<SecurityGroupRule | undefined> {
  const result = await unlessNotFound(
    aws.clients
      .ec2()
      .send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [groupId] }] })),
  );
  const wanted = permission(props);
  return result?.SecurityGroupRules?.find(
    (r) =>
      Boolean(r.IsEgress) === (direction === "egress") &&
      r.IpProtocol === wanted.IpProtocol &&
      (wanted.IpProtocol === "-1" || (r.FromPort === wanted.FromPort && r.ToPort === wanted.ToPort)) &&
      (r.CidrIpv4 ?? undefined) === (wanted.IpRanges?.[0]?.CidrIp ?? undefined) &&
      (r.CidrIpv6 ?? undefined) === (wanted.Ipv6Ranges?.[0]?.CidrIpv6 ?? undefined) &&
      (r.ReferencedGroupInfo?.GroupId ?? undefined) === (wanted.UserIdGroupPairs?.[0]?.GroupId ?? undefined),
  );
}

function observed(aws: AwsContext, rule: SecurityGroupRule): Observed {
  const id = rule.SecurityGroupRuleId as string;
  return {
    id,
    outputs: {
      arn: ec2Arn(aws, rule.GroupOwnerId, `security-group-rule/${id}`),
      security_group_rule_id: id,
    },
  };
}

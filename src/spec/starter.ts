import { DEFAULT_REGION } from "../catalog/regions.ts";
import type { Cloud } from "../model/graph.ts";

/** A DNS-safe app name from a directory name: `My_Shop 2` → `my-shop-2`. */
export function appNameFrom(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-+$/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return name || "my-app";
}

/** The commented starter spec `plinth init` writes. It validates as is. */
export function starterSpec(app: string, cloud: Cloud): string {
  return `# plinth.yaml — the infrastructure of ${app}. Docs: docs/spec.md
apiVersion: plinth/v1
app: ${app}
cloud: ${cloud}                 # aws | gcp | azure; an environment may override it
region: ${DEFAULT_REGION[cloud]}
tags:                       # added to every resource (labels on GCP)
  team: my-team

# Environments share the components below; overrides change properties per environment.
# An environment named prod/production/prd gets production defaults: deletion protection,
# high availability, longer backups.
environments:
  dev:
    overrides:
      db:
        size: small
  prod:
    approval: true          # a person approves every apply

components:
  net:
    type: network
    cidr: 10.0.0.0/16       # two private and two public subnets are carved out of it

  files:
    type: bucket            # encrypted, versioned, public access blocked

  db:
    type: database
    engine: postgres        # postgres | mysql
    size: medium            # small | medium | large
    network: \${net}         # a reference to another component

  # web:
  #   type: vm
  #   network: \${net}
  #   ingress:
  #     - port: 443
  #       cidr: 10.0.0.0/16
  #   env:
  #     DATABASE_HOST: \${db.host}

outputs:
  databaseHost: \${db.host}
`;
}

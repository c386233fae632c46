package plinth

import rego.v1

# Used by test/live/opa.live.ts against a real OPA, and as the wasm entrypoint plinth/deny:
#   opa build -t wasm -e plinth/deny -o bundle.tar.gz test/live/opa/
deny contains {"id": "ACME-OWNER", "address": r.address, "msg": "buckets need an owner tag", "severity": "high"} if {
	some r in input.resources
	r.type == "aws_s3_bucket"
	not r.properties.tags.owner
}

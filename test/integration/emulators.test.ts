import assert from "node:assert/strict";
import { test } from "node:test";
import { motoEndpoint, resetMoto } from "../helpers/moto.ts";

// Guards the CI wiring every AWS integration test relies on: a moto server on loopback, resettable.
test("the moto AWS emulator answers on loopback and can be reset", async () => {
  const endpoint = await motoEndpoint();
  assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
  await resetMoto(endpoint);
  const data = (await (await fetch(`${endpoint}/moto-api/data.json`)).json()) as Record<string, unknown>;
  assert.equal(typeof data, "object");
  if (process.env.CI)
    assert.equal(process.env.AWS_ENDPOINT_URL, endpoint, ".ci/run exports the endpoint for the SDK");
});

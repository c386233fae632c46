/// <reference path="./.sst/platform/config.d.ts" />

/**
 * plinth's own serverless control plane on AWS (docs/control-plane.md). `sst deploy --stage production`
 * turns on deletion protection and retention; every resource is declared in stacks/.
 */
export default $config({
  app(input) {
    return {
      name: "plinth",
      home: "aws",
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
      providers: { aws: { version: "7.20.0" } },
    };
  },
  async run() {
    const { controlPlane } = await import("./stacks/control-plane.ts");
    return controlPlane();
  },
});

import { app } from "@azure/functions";
import { awsFrontDoor } from "../front-door.ts";
import { createAzureStartWorkflow, createAzureWebhook } from "./handlers.ts";

/** The Azure Functions v4 entry points (programming model v4: registered in code, no function.json). */
app.http("githubWebhook", {
  methods: ["POST"],
  authLevel: "anonymous",
  handler: createAzureWebhook(awsFrontDoor),
});
app.http("startWorkflow", {
  methods: ["POST", "OPTIONS"],
  authLevel: "function",
  handler: createAzureStartWorkflow(awsFrontDoor),
});

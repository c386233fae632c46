// Loaded with `node --import` into a child process: appends the URL of every module the process
// loads (import and require alike) to the file PLINTH_TEST_MODULE_LOG names.
import { appendFileSync } from "node:fs";
import { registerHooks } from "node:module";

const log = process.env.PLINTH_TEST_MODULE_LOG;
if (log) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(log, `${url}\n`);
      return nextLoad(url, context);
    },
  });
}

// One headless Debian chromium for all of a test JVM's accessibility checks (testkit/A11yBrowser): started once, then
// each line on standard input names a check and its plan, { "id", "script", "plan" }, and the answer is one line,
// "RESULT <id> <json>", with what the script's run(browser, plan) returned, or { "error" }. Ends with its input.
// Launching chromium costs more than the pages a check visits; the checks share it, each in contexts of its own.
//   node browser.mjs <chromium>
import { createInterface } from "node:readline";
import { launch } from "./axe-pages.mjs";

const SCRIPTS = new Set(["filter-page", "login-pages", "search-page"]);
const browser = await launch(process.argv[2]);
try {
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const { id, script, plan } = JSON.parse(line);
    let result;
    try {
      if (!SCRIPTS.has(script)) throw new Error("no such check: " + script);
      const { run } = await import(`./${script}.mjs`);
      result = await run(browser, plan);
    } catch (e) {
      result = { error: String(e && e.stack ? e.stack : e) };
    }
    console.log(`RESULT ${id} ${JSON.stringify(result)}`);
  }
} finally {
  await browser.close();
}

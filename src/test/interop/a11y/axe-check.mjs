// What every page check of this folder shares: axe-core run in the page (through the DevTools protocol: the pages' CSP
// forbids injected scripts, rightly) and a navigation that reports the new page's HTTP status.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe in the page and adds its result to `pages`: status, title, lang, rules passed, violations, and `extra`. */
export async function check(pages, page, name, locale, status, extra = {}) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  pages.push({
    name,
    locale,
    status,
    title: await page.title(),
    lang: await page.getAttribute("html", "lang"),
    ...extra,
    rulesPassed: result.passes.length,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary),
    })),
  });
}

/** Does what navigates (a link, a form), waits for the new page and returns its HTTP status. */
export async function visit(page, action) {
  const [response] = await Promise.all([page.waitForNavigation(), action()]);
  return response ? response.status() : null;
}

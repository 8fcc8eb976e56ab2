// What the accessibility scripts share: a headless Debian chromium, axe-core run on a page as a person sees it, and
// a visit that waits for the page a link or form leads to. Each check adds one record to `pages`: the page's status,
// title, HTML lang attribute, how many axe rules passed and axe's violations (plus what `extra` measures).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function launch(executablePath) {
  // root in CI containers; their /dev/shm is small
  return chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}

export async function check(pages, page, name, locale, status, extra = async () => ({})) {
  await page.evaluate(axeSource); // through the DevTools protocol: the pages' CSP forbids injected scripts, rightly
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  pages.push({
    name,
    locale,
    status,
    title: await page.title(),
    lang: await page.getAttribute("html", "lang"),
    ...(await extra(page)),
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

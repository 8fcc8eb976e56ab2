// The search page as a person meets it in a real browser (Debian's chromium, driven by playwright-core), each state
// checked by axe-core: empty (everything, newest first), with hits and marked words, narrowed by a facet, after a
// search through the form, without hits, and with a parameter that names nothing (400). Once per language, chosen by
// the browser's Accept-Language (its locale).
// Prints one JSON line: per page its status, title, HTML lang attribute, how many axe rules passed and axe's violations.
//   node search-page.mjs <chromium> <plan.json>
// plan.json: { "base", "runs": [{ "locale" }] }
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [executablePath, planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));

const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
const pages = [];

async function check(page, name, locale, status) {
  await page.evaluate(axeSource); // through the DevTools protocol: the page's CSP forbids injected scripts, rightly
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  pages.push({
    name,
    locale,
    status,
    title: await page.title(),
    lang: await page.getAttribute("html", "lang"),
    marks: await page.locator("mark").count(),
    rulesPassed: result.passes.length,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary),
    })),
  });
}

async function visit(page, action) {
  const [response] = await Promise.all([page.waitForNavigation(), action()]);
  return response ? response.status() : null;
}

try {
  for (const run of plan.runs) {
    const context = await browser.newContext({ locale: run.locale });
    const page = await context.newPage();
    await check(page, "everything", run.locale, await visit(page, () => page.goto(plan.base + "/search")));
    await check(page, "hits", run.locale, await visit(page, () => page.goto(plan.base + "/search?q=Haushalt")));
    await check(page, "narrowed", run.locale, await visit(page, () => page.goto(plan.base + "/search?q=Beteiligung&field=partizipation&limit=2")));
    await page.fill("#q", "Jugendbeteiligung");
    await check(page, "form", run.locale, await visit(page, () => page.click("button[type=submit]")));
    await check(page, "no hits", run.locale, await visit(page, () => page.goto(plan.base + "/search?q=Tiefseebergbau")));
    await check(page, "bad parameter", run.locale, await visit(page, () => page.goto(plan.base + "/search?kind=poster")));
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ pages }));

// The merged calendar page as a person meets it in a real browser (Debian's chromium, driven by playwright-core), each
// view checked by axe-core: the calendar in German and English (by the browser's locale), after choosing filters in the
// form (without JavaScript: the form is a GET), and the page that says a filter is wrong (a 400).
// Prints one JSON line: per page its status, title, HTML lang attribute, how many axe rules passed and axe's violations.
//   node calendar-page.mjs <chromium> <plan.json>
// plan.json: { "calendar": "<url of /calendar>", "bad": "<url with a bad filter>", "locales": ["de-DE", "en-US"] }
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { check as axeCheck, visit } from "./axe-check.mjs";

const [executablePath, planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));

const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
const pages = [];
const check = async (page, name, locale, status) =>
  axeCheck(pages, page, name, locale, status, { events: await page.locator("article").count(), url: page.url() });

try {
  for (const locale of plan.locales) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await check(page, "calendar", locale, await visit(page, () => page.goto(plan.calendar)));
    await page.selectOption("#f-land", "DE-BY");
    await page.check("#f-attendance-online");
    await check(page, "filtered by the form", locale, await visit(page, () => page.click("form button[type=submit]")));
    await check(page, "bad filter", locale, await visit(page, () => page.goto(plan.bad)));
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ pages }));

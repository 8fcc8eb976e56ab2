// The directory page as a person meets it in a real browser (Debian's chromium, driven by playwright-core), each view
// checked by axe-core: the directory in German and English (by the browser's locale), after choosing filters in the
// form (without JavaScript: the form is a GET), and the page that says a filter is wrong (a 400).
// Prints one JSON line: per page its status, title, HTML lang attribute, how many axe rules passed and axe's violations.
//   node directory-page.mjs <chromium> <plan.json>
// plan.json: { "directory": "<url of /directory>", "bad": "<url with a bad filter>", "locales": ["de-DE", "en-US"] }
import { readFileSync } from "node:fs";
import { check as axeCheck, launch, visit } from "./axe-pages.mjs";

const [executablePath, planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));

const browser = await launch(executablePath);
const pages = [];
const check = (page, name, locale, status) =>
  axeCheck(pages, page, name, locale, status, async (p) => ({ municipalities: await p.locator("article").count(), url: p.url() }));

try {
  for (const locale of plan.locales) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await check(page, "directory", locale, await visit(page, () => page.goto(plan.directory)));
    await page.selectOption("#f-land", "DE-HE");
    await page.selectOption("#f-field", "partizipation");
    await check(page, "filtered by the form", locale, await visit(page, () => page.click("form button[type=submit]")));
    await check(page, "bad filter", locale, await visit(page, () => page.goto(plan.bad)));
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ pages }));

// A list page with a filter form (the merged calendar, the directory) as a person meets it in a real browser (Debian's
// chromium, driven by playwright-core), each view checked by axe-core: the list in German and English (by the
// browser's locale), after choosing filters in the form (without JavaScript: the form is a GET), and the page that
// says a filter is wrong (a 400).
// Answers, per page, its status, title, HTML lang attribute, how many axe rules passed, axe's violations, how many
// articles it lists and its URL. Run through browser.mjs with a plan:
// { "list": "<url of the page>", "bad": "<url with a bad filter>", "locales": ["de-DE", "en-US"],
//   "choose": [{ "select": "#f-land", "value": "DE-BY" }, { "check": "#f-attendance-online" }] }
import { check as axeCheck, visit } from "./axe-pages.mjs";

export async function run(browser, plan) {
  const pages = [];
  const check = (page, name, locale, status) =>
    axeCheck(pages, page, name, locale, status, async (p) => ({ articles: await p.locator("article").count(), url: p.url() }));
  for (const locale of plan.locales) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await check(page, "list", locale, await visit(page, () => page.goto(plan.list)));
    for (const c of plan.choose) {
      if (c.select) await page.selectOption(c.select, c.value);
      else await page.check(c.check);
    }
    await check(page, "filtered by the form", locale, await visit(page, () => page.click("form button[type=submit]")));
    await check(page, "bad filter", locale, await visit(page, () => page.goto(plan.bad)));
    await context.close();
  }
  return { pages };
}

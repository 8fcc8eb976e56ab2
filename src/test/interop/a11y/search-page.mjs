// The search page as a person meets it in a real browser (Debian's chromium, driven by playwright-core), each state
// checked by axe-core: empty (everything, newest first), with hits and marked words, narrowed by a facet, after a
// search through the form, without hits, and with a parameter that names nothing (400). Once per language, chosen by
// the browser's Accept-Language (its locale).
// Answers, per page, its status, title, HTML lang attribute, how many axe rules passed and axe's violations. Run
// through browser.mjs with a plan: { "base", "runs": [{ "locale" }] }
import { check as checkPage, visit } from "./axe-pages.mjs";

const marks = async (page) => ({ marks: await page.locator("mark").count() });

export async function run(browser, plan) {
  const pages = [];
  const check = (page, name, locale, status) => checkPage(pages, page, name, locale, status, marks);
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
  return { pages };
}

// The login pages as a person meets them in a real browser (Debian's chromium, driven by playwright-core), each
// checked by axe-core: the error page for an app the node does not know, the login page, the same page after a wrong password, the consent page, the page that shows
// an out-of-band code, and the password page (fresh and after a mismatch). Once per language, chosen by the
// browser's Accept-Language (its locale) or, where a plan entry says so, by Mastodon's ?lang parameter.
// Answers, per page, its status, title, HTML lang attribute, how many axe rules passed and axe's violations. Run
// through browser.mjs with a plan: { "username", "password", "runs": [{ "locale", "unknownApp", "authorize", "passwordLink" }] }
import { check as checkPage, visit } from "./axe-pages.mjs";

export async function run(browser, plan) {
  const pages = [];
  const check = (page, name, locale, status) => checkPage(pages, page, name, locale, status);
  for (const run of plan.runs) {
    const context = await browser.newContext({ locale: run.locale });
    const page = await context.newPage();
    await check(page, "unknown app", run.locale, await visit(page, () => page.goto(run.unknownApp)));
    await check(page, "login", run.locale, await visit(page, () => page.goto(run.authorize)));

    await page.fill("#username", plan.username);
    await page.fill("#password", "falsch-" + run.locale);
    await check(page, "login refused", run.locale, await visit(page, () => page.click("button[value=login]")));

    await page.fill("#password", plan.password);
    await check(page, "consent", run.locale, await visit(page, () => page.click("button[value=login]")));

    await check(page, "out-of-band code", run.locale, await visit(page, () => page.click("button[value=approve]")));

    await check(page, "password", run.locale, await visit(page, () => page.goto(run.passwordLink)));
    await page.fill("#password", "ein-langes-passwort-1");
    await page.fill("#repeat", "ein-langes-passwort-2");
    await check(page, "password mismatch", run.locale, await visit(page, () => page.click("button[type=submit]")));
    await context.close();
  }
  return { pages };
}

// The login pages as a person meets them in a real browser (Debian's chromium, driven by playwright-core), each
// checked by axe-core: the error page for an app the node does not know, the login page, the same page after a wrong password, the consent page, the page that shows
// an out-of-band code, and the password page (fresh and after a mismatch). Once per language, chosen by the
// browser's Accept-Language (its locale) or, where a plan entry says so, by Mastodon's ?lang parameter.
// Prints one JSON line: per page its status, title, HTML lang attribute, how many axe rules passed and axe's violations.
//   node login-pages.mjs <chromium> <plan.json>
// plan.json: { "username", "password", "runs": [{ "locale", "unknownApp", "authorize", "passwordLink" }] }
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { check as axeCheck, visit } from "./axe-check.mjs";

const [executablePath, planFile] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));

const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] }); // root in CI containers; their /dev/shm is small
const pages = [];
const check = (page, name, locale, status) => axeCheck(pages, page, name, locale, status);

try {
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
} finally {
  await browser.close();
}
console.log(JSON.stringify({ pages }));

// The README's pictures: the entity page of the example's CEO and the example article
// with a statement's evidence highlighted. Run by scripts/screenshots.sh.
//
//   node tests/screenshots.mjs BASE_URL OUT_DIR
import { chromium } from "playwright-core";
import path from "node:path";

const [base, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const person = "https://w3id.org/newsgraph/id/person/daniel-zhang-yong";
await page.goto(`${base}/#/entity/${encodeURIComponent(person)}`);
await page.waitForSelector(".graph .node >> nth=1");
await page.waitForTimeout(300);
await page.screenshot({ path: path.join(out, "entity.png"), fullPage: true });
const article = "https://w3id.org/newsgraph/id/article/wic2020";
await page.goto(`${base}/#/article/${encodeURIComponent(article)}`);
await page.waitForSelector(".fact-statement");
await page.click(".fact-statement >> nth=1");
await page.waitForSelector(".article-text .evidence");
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: path.join(out, "article.png") });
await browser.close();

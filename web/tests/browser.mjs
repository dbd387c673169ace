// Browser test of the sitrep page in headless Chromium (Debian's, driven by playwright-core),
// against a running `sitrep serve`. Checks, as an analyst would see it: the search finds Haftar;
// his page shows Putin in the graph, the 2023-09-28 meeting on the timeline and Moscow on the
// map; the document page highlights the evidence of a clicked fact. Saves a screenshot of each
// step. Prints "N passed, N failed" and exits 1 on any failure.
//
// Usage: node tests/browser.mjs --url http://127.0.0.1:8080 --out ../target/ci-screenshots [--name real]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const base = arg("url", "http://127.0.0.1:8080");
const out = arg("out", "../target/ci-screenshots");
const name = arg("name", "run");
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
async function check(what, f) {
  try {
    await f();
    passed++;
    console.log(`ok: ${what}`);
  } catch (e) {
    failed++;
    console.log(`FAILED: ${what}: ${e.message.split("\n")[0]}`);
  }
}
const shot = (page, step) => page.screenshot({ path: join(out, `${name}-${step}.png`), fullPage: false });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
// Nothing may leave the machine: every request must go to the server under test.
page.on("request", (r) => {
  if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`external request: ${r.url()}`);
});

try {
  await check("the page loads and its search finds Haftar", async () => {
    await page.goto(base, { waitUntil: "networkidle" });
    await page.fill("#search-input", "Haftar");
    await page.press("#search-input", "Enter");
    await page.waitForSelector("body[data-ready=search]", { timeout: 15000 });
    const names = await page.$$eval(".actor-results a.actor-link", (as) => as.map((a) => a.textContent));
    if (!names.some((n) => /Haftar/.test(n))) throw new Error(`actor results: ${JSON.stringify(names)}`);
    await shot(page, "1-search");
  });

  await check("Haftar's page shows Putin in the graph", async () => {
    const links = await page.$$(".actor-results a.actor-link[data-type=PERSON]");
    let opened = false;
    for (const l of links) {
      if (/Haftar/.test(await l.textContent())) {
        await l.click();
        opened = true;
        break;
      }
    }
    if (!opened) throw new Error("no PERSON result named Haftar");
    await page.waitForSelector("body[data-ready=actor]", { timeout: 20000 });
    await page.waitForFunction(() => window.sitrepGraph && window.sitrepGraph.nodes().length > 0, null, { timeout: 15000 });
    const labels = await page.evaluate(() => window.sitrepGraph.nodes().map((n) => n.data("label")));
    if (!labels.some((l) => /Putin/.test(l))) throw new Error(`graph nodes: ${JSON.stringify(labels)}`);
    // The node is drawn on the canvas: its rendered position lies inside the graph box.
    const inside = await page.evaluate(() => {
      const cy = window.sitrepGraph;
      const n = cy.nodes().filter((x) => /Putin/.test(x.data("label")))[0];
      const p = n.renderedPosition();
      return p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height();
    });
    if (!inside) throw new Error("Putin's node lies outside the visible graph");
  });

  await check("the 2023-09-28 meeting is on the timeline", async () => {
    const items = await page.$$eval(".timeline-svg .tl-item", (els) => els.map((e) => ({ date: e.dataset.date, cat: e.dataset.category, visible: e.getBoundingClientRect().width > 0 })));
    const hit = items.find((i) => i.date && i.date.startsWith("2023-09-28") && i.cat === "CONSULT" && i.visible);
    if (!hit) throw new Error(`timeline items: ${JSON.stringify(items)}`);
  });

  await check("Moscow is on the map, over country outlines", async () => {
    const places = await page.$$eval(".map-svg g.place", (els) => els.map((e) => e.dataset.name));
    if (!places.includes("Moscow")) throw new Error(`map places: ${JSON.stringify(places)}`);
    const countries = await page.$$eval(".map-svg path.country", (els) => els.length);
    if (countries < 50) throw new Error(`only ${countries} country outlines drawn`);
    await page.locator(".map-svg").scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "2-actor");
  });

  await check("the timeline zooms", async () => {
    const box = await page.locator(".timeline-svg").boundingBox();
    const before = await page.$eval(".timeline-svg .axis", (g) => g.textContent);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -400);
    await page.waitForTimeout(300);
    const after = await page.$eval(".timeline-svg .axis", (g) => g.textContent);
    if (before === after) throw new Error("the axis did not change on zoom");
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
  });

  await check("clicking the meeting shows its sources, and the document highlights its evidence", async () => {
    await page.click(".timeline-svg .tl-item[data-category=CONSULT][data-date^='2023-09-28']");
    await page.waitForSelector(".evidence-panel .source-link");
    await page.click(".evidence-panel .source-link");
    await page.waitForSelector("body[data-ready=doc]", { timeout: 15000 });
    await page.waitForSelector(".article-text .seg.m");
    // The link selected the meeting: its evidence is highlighted.
    const pre = await page.$$eval(".article-text .seg.evidence", (els) => els.map((e) => e.textContent).join(""));
    if (!/Putin/.test(pre)) throw new Error(`evidence from the link: ${JSON.stringify(pre)}`);
    // Clicking another fact moves the highlight to its evidence.
    const facts = await page.$$(".fact-list .fact");
    if (facts.length < 2) throw new Error(`only ${facts.length} facts listed`);
    const target = facts.find ? facts[facts.length - 1] : facts[1];
    await target.click();
    const active = await page.$eval(".fact.active", (e) => e.dataset.fact);
    const ev = await page.$$eval(".article-text .seg.evidence", (els) => els.map((e) => e.textContent).join(""));
    if (!ev.trim()) throw new Error(`no evidence highlighted for ${active}`);
    // And back to the meeting: the words that state it are highlighted.
    const meeting = page.locator(".fact-list.events .fact", { hasText: "CONSULT" }).first();
    await meeting.click();
    const ev2 = await page.$$eval(".article-text .seg.evidence", (els) => els.map((e) => e.textContent));
    const text = ev2.join(" ");
    if (!/Putin/.test(text) || !/Haftar/.test(text)) throw new Error(`meeting evidence: ${JSON.stringify(ev2)}`);
    const colours = await page.$$eval(".article-text .seg.m", (els) => new Set(els.map((e) => getComputedStyle(e).borderBottomColor)).size);
    if (colours < 2) throw new Error("mentions are not highlighted by type");
    await shot(page, "3-document");
  });

  await check("no page errors and no request leaves the server", async () => {
    if (problems.length) throw new Error(problems.join("; "));
  });
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

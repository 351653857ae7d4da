// <script type="micropython"> tags (npm/script-tags.mjs) in a real page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { setup, watch, SHOTS } from "./common.mjs";

let env, page, log;

before(async () => {
    env = await setup();
    page = await env.browser.newPage();
    log = watch(page);
    await page.goto(env.base + "/tests/scripts.html");
    try {
        await page.waitForFunction(() => window.events.filter((e) => e.startsWith("done:")).length === 9, null, { timeout: 30000 });
    } catch (e) {
        throw new Error(`not all scripts finished: ${await page.evaluate(() => JSON.stringify(window.events))}\n${log.join("\n")}`);
    }
});

after(async () => {
    if (env) await env.close();
});

const textAfter = (id) => page.evaluate((id) => document.getElementById(id).nextElementSibling.textContent, id);

test("scripts run in document order in one interpreter", async () => {
    assert.match(await page.textContent("#out1"), /^first script\n/);
    assert.equal(await textAfter("s2"), "from app.py 42\n");
    assert.equal(await textAfter("s3"), "data: hello from a file\n");
    assert.equal(await textAfter("s4"), "toml: hello from a file\n");
    assert.equal(await textAfter("s8"), "after the error 42\n");
    const events = await page.evaluate(() => window.events.filter((e) => !e.includes("s9")));
    assert.deepEqual(events, ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"].flatMap((s) => [`ready:${s}`, s === "s7" ? `done:${s}:error` : `done:${s}`]));
});

test("display(), document and the terminal attribute", async () => {
    assert.equal(await page.textContent("#fancy"), "bold");
    assert.match(await page.textContent("#out1"), /\[1, 2\]/);
    assert.equal(await page.getAttribute("#out1", "data-seen"), "yes");
    const cls = await page.evaluate(() => document.getElementById("s6").nextElementSibling.className);
    assert.equal(cls, "ferropy-terminal");
    assert.equal(await textAfter("s6"), "terminal output ['s1', 's2', 's3', 's4', 's5']\n");
});

test("when() attaches event handlers (with or without the event)", async () => {
    await page.click("#btn");
    await page.click("#btn");
    await page.waitForFunction(() => document.getElementById("clicks").textContent.includes("clicked 2 click"));
    assert.equal(await page.textContent("#clicks"), "clicked 1 clickno-arg handlerclicked 2 clickno-arg handler");
});

test("an uncaught error is shown with its traceback", async () => {
    const err = await page.evaluate(() => {
        const s = document.getElementById("s7");
        const box = s.nextElementSibling;
        return box.nextElementSibling.className + "|" + box.nextElementSibling.textContent;
    });
    assert.match(err, /^ferropy-error\|Traceback \(most recent call last\):/);
    assert.match(err, /line 3, in <module>\n.*line 2, in fail/);
    assert.match(err, /ValueError: boom/);
    assert.ok(log.some((l) => l.startsWith("console.error") && l.includes("ValueError: boom")));
    await page.screenshot({ path: path.join(SHOTS, "script-tags.png"), fullPage: true });
});

test("a worker script runs in a Web Worker and its output comes back", async () => {
    await page.waitForFunction(() => window.events.includes("done:s9"));
    assert.equal(await page.textContent("#wout"), "in a worker: webassembly\nworker display");
});

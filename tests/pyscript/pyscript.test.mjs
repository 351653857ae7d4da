// PyScript end to end on the ferropy engine: @pyscript/core (pinned in package.json, installed by
// run.sh) and the npm/ package are served from 127.0.0.1, and pages whose <mpy-config> names
// /npm/ferropy.mjs as the interpreter run in headless Chromium. Any request to another host fails
// the test (PyScript must not reach a CDN). Screenshots go to target/pyscript-screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const require = createRequire(process.env.FERROPY_PLAYWRIGHT || path.join(root, ".tools/playwright/package.json"));
const { chromium } = require("playwright-core");
const SHOTS = path.join(root, "target/pyscript-screenshots");

const MOUNTS = [
    ["/pyscript/", path.join(here, "node_modules/@pyscript/core/dist")],
    ["/npm/", path.join(root, "npm")],
    ["/", path.join(here, "pages")],
];
const TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".html": "text/html",
    ".css": "text/css",
    ".json": "application/json",
    ".py": "text/plain",
    ".map": "application/json",
};

let server, browser, base;
const remote = [];

function serve(req, res) {
    const u = new URL(req.url, "http://x");
    let p = decodeURIComponent(u.pathname);
    if (p === "/") p = "/index.html";
    for (const [prefix, dir] of MOUNTS) {
        if (!p.startsWith(prefix)) continue;
        const file = path.join(dir, path.normalize(p.slice(prefix.length)));
        if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) break;
        const headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream" };
        // `?coi`: a cross-origin isolated page (SharedArrayBuffer), as PyScript's workers need
        // for `window`/`document`; its same-origin subresources need no extra headers.
        if (u.searchParams.has("coi")) {
            headers["cross-origin-opener-policy"] = "same-origin";
            headers["cross-origin-embedder-policy"] = "require-corp";
        }
        res.writeHead(200, headers);
        return fs.createReadStream(file).pipe(res);
    }
    res.writeHead(404);
    res.end();
}

before(async () => {
    server = http.createServer(serve);
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
    if (browser) await browser.close();
    if (server) server.close();
});

/** A new page that records console output and errors and refuses requests to other hosts. */
async function open(name) {
    const page = await browser.newPage();
    const log = [];
    page.on("console", (m) => log.push(`console.${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => log.push(`pageerror: ${e.message}`));
    await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(base + "/") || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
        remote.push(url);
        return route.abort();
    });
    await page.goto(`${base}/${name}`);
    return { page, log };
}

const why = (log) => "\n" + log.join("\n");

test("a <script type=\"mpy\"> page runs on ferropy: print, display, document, files, click, error banner", async () => {
    const { page, log } = await open("index.html");
    try {
        await page.waitForFunction(() => window.pyDone === true, null, { timeout: 60000 });
    } catch (e) {
        await page.screenshot({ path: path.join(SHOTS, "index-failed.png"), fullPage: true });
        assert.fail("the script did not finish:" + why(log));
    }
    // print() goes to stdout, which PyScript sends to console.log.
    await page.waitForFunction(() => true);
    assert.ok(log.some((l) => l === "console.log: hello from ferropy via pyscript"), "print output missing:" + why(log));
    // display() into a target.
    const target = await page.textContent("#target");
    assert.match(target, /displayed text/, why(log));
    assert.match(target, /42/, why(log));
    // document access through pyscript.document and js.document.
    assert.equal(await page.textContent("#doc"), "doc: micropython");
    assert.equal(await page.textContent("#jsdoc"), "js.document works");
    // `files` fetched helper.py into the file system; the script imported it.
    assert.equal(await page.textContent("#files"), "hello files from helper.py");
    // the second script's error shows PyScript's banner with the traceback.
    await page.waitForSelector(".py-error", { timeout: 20000 });
    const banner = await page.textContent(".py-error");
    assert.match(banner, /Traceback \(most recent call last\):[\s\S]*in broken[\s\S]*ValueError: deliberate failure/, banner);
    // mpy-click calls the Python handler.
    await page.click("#btn");
    await page
        .waitForFunction(() => document.getElementById("clicked").textContent !== "", null, { timeout: 10000 })
        .catch(() => assert.fail("the click handler did not run:" + why(log)));
    assert.equal(await page.textContent("#clicked"), "clicked: click");
    // an error in an event handler gets a banner too.
    await page.click("#bad");
    await page
        .waitForFunction(() => document.querySelectorAll(".py-error").length >= 2, null, { timeout: 10000 })
        .catch(() => assert.fail("no banner for the handler's error:" + why(log)));
    const second = await page.evaluate(() => document.querySelectorAll(".py-error")[1].textContent);
    assert.match(second, /in on_bad_click[\s\S]*RuntimeError: handler failed on click/, second);
    await page.screenshot({ path: path.join(SHOTS, "index.png"), fullPage: true });
    assert.deepEqual(remote, [], "requests to other hosts");
    await page.close();
});

test("the terminal attribute: output in xterm and a REPL through replProcessChar", async () => {
    const { page, log } = await open("terminal.html");
    const text = () => page.evaluate(() => document.querySelector("py-terminal .xterm-rows")?.innerText ?? "");
    try {
        await page.waitForFunction(() => window.termDone === true, null, { timeout: 60000 });
        await page.waitForFunction(() => /line 2/.test(document.querySelector("py-terminal .xterm-rows")?.innerText ?? ""), null, { timeout: 10000 });
        await page.waitForFunction(() => />>> /.test(document.querySelector("py-terminal .xterm-rows")?.innerText ?? ""), null, { timeout: 10000 });
    } catch (e) {
        await page.screenshot({ path: path.join(SHOTS, "terminal-failed.png"), fullPage: true });
        assert.fail(`terminal not ready: ${JSON.stringify(await text())}` + why(log));
    }
    const t = await text();
    assert.match(t, /terminal says hi/);
    // one line per print: no staircase (each line starts at column 0).
    assert.match(t, /\nline 0\s*\nline 1\s*\nline 2/, JSON.stringify(t));
    await page.click("py-terminal");
    await page.keyboard.type("6*7\r");
    await page.waitForFunction(() => /\n42\s*\n/.test(document.querySelector("py-terminal .xterm-rows")?.innerText ?? ""), null, { timeout: 10000 }).catch(() => {});
    const after = await text();
    assert.match(after, />>> 6\*7\s*\n42\s*\n>>> /, JSON.stringify(after) + why(log));
    await page.screenshot({ path: path.join(SHOTS, "terminal.png"), fullPage: true });
    assert.deepEqual(remote, [], "requests to other hosts");
    await page.close();
});

test("the terminal stays responsive: time.sleep and a busy loop run in the background, Ctrl-C stops the loop", async () => {
    const { page, log } = await open("terminal.html");
    const rows = () => page.evaluate(() => document.querySelector("py-terminal .xterm-rows")?.innerText ?? "");
    const prompts = async () => ((await rows()).match(/>>> /g) || []).length;
    try {
        await page.waitForFunction(() => window.termDone === true, null, { timeout: 60000 });
        await page.waitForFunction(() => />>> /.test(document.querySelector("py-terminal .xterm-rows")?.innerText ?? ""), null, { timeout: 10000 });
    } catch (e) {
        await page.screenshot({ path: path.join(SHOTS, "terminal-live-failed.png"), fullPage: true });
        assert.fail(`terminal not ready: ${JSON.stringify(await rows())}` + why(log));
    }
    // While Python sleeps or loops, page timers fire and page.evaluate answers quickly. (A timer
    // due during the 1 s sleep fires before its output: page timers fire in order of expiry.)
    const roundTrip = async () => {
        const t0 = Date.now();
        await page.evaluate(() => 0);
        return Date.now() - t0;
    };
    // window.fired: whether a timer due in `ms` ran before the terminal showed `re`.
    const armTimer = (ms, re) =>
        page.evaluate(
            ([ms, src]) => {
                window.fired = null;
                setTimeout(() => (window.fired = !new RegExp(src).test(document.querySelector("py-terminal .xterm-rows")?.innerText ?? "")), ms);
            },
            [ms, re.source],
        );
    await page.click("py-terminal");
    const before = await prompts();
    await page.keyboard.type("import time; time.sleep(1); print('woke')\r");
    const t0 = Date.now();
    await armTimer(200, /\nwoke/);
    await new Promise((r) => setTimeout(r, 400));
    assert.ok((await roundTrip()) < 300, "page.evaluate is slow during time.sleep");
    assert.doesNotMatch(await rows(), /\nwoke/);
    await page
        .waitForFunction((n) => ((document.querySelector("py-terminal .xterm-rows")?.innerText ?? "").match(/>>> /g) || []).length > n, before, { timeout: 10000 })
        .catch(() => {});
    assert.ok(Date.now() - t0 >= 500, "the sleep ended too early");
    assert.equal(await page.evaluate(() => window.fired), true, "no timer fired during time.sleep" + why(log));
    assert.match(await rows(), /woke\s*\n>>> /, JSON.stringify(await rows()) + why(log));
    // A busy loop: the page stays live, Ctrl-C stops it with KeyboardInterrupt and a new prompt.
    await page.keyboard.type("while True: pass\r\r");
    await new Promise((r) => setTimeout(r, 200));
    await armTimer(50, /KeyboardInterrupt/);
    await new Promise((r) => setTimeout(r, 400));
    assert.ok((await roundTrip()) < 1000, "page.evaluate is slow during a busy loop");
    assert.equal(await page.evaluate(() => window.fired), true, "no timer fired during the busy loop" + why(log));
    assert.doesNotMatch(await rows(), /KeyboardInterrupt/);
    await page.keyboard.press("Control+c");
    await page
        .waitForFunction(() => /KeyboardInterrupt\s*\n>>> /.test(document.querySelector("py-terminal .xterm-rows")?.innerText ?? ""), null, { timeout: 10000 })
        .catch(() => {});
    assert.match(await rows(), /KeyboardInterrupt\s*\n>>> /, JSON.stringify(await rows()) + why(log));
    // The REPL goes on as before.
    await page.keyboard.type("6*7\r");
    await page.waitForFunction(() => /\n42\s*\n>>> /.test(document.querySelector("py-terminal .xterm-rows")?.innerText ?? ""), null, { timeout: 10000 }).catch(() => {});
    assert.match(await rows(), /\n42\s*\n>>> /, JSON.stringify(await rows()) + why(log));
    // input() in the main-thread terminal is PyScript's `js.prompt`.
    page.once("dialog", (d) => d.accept("Ada"));
    await page.keyboard.type("print('hi', input('who? '))\r");
    await page.waitForFunction(() => /\nhi Ada\s*\n>>> /.test(document.querySelector("py-terminal .xterm-rows")?.innerText ?? ""), null, { timeout: 10000 }).catch(() => {});
    assert.match(await rows(), /\nhi Ada\s*\n>>> /, JSON.stringify(await rows()) + why(log));
    await page.screenshot({ path: path.join(SHOTS, "terminal-live.png"), fullPage: true });
    assert.deepEqual(remote, [], "requests to other hosts");
    await page.close();
});

test("a <script type=\"mpy\" worker> runs ferropy in a worker: print, display and document (cross-origin isolated page)", async () => {
    const { page, log } = await open("worker.html?coi");
    try {
        await page.waitForFunction(() => window.workerDone === true, null, { timeout: 60000 });
    } catch (e) {
        await page.screenshot({ path: path.join(SHOTS, "worker-failed.png"), fullPage: true });
        assert.fail("the worker script did not finish:" + why(log));
    }
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.ok(log.includes("console.log: hello from the worker True"), "print output missing:" + why(log));
    assert.equal(await page.textContent("#out"), "displayed from the worker", why(log));
    assert.equal(await page.getAttribute("#out", "data-done"), "yes");
    assert.deepEqual(remote, [], "requests to other hosts");
    await page.close();
});

test("a worker without SharedArrayBuffer: ferropy runs and prints, PyScript refuses window/document", async () => {
    const { page, log } = await open("worker.html");
    const refused = /Unable to use `window` or `document` in worker\. This requires SharedArrayBuffer support/;
    const has = (re) => log.some((l) => re.test(l));
    const end = Date.now() + 60000;
    while (!(has(/hello from the worker True/) && has(refused)) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    assert.ok(has(/^console\.log: hello from the worker True$/), "print output missing:" + why(log));
    // PyScript's own limitation (polyscript gives workers no `window` without SharedArrayBuffer):
    // display() fails with its message, raised through ferropy as an AttributeError.
    assert.ok(has(/AttributeError: Unable to use `window` or `document` in worker/), why(log));
    assert.equal(await page.textContent("#out"), "");
    assert.deepEqual(remote, [], "requests to other hosts");
    await page.close();
});

test("a worker terminal (cross-origin isolated): REPL, time.sleep in the background, input(), Ctrl-C", async () => {
    const { page, log } = await open("terminal-worker.html?coi");
    const rows = () => page.evaluate(() => document.querySelector("py-terminal .xterm-rows")?.innerText ?? "");
    const waitRows = (re) =>
        page.waitForFunction((src) => new RegExp(src).test(document.querySelector("py-terminal .xterm-rows")?.innerText ?? ""), re.source, { timeout: 20000 }).catch(() => {});
    await waitRows(/>>> /);
    assert.match(await rows(), /worker terminal says hi[\s\S]*>>> /, JSON.stringify(await rows()) + why(log));
    await page.click("py-terminal");
    await page.keyboard.type("6*7\r");
    await waitRows(/\n42\s*\n>>> /);
    assert.match(await rows(), /\n42\s*\n>>> /, JSON.stringify(await rows()) + why(log));
    await page.keyboard.type("import time; time.sleep(0.3); print('woke')\r");
    await waitRows(/\nwoke\s*\n>>> /);
    assert.match(await rows(), /\nwoke\s*\n>>> /, JSON.stringify(await rows()) + why(log));
    await page.keyboard.type("print('hi', input('who? '))\r");
    await waitRows(/who\? $/m);
    await page.keyboard.type("Ada\r");
    await waitRows(/\nhi Ada\s*\n>>> /);
    assert.match(await rows(), /\nhi Ada\s*\n>>> /, JSON.stringify(await rows()) + why(log));
    await page.keyboard.type("while True: pass\r\r");
    await new Promise((r) => setTimeout(r, 300));
    await page.keyboard.press("Control+c");
    await waitRows(/KeyboardInterrupt\s*\n>>> /);
    assert.match(await rows(), /KeyboardInterrupt\s*\n>>> /, JSON.stringify(await rows()) + why(log));
    await page.screenshot({ path: path.join(SHOTS, "terminal-worker.png"), fullPage: true });
    assert.deepEqual(remote, [], "requests to other hosts");
    await page.close();
});

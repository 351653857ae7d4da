// Headless-Chromium tests: the npm package loaded by a page served from 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const require = createRequire(process.env.FERROPY_PLAYWRIGHT || path.join(root, ".tools/playwright/package.json"));
const { chromium } = require("playwright-core");

const types = { ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html", ".json": "application/json" };
const PAGE = `<!doctype html><html><body><div id="out"></div><script type="module">
import { loadMicroPython } from "/npm/ferropy.mjs";
window.lines = [];
window.mp = await loadMicroPython({ stdout: (l) => window.lines.push(l), stderr: (l) => window.lines.push(l) });
window.ready = true;
</script></body></html>`;

let server, browser, page, base;

before(async () => {
    server = http.createServer((req, res) => {
        const u = new URL(req.url, "http://x");
        if (u.pathname === "/") {
            res.writeHead(200, { "content-type": "text/html" });
            return res.end(PAGE);
        }
        if (u.pathname === "/data.json") {
            res.writeHead(200, { "content-type": "application/json" });
            return res.end(JSON.stringify({ answer: 42 }));
        }
        const file = path.join(root, path.normalize(u.pathname));
        if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) {
            res.writeHead(404);
            return res.end();
        }
        res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
        fs.createReadStream(file).pipe(res);
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
    await page.goto(base + "/");
    await page.waitForFunction(() => window.ready === true, null, { timeout: 30000 });
});

after(async () => {
    if (browser) await browser.close();
    if (server) server.close();
});

test("runPython in the page", async () => {
    assert.equal(await page.evaluate(() => window.mp.runPython("3*7")), 21);
    await page.evaluate(() => window.mp.runPython("print('from python')"));
    assert.deepEqual(await page.evaluate(() => window.lines.slice(-1)), ["from python"]);
});

test("Python drives the DOM", async () => {
    await page.evaluate(() => window.mp.runPython("import js\nd = js.document.getElementById('out')\nd.textContent = 'hi from py'\np = js.document.createElement('p')\np.id = 'made'\njs.document.body.appendChild(p)"));
    assert.equal(await page.textContent("#out"), "hi from py");
    assert.equal(await page.evaluate(() => !!document.getElementById("made")), true);
});

test("runPythonAsync awaits fetch", async () => {
    const r = await page.evaluate(() => window.mp.runPythonAsync("import js\nresp = await js.fetch('/data.json')\ndata = await resp.json()\ndata.answer"));
    assert.equal(r, 42);
});

test("a long loop and awaited timers keep the page responsive", async () => {
    const ticks = await page.evaluate(async () => {
        let ticks = 0;
        const t = setInterval(() => ticks++, 5);
        window.wait = (ms) => new Promise((r) => setTimeout(r, ms));
        await window.mp.runPythonAsync("import js\nawait js.wait(150)\nt = 0\nfor i in range(2000000):\n    t += i");
        clearInterval(t);
        return ticks;
    });
    assert.ok(ticks >= 10, `setInterval ticked ${ticks} times`);
    const hasSleep = await page.evaluate(() => window.mp.runPython("try:\n    import time\n    r = hasattr(time, 'sleep')\nexcept ImportError:\n    r = False\nr"));
    if (hasSleep) {
        const t2 = await page.evaluate(async () => {
            let ticks = 0;
            const t = setInterval(() => ticks++, 5);
            await window.mp.runPythonAsync("import time\ntime.sleep(0.2)");
            clearInterval(t);
            return ticks;
        });
        assert.ok(t2 >= 10, `setInterval ticked ${t2} times during time.sleep`);
    }
});

test("an uncaught error is a PythonError with the traceback", async () => {
    const e = await page.evaluate(async () => {
        try {
            await window.mp.runPythonAsync("def f():\n    raise ValueError('browser boom')\nf()");
        } catch (e) {
            return { name: e.name, type: e.type, message: e.message, isError: e instanceof Error };
        }
    });
    assert.equal(e.name, "PythonError");
    assert.equal(e.type, "ValueError");
    assert.equal(e.isError, true);
    assert.match(e.message, /Traceback \(most recent call last\):[\s\S]*line 2, in f[\s\S]*ValueError: browser boom/);
});

test("event handlers call Python functions", async () => {
    await page.evaluate(() => window.mp.runPython("import js\nclicks = []\ndef on_click(ev):\n    clicks.append(ev.type)\nb = js.document.createElement('button')\nb.id = 'btn'\njs.document.body.appendChild(b)\nb.addEventListener('click', on_click)"));
    await page.click("#btn");
    assert.equal(await page.evaluate(() => window.mp.runPython("clicks[0]")), "click");
});

test("asyncio: a task awaits fetch() while a sibling task sleeps; timers keep firing", async () => {
    const r = await page.evaluate(async () => {
        let ticks = 0;
        const t = setInterval(() => ticks++, 5);
        window.slow = (ms, v) => new Promise((res) => setTimeout(() => res(v), ms));
        try {
            const v = await window.mp.runPythonAsync(`
import asyncio, js
count = 0
log = []
async def counter():
    global count
    while True:
        count += 1
        await asyncio.sleep(0.005)
async def get():
    resp = await js.fetch('/data.json')
    data = await resp.json()
    log.append("fetched")
    v = await js.slow(60, "slow")
    log.append(v)
    return data.answer
async def main():
    c = asyncio.create_task(counter())
    v = await get()
    c.cancel()
    await asyncio.sleep(0.1)
    return [v, count, log]
asyncio.run(main())
`);
            return { v: v.toJs(), ticks };
        } finally {
            clearInterval(t);
        }
    });
    const [answer, count, log] = r.v;
    assert.equal(answer, 42);
    assert.deepEqual(log, ["fetched", "slow"]);
    assert.ok(count >= 5, `the sibling task ran ${count} times`);
    assert.ok(r.ticks >= 5, `setInterval ticked ${r.ticks} times`);
});

// asyncio on real JS promises (node): inside a running asyncio.run() loop in runPythonAsync,
// tasks await JS promises while sibling tasks keep running, and asyncio.sleep returns to the JS
// event loop (timers fire meanwhile; the thresholds allow for a heavily loaded machine: a frozen
// loop ticks 0-1 times). The same checks run in Chromium (browser/browser.test.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { loadMicroPython } from "../../npm/ferropy.mjs";

const lines = [];
const mp = await loadMicroPython({ stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
globalThis.delay = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
globalThis.failLater = (ms, msg) => new Promise((_, j) => setTimeout(() => j(new Error(msg)), ms));
// Warm the engine up once (the first run after load pays for wasm compilation).
await mp.runPythonAsync("import asyncio, js, time\nawait asyncio.sleep(0)");

/** Run code while a 5 ms setInterval counts the event-loop turns; returns [result, ticks, ms]. */
async function ticking(code) {
    let ticks = 0;
    const iv = setInterval(() => ticks++, 5);
    const t0 = performance.now();
    try {
        const r = await mp.runPythonAsync(code);
        return [r && r.toJs ? r.toJs() : r, ticks, performance.now() - t0];
    } finally {
        clearInterval(iv);
    }
}

test("a task awaits a JS promise while a sibling task sleeps and runs", async () => {
    const [r, ticks, ms] = await ticking(`
log = []
async def ticker():
    for i in range(6):
        log.append("tick%d" % i)
        await asyncio.sleep(0.02)
async def waiter():
    v = await js.delay(50, "resolved")
    log.append(v)
    return v
async def main():
    a = asyncio.create_task(ticker())
    b = asyncio.create_task(waiter())
    await a
    return await b
[asyncio.run(main()), log]
`);
    const [v, log] = r;
    assert.equal(v, "resolved");
    assert.deepEqual(log.filter((x) => x !== "resolved"), ["tick0", "tick1", "tick2", "tick3", "tick4", "tick5"]);
    const at = log.indexOf("resolved");
    // the promise settled while the ticker was between its sleeps
    assert.ok(at >= 2 && at <= 5, JSON.stringify(log));
    assert.ok(ms < 2000, `took ${ms} ms`);
    assert.ok(ticks >= 5, `the event loop turned only ${ticks} times`);
});

test("asyncio.gather of JS promises and Python coroutines; rejections raise JsException", async () => {
    const [r] = await ticking(`
import jsffi
async def py(n):
    await asyncio.sleep(0.01 * n)
    return n * 10
async def bad():
    try:
        await js.failLater(10, "nope")
    except jsffi.JsException as e:
        return "caught " + str(e.message if hasattr(e, "message") else e)
async def wait(p):
    return await p
async def main():
    return await asyncio.gather(py(1), wait(js.delay(20, "js")), py(2), bad())
asyncio.run(main())
`);
    assert.equal(r.length, 4);
    assert.deepEqual(r.slice(0, 3), [10, "js", 20]);
    assert.match(String(r[3]), /^caught .*nope/);
});

test("await js.fetch() in a task while another task keeps running", async () => {
    const server = http.createServer((req, res) => {
        setTimeout(() => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify({ answer: 42, path: req.url }));
        }, 30);
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    try {
        globalThis.dataUrl = `http://127.0.0.1:${server.address().port}/data.json`;
        const [r, ticks] = await ticking(`
count = 0
async def counter():
    global count
    while True:
        count += 1
        await asyncio.sleep(0.005)
async def get():
    resp = await js.fetch(js.dataUrl)
    data = await resp.json()
    return data.answer
async def main():
    c = asyncio.create_task(counter())
    v = await get()
    c.cancel()
    return [v, count]
asyncio.run(main())
`);
        assert.equal(r[0], 42);
        assert.ok(r[1] >= 3, `the sibling task ran ${r[1]} times during the fetch`);
        assert.ok(ticks >= 3, `the event loop turned only ${ticks} times`);
    } finally {
        server.close();
    }
});

test("asyncio.sleep does not freeze the event loop", async () => {
    const [r, ticks, ms] = await ticking(`
async def main():
    t0 = time.ticks_ms()
    await asyncio.sleep(0.2)
    return time.ticks_diff(time.ticks_ms(), t0)
asyncio.run(main())
`);
    assert.ok(r >= 190 && ms >= 190, `slept ${r} ms`);
    assert.ok(ticks >= 5, `setInterval ticked ${ticks} times during asyncio.sleep(0.2)`);
});

test("top-level await of a promise and asyncio in the same run", async () => {
    const [r] = await ticking(`
v = await js.delay(10, 5)
async def twice(x):
    await asyncio.sleep(0.01)
    return x * 2
v + asyncio.run(twice(v))
`);
    assert.equal(r, 15);
});

test("PyProxy functions have call/apply/bind (PyScript's handler.call(ctx, event))", async () => {
    mp.runPython("def add(a, b):\n    return a + b");
    const add = mp.globals.get("add");
    assert.equal(add.call(null, 2, 3), 5);
    assert.equal(add.apply(null, [4, 5]), 9);
    assert.equal(add.bind(null, 10)(1), 11);
    assert.equal(add(1, 1), 2);
});

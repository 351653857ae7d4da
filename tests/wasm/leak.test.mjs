// Nothing leaks across the bridge: a million PyProxy and JsProxy round trips leave the number of
// live handles, the wasm linear memory and the JS heap flat. PyProxies (Python objects in JS) are
// released by the FinalizationRegistry once JS drops them; JsProxies (JS objects in Python) drop
// their JS reference when Python frees them. GC is exposed at run time (no node flag needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { loadMicroPython } from "../../npm/ferropy.mjs";

v8.setFlagsFromString("--expose-gc");
const gc = globalThis.gc ?? runInNewContext("gc");
const turn = () => new Promise((r) => setImmediate(r));

async function settle() {
    for (let i = 0; i < 4; i++) {
        gc();
        await turn();
    }
}

const ROUNDS = 10;
const PER_ROUND = 100_000; // x ROUNDS = a million round trips of each kind

test("a million PyProxy/JsProxy round trips keep memory flat", { timeout: 300_000 }, async () => {
    const mp = await loadMicroPython({ stdout: () => {}, stderr: () => {} });
    // JS helpers Python calls: identity (a PyProxy goes to JS and comes back), a fresh JS object
    // (a JsProxy is made and dropped), a callback call (a Python function called from JS).
    mp.registerJsModule("leakhelp", {
        identity: (x) => x,
        fresh: (i) => ({ i, payload: "x".repeat(16) }),
        callBack: (f, i) => f(i),
    });
    mp.runPython(`
import leakhelp
class Thing:
    def __init__(self, n):
        self.n = n
def cb(i):
    return i + 1
def rounds(n):
    total = 0
    for i in range(n):
        t = Thing(i)
        assert leakhelp.identity(t) is t          # Python -> PyProxy -> Python
        o = leakhelp.fresh(i)                      # JS -> JsProxy, dropped
        total += o.i
        total += leakhelp.callBack(cb, i)          # a Python function called from JS
    return total
`);
    const rounds = mp.globals.get("rounds");
    const sample = async () => {
        await settle();
        return { handles: mp._liveHandles(), wasm: mp._memoryBytes(), heap: process.memoryUsage().heapUsed };
    };
    // Warm up (the allocator reaches its working size: up to a round's worth of proxies waits
    // for JS's GC), then measure.
    rounds(PER_ROUND);
    await sample();
    rounds(PER_ROUND);
    const base = await sample();
    let last = base;
    for (let r = 2; r < ROUNDS; r++) {
        const got = rounds(PER_ROUND);
        assert.equal(got, PER_ROUND * PER_ROUND);
        last = await sample();
    }
    // JS -> Python -> JS as well: a million PyProxies made by JS calls, dropped by JS.
    mp.runPython("def make(i):\n    return [i]");
    const make = mp.globals.get("make");
    for (let r = 0; r < ROUNDS; r++) {
        for (let i = 0; i < PER_ROUND; i++) make(i);
        await settle();
    }
    const end = await sample();
    const mb = (b) => (b / 1048576).toFixed(1) + " MB";
    console.log(
        `live handles ${base.handles} -> ${end.handles}; wasm memory ${mb(base.wasm)} -> ${mb(last.wasm)} -> ${mb(end.wasm)}; JS heap ${mb(base.heap)} -> ${mb(end.heap)}`,
    );
    assert.ok(end.handles <= base.handles + 16, `live handles grew from ${base.handles} to ${end.handles}`);
    assert.ok(end.wasm - base.wasm <= 8 * 1048576, `wasm memory grew from ${mb(base.wasm)} to ${mb(end.wasm)}`);
    assert.ok(end.heap - base.heap <= 16 * 1048576, `JS heap grew from ${mb(base.heap)} to ${mb(end.heap)}`);
});

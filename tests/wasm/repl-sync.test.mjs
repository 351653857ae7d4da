// Node tests of the synchronous replProcessChar (MicroPython's API, used by PyScript's terminal):
// it returns at once even when the typed code sleeps or loops; the code goes on in the background
// (timers keep running), bytes typed meanwhile are handled in order afterwards, Ctrl-C interrupts.
// Run: node --test tests/wasm/
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadMicroPython } from "../../npm/ferropy.mjs";

async function repl(extra = {}) {
    const out = [];
    const dec = (c) => out.push(new TextDecoder().decode(c));
    const mp = await loadMicroPython({ linebuffer: false, stdout: dec, stderr: dec, ...extra });
    mp.replInit();
    const text = () => out.join("");
    const clear = () => out.splice(0);
    // Type a string through replProcessChar; returns the calls' results.
    const type = (s) => [...new TextEncoder().encode(s)].map((b) => mp.replProcessChar(b));
    clear();
    return { mp, text, clear, type };
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

// Wait until `cond()` holds (polling), at most `ms`.
async function until(cond, ms = 5000) {
    const end = Date.now() + ms;
    while (!cond()) {
        if (Date.now() > end) throw new Error("timed out");
        await delay(5);
    }
}

test("REPL sync: quick code is done when replProcessChar returns", async () => {
    const { text, type, mp } = await repl();
    assert.deepEqual(type("1+2\r"), [0, 0, 0, 0]);
    assert.equal(text(), "1+2\r\n3\r\n>>> ");
    await mp.replIdle();
});

test("REPL sync: time.sleep returns at once, timers run, output and prompt arrive later", async () => {
    const { text, type, mp } = await repl();
    // A timer due during the sleep fires before the output (timers fire in order of expiry,
    // so this holds on a loaded machine too; a blocking sleep would run it after).
    let firedDuringSleep = null;
    setTimeout(() => (firedDuringSleep = !text().includes("slept\r\n")), 50);
    const t0 = Date.now();
    const r = type("import time; time.sleep(0.2); print('slept')\r");
    assert.ok(Date.now() - t0 < 100, `replProcessChar took ${Date.now() - t0} ms`);
    assert.ok(r.every((x) => x === 0));
    assert.doesNotMatch(text(), /slept\r\n/);
    await until(() => text().endsWith(">>> "));
    assert.ok(Date.now() - t0 >= 190);
    assert.equal(firedDuringSleep, true);
    assert.match(text(), /\r\nslept\r\n>>> $/);
    await mp.replIdle();
});

test("REPL sync: Ctrl-C (replProcessChar(3)) stops a busy loop; the page stays live", async () => {
    const { text, type, mp } = await repl();
    const t0 = Date.now();
    type("while True: pass\r\r");
    assert.ok(Date.now() - t0 < 100, `replProcessChar took ${Date.now() - t0} ms`);
    // Timers run while the loop does (a blocking loop would never let delay() resolve).
    let fired = false;
    setTimeout(() => (fired = true), 20);
    await delay(150);
    assert.ok(fired);
    assert.doesNotMatch(text(), /KeyboardInterrupt/);
    assert.equal(mp.replProcessChar(3), 0);
    await mp.replIdle();
    assert.match(text(), /\.\.\. \r\nTraceback \(most recent call last\):\r\n.*\r\nKeyboardInterrupt\r\n>>> $/);
    type("'ok'\r");
    assert.match(text(), />>> 'ok'\r\n'ok'\r\n>>> $/);
});

test("REPL sync: Ctrl-C interrupts a long sleep at once", async () => {
    const { text, type, mp } = await repl();
    type("import time; time.sleep(30)\r");
    await delay(30);
    const t0 = Date.now();
    mp.replProcessChar(3);
    await mp.replIdle();
    assert.ok(Date.now() - t0 < 1000);
    assert.match(text(), /KeyboardInterrupt\r\n>>> $/);
});

test("REPL sync: bytes typed while code runs are handled in order afterwards", async () => {
    const { text, type, mp } = await repl();
    type("import time; time.sleep(0.05); x = 5\r");
    type("x * 2\r");
    type("for i in range(2):\r");
    type("  time.sleep(0.01); print(i + x)\r\r");
    type("'end'\r");
    await mp.replIdle();
    assert.match(
        text(),
        /x = 5\r\n>>> x \* 2\r\n10\r\n>>> for i in range\(2\):\r\n\.\.\. .*\r\n\.\.\. \r\n5\r\n6\r\n>>> 'end'\r\n'end'\r\n>>> $/,
    );
});

test("REPL sync: input() reads through the stdin handler", async () => {
    let asked = 0;
    const { text, type, mp } = await repl({
        stdin: async () => {
            asked++;
            await delay(10);
            return "world";
        },
    });
    type("print('hello', input('name? '))\r");
    await mp.replIdle();
    assert.equal(asked, 1);
    assert.match(text(), /name\? hello world\r\n>>> $/);
});

test("REPL sync: a soft reset in the background is returned by the next call", async () => {
    const { text, type, mp } = await repl();
    type("y = 1\r");
    type("import time; time.sleep(0.02)\r");
    // Ctrl-D at the empty prompt, handled after the sleep: a soft reset.
    assert.equal(mp.replProcessChar(4), 0);
    await mp.replIdle();
    assert.match(text(), /MPY: soft reboot\r\n/);
    assert.equal(mp.replProcessChar("'".charCodeAt(0)), 0x100);
    type("y' in globals()\r");
    assert.match(text(), /False\r\n>>> $/);
    // A soft reset on the spot is returned by the same call.
    assert.equal(mp.replProcessChar(4), 0x100);
});

test("REPL sync: runPythonAsync runs while the REPL's code sleeps (separate runs)", async () => {
    const { text, type, mp } = await repl();
    type("import time; time.sleep(0.05); z = 7\r");
    assert.equal(await mp.runPythonAsync("'z' in globals()"), false);
    await mp.replIdle();
    assert.equal(await mp.runPythonAsync("z + 1"), 8);
    assert.match(text(), />>> $/);
});

test("REPL sync: typed code sleeps while a runPythonAsync run sleeps; they interleave", async () => {
    const { text, type, mp } = await repl();
    globalThis.waitMs = (ms) => new Promise((r) => setTimeout(r, ms));
    const run = mp.runPythonAsync("import js, time\norder = ['async start']\nawait js.waitMs(60)\norder.append('async end')\norder");
    await delay(10);
    type("time.sleep(0.01); order.append('repl')\r");
    await mp.replIdle();
    assert.deepEqual((await run).toJs(), ["async start", "repl", "async end"]);
    assert.match(text(), />>> $/);
});

test("REPL sync: mixed with replProcessCharWithAsyncify, order is kept", async () => {
    const { text, type, mp } = await repl();
    const p = [...new TextEncoder().encode("import time; time.sleep(0.03); a = 1\r")].map((b) => mp.replProcessCharWithAsyncify(b));
    type("a + 1\r");
    await Promise.all(p);
    await mp.replIdle();
    assert.match(text(), /a = 1\r\n>>> a \+ 1\r\n2\r\n>>> $/);
});

test("REPL sync: while a runPythonAsync run is suspended, typed code runs to completion", async () => {
    const { text, type, mp } = await repl();
    const run = mp.runPythonAsync("import asyncio\nawait asyncio.sleep(0.1)\n5");
    await delay(20);
    type("1+1\r");
    assert.equal(text(), "1+1\r\n2\r\n>>> ");
    assert.equal(await run, 5);
});

test("REPL: tracebacks go to stdout, as in MicroPython (runPython's stderr stays stderr)", async () => {
    const out = [];
    const err = [];
    const mp = await loadMicroPython({
        linebuffer: false,
        stdout: (c) => out.push(new TextDecoder().decode(c)),
        stderr: (c) => err.push(new TextDecoder().decode(c)),
    });
    mp.replInit();
    for (const b of new TextEncoder().encode("1/0\r")) mp.replProcessChar(b);
    assert.match(out.join(""), /ZeroDivisionError: division by zero\r\n>>> $/);
    for (const b of new TextEncoder().encode("import time; time.sleep(0.01); 1/0\r")) mp.replProcessChar(b);
    await mp.replIdle();
    assert.match(out.join(""), /ZeroDivisionError: division by zero\r\n>>> .*\r\n.*ZeroDivisionError: division by zero\r\n>>> $/s);
    assert.equal(err.join(""), "");
    mp.runPython("import sys; sys.stderr.write('e\\n')");
    assert.equal(err.join(""), "e\n");
});

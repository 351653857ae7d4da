// Node tests of replProcessCharWithAsyncify: code typed at the REPL suspends on sleeps, input()
// and awaited promises, so the event loop (timers here) keeps running. Run: node --test tests/wasm/
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadMicroPython } from "../../npm/ferropy.mjs";

async function repl(extra = {}) {
    const out = [];
    const mp = await loadMicroPython({ linebuffer: false, stdout: (c) => out.push(new TextDecoder().decode(c)), stderr: (c) => out.push(new TextDecoder().decode(c)), ...extra });
    mp.replInit();
    const text = () => out.join("");
    const clear = () => out.splice(0);
    // Type a string; resolves when everything it started has finished.
    const type = (s) => Promise.all([...new TextEncoder().encode(s)].map((b) => mp.replProcessCharWithAsyncify(b)));
    clear();
    return { mp, text, clear, type };
}

test("REPL async: time.sleep lets timers run, then output and prompt", async () => {
    const { text, type } = await repl();
    // A timer due during the sleep fires before the output (timers fire in order of expiry,
    // so this holds on a loaded machine too; a blocking sleep would run it after).
    let firedDuringSleep = null;
    setTimeout(() => (firedDuringSleep = !text().includes("slept\r\n")), 50);
    await type("import time; time.sleep(0.2); print('slept')\r");
    assert.equal(firedDuringSleep, true);
    assert.match(text(), /\r\nslept\r\n>>> $/);
});

test("REPL async: chars typed while code runs are queued in order", async () => {
    const { text, type } = await repl();
    const first = type("import time; time.sleep(0.05); x = 5\r");
    const second = type("x * 2\r");
    await Promise.all([first, second]);
    assert.match(text(), /x = 5\r\n>>> x \* 2\r\n10\r\n>>> $/);
});

test("REPL async: input() reads through the stdin handler", async () => {
    let asked = 0;
    const { text, type } = await repl({
        stdin: async () => {
            asked++;
            await new Promise((r) => setTimeout(r, 10));
            return "world";
        },
    });
    await type("print('hello', input('name? '))\r");
    assert.equal(asked, 1);
    assert.match(text(), /name\? hello world\r\n>>> $/);
});

test("REPL async: Ctrl-C interrupts a sleep", async () => {
    const { text, type, mp } = await repl();
    const started = Date.now();
    const run = type("import time\rwhile True: time.sleep(10)\r\r");
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await mp.replProcessCharWithAsyncify(3), 0);
    await run;
    assert.ok(Date.now() - started < 5000);
    assert.match(text(), /KeyboardInterrupt\r\n>>> $/);
    await type("'ok'\r");
    assert.match(text(), /'ok'\r\n'ok'\r\n>>> $/);
});

test("REPL async: Ctrl-C interrupts a busy loop", async () => {
    const { text, type, mp } = await repl();
    const run = type("while True: pass\r\r");
    let ticked = false;
    setTimeout(() => (ticked = true), 20);
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(ticked);
    mp.replProcessCharWithAsyncify(3);
    await run;
    assert.match(text(), /KeyboardInterrupt\r\n>>> $/);
});

test("REPL async: raw REPL framing and errors", async () => {
    const { text, type, clear } = await repl();
    await type("\x01");
    clear();
    await type("import time\ntime.sleep_ms(20)\nprint(1)\n1/0\x04");
    assert.match(text(), /^OK1\r\n\x04Traceback[^\x04]*ZeroDivisionError: division by zero\r\n\x04>$/);
});

test("REPL async: await of a JS promise at the REPL", async () => {
    const { text, type, mp } = await repl();
    mp.registerJsModule("helper", { later: () => new Promise((r) => setTimeout(() => r(41), 20)) });
    await type("import asyncio, helper\r");
    await type("async def f(): return await helper.later() + 1\r\r");
    await type("asyncio.run(f())\r");
    assert.match(text(), /42\r\n>>> $/);
});

test("REPL async: interrupt() stops a sleep at once; Ctrl-D soft-resets", async () => {
    const { text, type, mp } = await repl();
    const run = type("import time; time.sleep(30)\r");
    await new Promise((r) => setTimeout(r, 50));
    mp.interrupt();
    await run;
    assert.match(text(), /KeyboardInterrupt\r\n>>> $/);
    await type("y = 1\r");
    assert.deepEqual(await type("\x04"), [0x100]);
    assert.match(text(), /MPY: soft reboot\r\n/);
    await type("'y' in globals()\r");
    assert.match(text(), /False\r\n>>> $/);
});

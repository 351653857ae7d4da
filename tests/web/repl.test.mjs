// The REPL page (web/): terminal input through the REPL engine, input(), Ctrl-C, the editor's
// Run button and files persisted in IndexedDB.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { setup, watch, SHOTS } from "./common.mjs";

let env, ctx, page, log;

const text = () => page.evaluate(() => window.terminalText());

/** Wait until the terminal shows `s` (after `from` characters of its text, when given). */
async function waitText(s, from = 0, timeout = 15000) {
    try {
        await page.waitForFunction(([s, from]) => window.terminalText().slice(from).includes(s), [s, from], { timeout });
    } catch (e) {
        throw new Error(`terminal never showed ${JSON.stringify(s)}; it shows:\n${await text()}\n${log.join("\n")}`);
    }
}

/** A clean prompt (Ctrl-C on the REPL's line) so one failure does not cascade. */
async function fresh() {
    await page.locator("#terminal .xterm-helper-textarea").focus();
    const n = (await text()).length;
    await page.keyboard.press("Control+C");
    await waitText(">>> ", n);
}

async function type(s) {
    await page.locator("#terminal .xterm-helper-textarea").focus();
    await page.keyboard.type(s);
}

before(async () => {
    env = await setup();
    ctx = await env.browser.newContext({ viewport: { width: 1280, height: 760 } });
    page = await ctx.newPage();
    log = watch(page);
    await page.goto(env.base + "/");
    await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30000 });
    await waitText(">>> ");
});

after(async () => {
    if (env) await env.close();
});

test("the banner and a typed expression", async () => {
    assert.match(await text(), /MicroPython-compatible ferropy .*webassembly/);
    const n = (await text()).length;
    await type("1+1");
    await page.keyboard.press("Enter");
    await waitText("2\n>>> ", n);
});

test("a multi-line for loop with auto-indent", async () => {
    const n = (await text()).length;
    await type("for i in range(3):");
    await page.keyboard.press("Enter");
    await waitText("...     ", n); // auto-indent after the colon
    await type("print(i * 10)");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Backspace"); // the auto-indent of the next line
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    await waitText("0\n10\n20\n>>> ", n);
});

test("history and tab completion come from the engine", async () => {
    await fresh();
    let n = (await text()).length;
    await type("3*3");
    await page.keyboard.press("Enter");
    await waitText("9\n>>> ", n);
    n = (await text()).length;
    await page.keyboard.press("ArrowUp");
    await waitText("3*3", n);
    await page.keyboard.press("Enter");
    await waitText("9\n>>> ", n);
    n = (await text()).length;
    await type("impo");
    await page.keyboard.press("Tab");
    await waitText("import", n);
    await type(" sys");
    await page.keyboard.press("Enter");
    await waitText(">>> ", n + 4);
});

test("input() waits for typed text without freezing the page", async () => {
    await fresh();
    await page.evaluate(() => {
        window.ticks = 0;
        window.ticker = setInterval(() => window.ticks++, 20);
    });
    const n = (await text()).length;
    await type("name = input('name? ')");
    await page.keyboard.press("Enter");
    await waitText("name? ", n);
    const t0 = await page.evaluate(() => window.ticks);
    await page.waitForFunction((t0) => window.ticks > t0 + 5, t0, { timeout: 5000 });
    await type("Ada");
    await page.keyboard.press("Enter");
    await waitText(">>> ", n + 30);
    const m = (await text()).length;
    await type("print('hi', name)");
    await page.keyboard.press("Enter");
    await waitText("hi Ada\n>>> ", m);
});

test("Ctrl-C interrupts while True: pass", async () => {
    await fresh();
    const n = (await text()).length;
    await type("while True: pass");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    // The page stays responsive while the loop runs.
    const t0 = await page.evaluate(() => window.ticks);
    await page.waitForFunction((t0) => window.ticks > t0 + 5, t0, { timeout: 5000 });
    await page.keyboard.press("Control+C");
    await waitText("KeyboardInterrupt", n);
    await waitText(">>> ", (await text()).lastIndexOf("KeyboardInterrupt"));
    const m = (await text()).length;
    await type("6*7");
    await page.keyboard.press("Enter");
    await waitText("42\n>>> ", m);
    await page.screenshot({ path: path.join(SHOTS, "repl.png") });
});

test("the editor's Run button runs the code into the terminal", async () => {
    await fresh();
    const n = (await text()).length;
    await page.fill("#editor", "import time\nfor i in range(2):\n    print('run', i)\n    time.sleep(0.01)\nprint('total', sum(range(5)))\n");
    await page.click("#run");
    await waitText("run 0\nrun 1\ntotal 10", n);
    await waitText(">>> ", (await text()).lastIndexOf("total 10"));
    await page.screenshot({ path: path.join(SHOTS, "repl-run.png") });
});

test("the Stop button interrupts a running program", async () => {
    const n = (await text()).length;
    await page.fill("#editor", "while True:\n    pass\n");
    await page.click("#run");
    await page.waitForTimeout(100);
    await page.click("#stop");
    await waitText("KeyboardInterrupt", n);
    await waitText(">>> ", (await text()).lastIndexOf("KeyboardInterrupt"));
});

test("a saved file survives a reload (IndexedDB)", async () => {
    await fresh();
    await page.fill("#filename", "keep.py");
    await page.fill("#editor", "print('kept')\n");
    await page.click("#save");
    await page.waitForSelector('#files li[data-path="/keep.py"]');
    // A file written by Python shows up in the list too.
    const n = (await text()).length;
    await type("open('made.txt', 'w').write('x')");
    await page.keyboard.press("Enter");
    await waitText("1\n>>> ", n);
    await page.waitForSelector('#files li[data-path="/made.txt"]', { timeout: 5000 });
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30000 });
    await page.waitForSelector('#files li[data-path="/keep.py"]');
    await page.waitForSelector('#files li[data-path="/made.txt"]');
    await page.click('#files li[data-path="/keep.py"]');
    assert.equal(await page.inputValue("#editor"), "print('kept')\n");
    await waitText(">>> ");
    const m = (await text()).length;
    await type("import keep");
    await page.keyboard.press("Enter");
    await waitText("kept\n>>> ", m);
    await page.screenshot({ path: path.join(SHOTS, "repl-reload.png") });
});

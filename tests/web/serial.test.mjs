// "Connect a board" (web/serial.js) without hardware: a stand-in for navigator.serial
// (serial-fake.mjs) whose port is a WebSocket to serial-bridge.mjs, behind which
// `ferropy board --stdio` runs. The real page connects, uses the board's REPL, runs the editor's
// code on the board, saves main.py, uploads and downloads a binary file, sees a soft reset and an
// unplugged cable, and reconnects. The protocol module (web/remote/, crates/remote-wasm) is fetched
// only once Connect is clicked.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { setup, watch, root, SHOTS } from "./common.mjs";
import { startBridge } from "./serial-bridge.mjs";
import { fakeSerial } from "./serial-fake.mjs";

const FERROPY = path.join(root, "target/release/ferropy");
let env, ctx, page, log, bridge;
/** Paths the page requested (the lazy protocol module must not be among them before Connect). */
const requested = [];

const text = () => page.evaluate(() => window.terminalText());

async function waitText(s, from = 0, timeout = 20000) {
    try {
        await page.waitForFunction(([s, from]) => window.terminalText().slice(from).includes(s), [s, from], { timeout });
    } catch (e) {
        throw new Error(`terminal never showed ${JSON.stringify(s)}; it shows:\n${(await text()).slice(from)}\n${log.join("\n")}`);
    }
}

async function waitFor(fn, arg, what, timeout = 20000) {
    try {
        await page.waitForFunction(fn, arg, { timeout });
    } catch (e) {
        throw new Error(`${what} never happened; terminal:\n${await text()}\n${log.join("\n")}`);
    }
}

const idle = () => waitFor(() => document.body.dataset.serialBusy !== "1", null, "the board going idle");

async function typeLine(s) {
    await page.locator("#terminal .xterm-helper-textarea").focus();
    await page.keyboard.type(s);
    await page.keyboard.press("Enter");
}

async function boardFiles() {
    return page.$$eval("#serial-files li", (lis) => lis.map((li) => [li.dataset.path, li.querySelector(".size")?.textContent ?? null]));
}

async function setEditor(code) {
    await page.evaluate((code) => {
        document.getElementById("editor").value = code;
    }, code);
}

async function connect() {
    const n = Number(await page.evaluate(() => document.body.dataset.serialFiles || 0));
    await page.click("#connect");
    await waitFor(() => document.body.dataset.serial === "connected", null, "the connection");
    await waitFor((n) => Number(document.body.dataset.serialFiles || 0) > n, n, "the first file listing");
    await idle();
    await waitText(">>> ", 0);
}

before(async () => {
    if (!fs.existsSync(FERROPY)) execFileSync("cargo", ["build", "--release", "-p", "ferropy"], { cwd: root, stdio: "inherit" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferropy-webserial-"));
    fs.writeFileSync(path.join(dir, "boot.py"), "# boot\n");
    bridge = await startBridge({ mode: "ferropy", dir, binary: FERROPY });
    env = await setup();
    ctx = await env.browser.newContext({ viewport: { width: 1280, height: 760 }, acceptDownloads: true });
    page = await ctx.newPage();
    log = watch(page);
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.addInitScript(fakeSerial, { url: bridge.wsUrl });
    await page.goto(env.base + "/");
    await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30000 });
    await waitText(">>> ");
});

after(async () => {
    if (page) await page.screenshot({ path: path.join(SHOTS, "serial.png") }).catch(() => {});
    if (env) await env.close();
    if (bridge) bridge.close();
});

test("the baud-rate choice: 115200 by default, never 1200", async () => {
    const rates = await page.$$eval("#baud option", (os) => os.map((o) => Number(o.value)));
    assert.ok(rates.includes(115200));
    assert.ok(!rates.includes(1200));
    assert.equal(await page.$eval("#baud", (s) => s.value), "115200");
    assert.equal(await page.$eval("#connect", (b) => b.disabled), false);
});

test("Connect: the port picker's filters, the open options, DTR, the board's files", async () => {
    const remote = (p) => p.startsWith("/remote/");
    assert.deepEqual(requested.filter(remote), [], "the protocol module is loaded before Connect");
    await connect();
    assert.deepEqual(requested.filter(remote).sort(), ["/remote/ferropy_remote.js", "/remote/ferropy_remote.wasm"]);
    const rec = await page.evaluate(() => window.__serial);
    const ids = rec.filters.map((f) => `${f.usbVendorId.toString(16)}:${f.usbProductId === undefined ? "*" : f.usbProductId.toString(16)}`);
    for (const id of ["2e8a:5", "f055:9800", "303a:*", "10c4:ea60", "1a86:7523", "1a86:55d4", "403:6001", "403:6015"]) {
        assert.ok(ids.includes(id), `filter ${id} missing from ${ids}`);
    }
    assert.equal(rec.opens.length, 1);
    assert.equal(rec.opens[0].baudRate, 115200);
    assert.ok(rec.signals.some((s) => s.dataTerminalReady === true), JSON.stringify(rec.signals));
    assert.match(await text(), /connected at 115200 baud \(2e8a:0005\)/);
    const files = await boardFiles();
    assert.deepEqual(files, [["boot.py", "7"]]);
    assert.equal(await page.$eval("#run", (b) => b.disabled), true, "the in-page Run is off while a board is connected");
});

test("the terminal talks to the board", async () => {
    const n = (await text()).length;
    await typeLine("import sys; print(sys.platform, 6 * 7)");
    await waitText("ferropy 42", n);
    await waitText(">>> ", n + 10);
    const m = (await text()).length;
    await typeLine("for i in range(3):");
    await page.keyboard.type("print('row', i)");
    await page.keyboard.press("Enter");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace"); // the auto-indent
    await page.keyboard.press("Enter");
    await waitText("row 2", m);
});

test("Run on board: the editor's code by raw-paste, output streamed, the traceback shown", async () => {
    await idle();
    await setEditor("import sys\nfor i in range(4):\n    print('board line', i)\nprint(sys.platform)\nraise ValueError('oops')\n");
    const n = (await text()).length;
    await page.click("#serial-run");
    await waitText("board line 3", n);
    await waitText("ValueError: oops", n);
    await idle();
    assert.match((await text()).slice(n), /board line 0[\s\S]*ferropy[\s\S]*Traceback/);
    // The board's REPL is usable right after.
    const m = (await text()).length;
    await typeLine("print('after', 1 + 1)");
    await waitText("after 2", m);
});

test("Save to board writes main.py (temp name + rename), listed and read back", async () => {
    await idle();
    const code = "# saved from the page\nprint('main says hi')\n";
    await setEditor(code);
    await page.click("#serial-save");
    await waitFor(() => /main\.py written/.test(document.getElementById("serial-status").textContent), null, "main.py written");
    await idle();
    await waitFor(() => [...document.querySelectorAll("#serial-files li")].some((li) => li.dataset.path === "main.py"), null, "main.py in the list");
    assert.equal(fs.readFileSync(path.join(bridge.dir, "main.py"), "utf8"), code);
    assert.ok(!fs.readdirSync(bridge.dir).some((f) => f.endsWith(".part")), "no temporary file left");
    // Read it back (cat) into the editor.
    await setEditor("");
    await page.click('#serial-files li[data-path="main.py"] .name');
    await waitFor((code) => document.getElementById("editor").value === code, code, "main.py read back");
    assert.equal(await page.$eval("#filename", (i) => i.value), "main.py");
    // And from the board's own REPL.
    await idle();
    const n = (await text()).length;
    await typeLine("print(open('main.py').read().splitlines()[1])");
    await waitText("print('main says hi')", n);
});

test("upload and download a binary file", async () => {
    await idle();
    const data = Buffer.alloc(5000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 8)) & 255;
    const src = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ferropy-up-")), "blob.bin");
    fs.writeFileSync(src, data);
    await page.setInputFiles("#serial-upload-file", src);
    await waitFor(() => [...document.querySelectorAll("#serial-files li")].some((li) => li.dataset.path === "blob.bin"), null, "blob.bin in the list");
    await idle();
    assert.deepEqual(fs.readFileSync(path.join(bridge.dir, "blob.bin")), data);
    const files = await boardFiles();
    assert.deepEqual(files.find((f) => f[0] === "blob.bin"), ["blob.bin", "5000"]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('#serial-files li[data-path="blob.bin"] .download')]);
    assert.equal(download.suggestedFilename(), "blob.bin");
    const got = fs.readFileSync(await download.path());
    assert.deepEqual(got, data);
    await idle();
    await page.screenshot({ path: path.join(SHOTS, "serial-connected.png") });
});

test("a soft reset (Ctrl-D) is shown", async () => {
    await idle();
    const resets = Number(await page.evaluate(() => document.body.dataset.serialReset || 0));
    const n = (await text()).length;
    await page.locator("#terminal .xterm-helper-textarea").focus();
    await page.keyboard.press("Control+D");
    await waitText("soft reboot", n);
    await waitText(">>> ", n);
    assert.ok(Number(await page.evaluate(() => document.body.dataset.serialReset)) > resets);
    // main.py ran at the reboot.
    await waitText("main says hi", n);
});

test("ESP32 reset: RTS pulsed with DTR released, then DTR asserted again", async () => {
    await idle();
    const before = (await page.evaluate(() => window.__serial.signals)).length;
    const n = (await text()).length;
    await page.click("#serial-reset");
    await waitText("resetting the board (RTS)", n);
    await waitFor((k) => window.__serial.signals.length >= k + 3, before, "the reset's signals");
    const sig = (await page.evaluate(() => window.__serial.signals)).slice(before);
    assert.deepEqual(sig, [{ dataTerminalReady: false, requestToSend: true }, { requestToSend: false }, { dataTerminalReady: true }]);
});

test("an unplugged board is reported, the page goes back to the in-page engine, and reconnects", async () => {
    await idle();
    const n = (await text()).length;
    bridge.kill();
    await waitText("the board disconnected", n);
    await waitFor(() => document.body.dataset.serial === "", null, "the UI going back");
    assert.equal(await page.$eval("#serial-files-section", (s) => s.hidden), true);
    await waitText(">>> ", n);
    // The in-page interpreter has the terminal again.
    let m = (await text()).length;
    await typeLine("import sys; print(sys.platform)");
    await waitText("webassembly", m);
    // Reconnect: the same flash, a new board process.
    await connect();
    assert.ok((await boardFiles()).some((f) => f[0] === "main.py"));
    m = (await text()).length;
    await typeLine("print('back', 3 * 3)");
    await waitText("back 9", m);
    // Disconnect on purpose.
    m = (await text()).length;
    await page.click("#connect");
    await waitText("disconnected", m);
    await waitFor(() => document.body.dataset.serial === "", null, "the UI going back");
    const rec = await page.evaluate(() => window.__serial);
    assert.equal(rec.opens.length, 2);
    assert.ok(rec.opens.every((o) => o.baudRate !== 1200));
});

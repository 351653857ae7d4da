// The simulated board on the REPL page (web/board.js): LEDs follow Python in real time, the
// on-screen buttons fire Pin IRQs, sliders feed the ADC and the sensor, the OLED canvas shows what
// the ssd1306 driver draws, NeoPixel strips light up.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { setup, watch, SHOTS } from "./common.mjs";

let env, ctx, page, log;

const text = () => page.evaluate(() => window.terminalText());

async function waitText(s, from = 0, timeout = 15000) {
    try {
        await page.waitForFunction(([s, from]) => window.terminalText().slice(from).includes(s), [s, from], { timeout });
    } catch (e) {
        throw new Error(`terminal never showed ${JSON.stringify(s)}; it shows:\n${await text()}\n${log.join("\n")}`);
    }
}

/** Put `code` in the editor, press Run, and give the terminal length before the run. */
async function run(code) {
    await page.fill("#filename", "board_test.py");
    const n = (await text()).length;
    await page.fill("#editor", code);
    await page.click("#run");
    return n;
}

/** Move a range slider (an "input" event, as dragging it gives). */
async function slide(sel, value) {
    await page.$eval(
        sel,
        (e, v) => {
            e.value = v;
            e.dispatchEvent(new Event("input", { bubbles: true }));
        },
        String(value),
    );
}

async function finished(n) {
    await waitText("END", n);
    await waitText(">>> ", (await text()).lastIndexOf("END"));
}

before(async () => {
    env = await setup();
    ctx = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await ctx.newPage();
    log = watch(page);
    await page.goto(env.base + "/");
    await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30000 });
    await waitText(">>> ");
    await page.waitForSelector("#board-led-25");
});

after(async () => {
    if (env) await env.close();
});

test("a blink program toggles the LED on the page in time with time.sleep", async () => {
    // Record every LED change the page shows, with the page's clock.
    await page.evaluate(() => {
        window.ledLog = [];
        const led = document.getElementById("board-led-25");
        new MutationObserver(() => window.ledLog.push([performance.now(), led.classList.contains("on")])).observe(led, {
            attributes: true,
            attributeFilter: ["class"],
        });
    });
    const n = await run(
        "import time\nfrom machine import Pin\nled = Pin('LED', Pin.OUT)\nt0 = time.ticks_ms()\n" +
            "for i in range(6):\n    led.toggle()\n    time.sleep(0.25)\n" +
            "print('board ms', time.ticks_diff(time.ticks_ms(), t0))\nprint('END')\n",
    );
    await finished(n);
    const entries = await page.evaluate(() => window.ledLog);
    const states = entries.map((e) => e[1]);
    assert.deepEqual(states, [true, false, true, false, true, false], JSON.stringify(entries));
    const gaps = entries.slice(1).map((e, i) => e[0] - entries[i][0]);
    for (const g of gaps) assert.ok(g > 150 && g < 600, `LED toggles ~250 ms apart, got ${JSON.stringify(gaps)}`);
    const ms = Number((await text()).slice(n).match(/board ms (\d+)/)[1]);
    assert.ok(ms >= 1500 && ms < 2500, `the board's clock followed the sleeps: ${ms}`);
});

test("clicking the on-screen button fires a Pin IRQ handler", async () => {
    const n = await run(
        "import time\nfrom machine import Pin\nhits = []\nb = Pin(14, Pin.IN, Pin.PULL_UP)\n" +
            "def h(p):\n    hits.append(p.value())\n    print('IRQ on GP14, level', p.value())\n" +
            "b.irq(trigger=Pin.IRQ_FALLING, handler=h)\nprint('READY')\n" +
            "for i in range(300):\n    time.sleep_ms(20)\n    if hits:\n        break\n" +
            "b.irq(handler=None)\nprint('hits', len(hits))\nprint('END')\n",
    );
    await waitText("READY", n);
    const btn = page.locator("#board-btn-14");
    await btn.dispatchEvent("pointerdown");
    await page.waitForTimeout(60);
    await btn.dispatchEvent("pointerup");
    await waitText("IRQ on GP14, level 0", n);
    await finished(n);
    assert.match((await text()).slice(n), /hits 1/);
});

test("moving a potentiometer slider changes ADC.read_u16()", async () => {
    const n = await run(
        "import time\nfrom machine import ADC\nadc = ADC(26)\nprint('first', adc.read_u16())\n" +
            "for i in range(300):\n    time.sleep_ms(20)\n    v = adc.read_u16()\n    if v > 60000:\n        break\n" +
            "print('now', v)\nprint('END')\n",
    );
    await waitText("first 32768", n);
    await slide("#board-adc-26", 100);
    await finished(n);
    assert.match((await text()).slice(n), /now 65535/);
    // The sensor sliders feed the I2C sensor (AHT20 at 0x38).
    await slide("#board-temp", 30);
    await slide("#board-hum", 60);
    await page.waitForTimeout(100);
    const m = await run(
        "from machine import I2C\nimport time\ni2c = I2C(0)\ni2c.writeto(0x38, b'\\xac\\x33\\x00')\ntime.sleep_ms(80)\n" +
            "d = i2c.readfrom(0x38, 7)\nh = ((d[1] << 12) | (d[2] << 4) | (d[3] >> 4)) * 100 / 2**20\n" +
            "t = (((d[3] & 15) << 16) | (d[4] << 8) | d[5]) * 200 / 2**20 - 50\nprint('sensor %.0f C %.0f %%' % (t, h))\nprint('END')\n",
    );
    await finished(m);
    assert.match((await text()).slice(m), /sensor 30 C 60 %/);
});

test("the OLED canvas shows what framebuf + ssd1306 draw, NeoPixels light up", async () => {
    const n = await run(
        "from machine import I2C, Pin\nimport ssd1306, neopixel, time\n" +
            "oled = ssd1306.SSD1306_I2C(128, 64, I2C(0))\noled.fill(0)\noled.fill_rect(0, 0, 64, 32, 1)\n" +
            "oled.text('Ferropy', 70, 40)\noled.show()\n" +
            "np = neopixel.NeoPixel(Pin(22), 8)\nfor i in range(8):\n    np[i] = (255 if i % 2 else 0, 30 * i, 0 if i % 2 else 255)\nnp.write()\n" +
            "led = Pin(15, Pin.OUT, value=1)\ntime.sleep(0.1)\nprint('END')\n",
    );
    await finished(n);
    await page.waitForFunction(() => Number(document.getElementById("board-oled").dataset.lit) > 2048, null, { timeout: 5000 });
    const px = await page.evaluate(() => {
        const c = document.getElementById("board-oled");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height);
        const at = (x, y) => d.data[(y * c.width + x) * 4 + 1];
        // Inside the filled rectangle (scaled 2x), and outside it.
        return [at(20, 20), at(126, 62), at(200, 20), at(250, 120)];
    });
    assert.ok(px[0] > 128 && px[1] > 128, `lit pixels: ${px}`);
    assert.ok(px[2] < 64 && px[3] < 64, `dark pixels: ${px}`);
    await page.waitForSelector("#board-strip-22 .board-pixel:nth-child(9)");
    const colours = await page.$$eval("#board-strip-22 .board-pixel", (els) => els.map((e) => e.style.background));
    assert.equal(colours.length, 8);
    assert.equal(colours[1], "rgb(255, 30, 0)");
    assert.ok(await page.locator("#board-led-15.on").count());
    await page.locator("#board").screenshot({ path: path.join(SHOTS, "board.png") });
    await page.screenshot({ path: path.join(SHOTS, "board-page.png") });
});

test("the Stop button interrupts a program sleeping on the board", async () => {
    const n = await run("import time\nfrom machine import Pin\nled = Pin(25, Pin.OUT)\nwhile True:\n    led.toggle()\n    time.sleep(1)\n");
    await page.waitForTimeout(300);
    const t0 = Date.now();
    await page.click("#stop");
    await waitText("KeyboardInterrupt", n, 5000);
    assert.ok(Date.now() - t0 < 1500, "interrupted within a sleep chunk or so");
    await waitText(">>> ", (await text()).lastIndexOf("KeyboardInterrupt"));
});

test("the mp.board JS API (in node): pin events, press, ADC, sensor, OLED, NeoPixels", async () => {
    const { loadMicroPython } = await import("../../npm/ferropy.mjs");
    const out = [];
    const mp = await loadMicroPython({ board: true, stdout: (l) => out.push(l) });
    try {
        const changes = [];
        mp.board.pin("LED").on("change", (ev) => changes.push(ev.value));
        let frames = 0;
        mp.board.oled.on("change", (px) => (frames += px.length === 1024 ? 1 : 0));
        mp.board.adc(27).set(0.25);
        mp.board.sensor.set({ temperature: -5 });
        const run = mp.runPythonAsync(
            "import time, machine, neopixel, ssd1306\nfrom machine import Pin, ADC, I2C\n" +
                "led = Pin('LED', Pin.OUT)\nb = Pin(14, Pin.IN, Pin.PULL_UP)\nhits = []\n" +
                "b.irq(lambda p: hits.append(time.ticks_ms()), Pin.IRQ_FALLING)\n" +
                "for i in range(4):\n    led.toggle()\n    time.sleep_ms(50)\n" +
                "print('adc', ADC(27).read_u16())\nprint('hits', len(hits))\n" +
                "o = ssd1306.SSD1306_I2C(128, 64, I2C(0))\no.pixel(3, 9, 1)\no.show()\n" +
                "np = neopixel.NeoPixel(Pin(2), 2)\nnp[1] = (1, 2, 3)\nnp.write()\n",
        );
        setTimeout(() => mp.board.pin(14).press(), 60);
        await run;
        assert.deepEqual(changes, [1, 0, 1, 0]);
        assert.deepEqual(out, ["adc 16384", "hits 1"]);
        assert.equal(mp.board.oled.pixel(3, 9), 1);
        assert.equal(mp.board.oled.pixels[128 + 3], 2);
        assert.ok(mp.board.oled.displayOn);
        assert.ok(frames >= 1);
        assert.deepEqual(mp.board.neopixels(2), [[0, 0, 0], [1, 2, 3]]);
        assert.equal(mp.board.sensor.get().temperature, -5);
        assert.equal(mp.board.pin(14).value, 0);
        mp.board.pin(14).release();
        assert.equal(mp.board.pin(14).value, 1);
        // With no program running, an IRQ handler runs as soon as the input changes.
        mp.runPython("got = []\nb.irq(lambda p: got.append(1), Pin.IRQ_FALLING)");
        mp.board.pin(14).press();
        assert.equal(mp.runPython("len(got)"), 1);
    } finally {
        mp.board.close();
    }
});

test("a loop typed at the REPL sees on-screen button presses while it sleeps; Ctrl-C stops it", async () => {
    const term = page.locator("#terminal .xterm-helper-textarea");
    await term.focus();
    let n = (await text()).length;
    await page.keyboard.type("from machine import Pin; import time; b = Pin(13, Pin.IN, Pin.PULL_UP)");
    await page.keyboard.press("Enter");
    await waitText(">>> ", n + 10);
    n = (await text()).length;
    await page.keyboard.type("while True: print('value', b.value()); time.sleep(0.1)");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await waitText("value 1", n);
    const btn = page.locator("#board-btn-13");
    await btn.dispatchEvent("pointerdown");
    await waitText("value 0", n);
    await btn.dispatchEvent("pointerup");
    await waitText("value 1", (await text()).lastIndexOf("value 0"));
    await term.focus();
    const m = (await text()).length;
    await page.keyboard.press("Control+C");
    await waitText("KeyboardInterrupt", m);
    await waitText(">>> ", (await text()).lastIndexOf("KeyboardInterrupt"));
    // The REPL works as before afterwards.
    const k = (await text()).length;
    await page.keyboard.type("6*7");
    await page.keyboard.press("Enter");
    await waitText("42\n>>> ", k);
});

// The simulated board on the REPL page: a live picture of a Pico-like board whose state the
// interpreter worker mirrors with {type: "board"} messages (see board-worker.mjs). LEDs on GP25
// (on board) and GP15, push buttons on GP14 and GP13 (to ground: use Pin.PULL_UP) that fire Pin
// IRQs, potentiometers on the ADC pins GP26 and GP27, temperature and humidity sliders for the
// AHT20 sensor (I2C 0x38), the 128x64 SSD1306 OLED (I2C 0x3C) as a canvas, and NeoPixel strips.

const LEDS = [
    { pin: 25, label: "GP25 (LED)", color: "#3fb950" },
    { pin: 15, label: "GP15", color: "#ff5a4f" },
];
const BUTTONS = [
    { pin: 14, label: "GP14" },
    { pin: 13, label: "GP13" },
];
const POTS = [
    { pin: 26, label: "GP26 / ADC0" },
    { pin: 27, label: "GP27 / ADC1" },
];
const SCALE = 2;

function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
        if (k === "class") e.className = v;
        else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v);
    }
    e.append(...children);
    return e;
}

/** Draw the board into `container` and wire it to the interpreter `worker`. */
export function initBoard(container, worker) {
    const send = (m) => worker.postMessage({ type: "board", ...m });
    container.textContent = "";
    container.classList.add("board-live");
    const time = el("span", { class: "board-time", id: "board-time" }, "0.000 s");
    container.append(el("h2", {}, "Board ", el("span", { class: "board-sub" }, "simulated Pico · "), time));

    // --- LEDs and buttons (the "PCB") ---
    const pcb = el("div", { class: "board-pcb", id: "board-pcb" });
    const leds = {};
    for (const l of LEDS) {
        const dot = el("span", { class: "board-led", id: `board-led-${l.pin}`, "data-level": "0" });
        dot.style.setProperty("--led", l.color);
        leds[l.pin] = dot;
        pcb.append(el("div", { class: "board-item" }, dot, el("span", { class: "board-label" }, l.label)));
    }
    for (const b of BUTTONS) {
        const btn = el("button", { class: "board-button", id: `board-btn-${b.pin}`, title: `Push button on ${b.label} (to ground)` });
        let down = false;
        const press = (e) => {
            e.preventDefault();
            if (down) return;
            down = true;
            btn.classList.add("down");
            send({ op: "press", pin: b.pin });
        };
        const release = () => {
            if (!down) return;
            down = false;
            btn.classList.remove("down");
            send({ op: "release", pin: b.pin });
        };
        btn.addEventListener("pointerdown", press);
        btn.addEventListener("pointerup", release);
        btn.addEventListener("pointerleave", release);
        btn.addEventListener("keydown", (e) => (e.key === " " || e.key === "Enter") && press(e));
        btn.addEventListener("keyup", release);
        pcb.append(el("div", { class: "board-item" }, btn, el("span", { class: "board-label" }, b.label)));
    }

    // --- OLED ---
    const canvas = el("canvas", { id: "board-oled", width: 128 * SCALE, height: 64 * SCALE, title: "SSD1306 128x64 OLED on I2C 0x3C" });
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#000";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const oled = el("div", { class: "board-oled" }, canvas, el("span", { class: "board-label" }, "OLED · I2C 0x3C"));

    // --- sliders ---
    const sliders = el("div", { class: "board-sliders" });
    function slider(id, label, min, max, step, value, unit, onInput) {
        const out = el("output", { for: id }, `${value}${unit}`);
        const input = el("input", { type: "range", id, min, max, step, value });
        input.addEventListener("input", () => {
            out.textContent = `${input.value}${unit}`;
            onInput(Number(input.value));
        });
        sliders.append(el("label", { class: "board-slider" }, el("span", {}, label), input, out));
        return input;
    }
    for (const p of POTS) {
        slider(`board-adc-${p.pin}`, p.label, 0, 100, 1, 50, " %", (v) => send({ op: "adc", pin: p.pin, value: v / 100 }));
    }
    const sensor = { temperature: 22.5, humidity: 45 };
    slider("board-temp", "Temperature", -20, 60, 0.5, 22.5, " °C", (v) => {
        sensor.temperature = v;
        send({ op: "sensor", ...sensor });
    });
    slider("board-hum", "Humidity", 0, 100, 1, 45, " %", (v) => {
        sensor.humidity = v;
        send({ op: "sensor", ...sensor });
    });

    // --- NeoPixels ---
    const strips = el("div", { class: "board-strips", id: "board-neopixels" }, el("span", { class: "board-label" }, "NeoPixels: none yet (neopixel.NeoPixel(Pin(n), count))"));

    container.append(el("div", { class: "board-row" }, pcb, oled), sliders, strips);

    function drawOled(px, on, inverted) {
        const img = ctx.createImageData(128, 64);
        for (let y = 0; y < 64; y++) {
            for (let x = 0; x < 128; x++) {
                let bit = (px[(y >> 3) * 128 + x] >> (y & 7)) & 1;
                if (inverted) bit ^= 1;
                if (!on) bit = 0;
                const i = (y * 128 + x) * 4;
                img.data[i] = bit ? 0x9c : 0x05;
                img.data[i + 1] = bit ? 0xe3 : 0x08;
                img.data[i + 2] = bit ? 0xff : 0x10;
                img.data[i + 3] = 255;
            }
        }
        // Scale up crisply through a 1:1 offscreen canvas.
        const off = new OffscreenCanvas(128, 64);
        off.getContext("2d").putImageData(img, 0, 0);
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
        canvas.dataset.lit = String(on ? px.reduce((n, b) => n + popcount(b), 0) : 0);
    }

    function drawStrips(all) {
        const pins = Object.keys(all);
        if (!pins.length) return;
        strips.textContent = "";
        for (const p of pins) {
            const row = el("div", { class: "board-strip", id: `board-strip-${p}` }, el("span", { class: "board-label" }, `GP${p}`));
            for (const [r, g, b] of all[p]) {
                const d = el("span", { class: "board-pixel" });
                d.style.background = `rgb(${r},${g},${b})`;
                d.style.boxShadow = r + g + b ? `0 0 8px rgb(${r},${g},${b})` : "none";
                row.append(d);
            }
            strips.append(row);
        }
    }

    worker.addEventListener("message", (ev) => {
        const m = ev.data;
        if (!m || m.type !== "board") return;
        for (const [pin, level] of Object.entries(m.pins || {})) {
            const led = leds[pin];
            if (led) {
                led.dataset.level = String(level);
                led.classList.toggle("on", !!level);
            }
        }
        if (typeof m.time === "number") time.textContent = `${(m.time / 1000).toFixed(3)} s`;
        if (m.oled) drawOled(m.oled, m.oledOn, m.oledInverted);
        if (m.neopixels) drawStrips(m.neopixels);
    });
}

function popcount(b) {
    let n = 0;
    for (; b; b >>= 1) n += b & 1;
    return n;
}

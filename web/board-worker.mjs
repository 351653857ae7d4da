// The worker's half of the simulated board: mirrors the board's state (pin levels, the OLED's
// pixels, NeoPixel strips) to the page with {type: "board", ...} messages, throttled to about 60
// per second, and applies the page's inputs ({type: "board", op: "press" | "release" | "adc" |
// "sensor", ...}) to `mp.board`.

const FRAME_MS = 16;

export function attachBoard(mp, post) {
    const board = mp.board;
    if (!board) return;
    let pins = {};
    let outputs = true;
    let last = 0;
    let timer = 0;

    function flush() {
        clearTimeout(timer);
        timer = 0;
        last = Date.now();
        const msg = { type: "board", pins, time: board.time };
        pins = {};
        if (outputs) {
            outputs = false;
            msg.oled = board.oled.pixels;
            msg.oledOn = board.oled.displayOn;
            msg.oledInverted = board.oled.inverted;
            const strips = {};
            for (let p = 0; p < 30; p++) {
                const px = board.neopixels(p);
                if (px.length) strips[p] = px;
            }
            msg.neopixels = strips;
        }
        post(msg, msg.oled ? [msg.oled.buffer] : []);
    }

    function soon() {
        // Post at once when the last post is old enough (this also works while a synchronous run
        // blocks the worker), else shortly.
        if (Date.now() - last >= FRAME_MS) flush();
        else if (!timer) timer = setTimeout(flush, FRAME_MS);
    }

    board.on("change", (ev) => {
        pins[ev.pin] = ev.value;
        soon();
    });
    board.on("output", () => {
        outputs = true;
        soon();
    });
    for (let p = 0; p < 30; p++) pins[p] = board.pin(p).value;
    flush();

    self.addEventListener("message", (ev) => {
        const m = ev.data;
        if (!m || m.type !== "board") return;
        try {
            switch (m.op) {
                case "press":
                    board.pin(m.pin).press();
                    break;
                case "release":
                    board.pin(m.pin).release();
                    break;
                case "adc":
                    board.adc(m.pin).set(m.value);
                    break;
                case "sensor":
                    board.sensor.set({ temperature: m.temperature, humidity: m.humidity });
                    break;
                case "state":
                    for (let p = 0; p < 30; p++) pins[p] = board.pin(p).value;
                    outputs = true;
                    flush();
                    break;
            }
        } catch (e) {
            post({ type: "out", data: new TextEncoder().encode(String(e && e.message ? e.message : e) + "\n") });
        }
    });
}

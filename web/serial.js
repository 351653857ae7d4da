// "Connect a board": the page's terminal, editor and file list driven against a MicroPython board
// on USB through WebSerial. The REPL protocols (raw REPL, raw-paste, file transfer) are
// ferropy-remote's, compiled as `RemoteBoard` into a small wasm module of its own
// (crates/remote-wasm, built into web/remote/ by scripts/build-wasm.sh) that is imported only when
// Connect is clicked: the Python engine the page runs does not carry it. This file owns the port:
//
// - `requestPort` with the USB IDs of the common MicroPython boards, the chosen baud rate (1200 is
//   refused: opening at 1200 baud makes many boards reboot into their bootloader), DTR asserted
//   after open (native-USB boards hold their output until it is), an ESP32 reset through RTS.
// - One reader pump: the board's bytes go to the terminal (friendly REPL, keystrokes sent as raw
//   bytes) or, while an operation runs (ls, Run on board, Save to board, upload, download), to the
//   queue `RemoteBoard` reads through `Link.read`.
// - A lost port ('disconnect' event, read error) is reported in the terminal and the page returns
//   to the in-page interpreter; Connect works again afterwards.
//
// initSerial(page) wires the UI; `page` gives the terminal and the hooks into app.js.

/** USB IDs offered by the port picker (usbProductId omitted: any product of that vendor). */
export const FILTERS = [
    { usbVendorId: 0x2e8a, usbProductId: 0x0005 }, // Raspberry Pi Pico (MicroPython)
    { usbVendorId: 0xf055, usbProductId: 0x9800 }, // pyboard
    { usbVendorId: 0x303a }, // Espressif native USB (ESP32-S2/S3/C3/C6)
    { usbVendorId: 0x10c4, usbProductId: 0xea60 }, // CP210x
    { usbVendorId: 0x1a86, usbProductId: 0x7523 }, // CH340
    { usbVendorId: 0x1a86, usbProductId: 0x55d4 }, // CH9102
    { usbVendorId: 0x0403, usbProductId: 0x6001 }, // FTDI FT232R
    { usbVendorId: 0x0403, usbProductId: 0x6015 }, // FTDI FT231X
];

/** Baud rates offered; never 1200 (the "touch" that reboots many boards into a bootloader). */
export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1000000];

const PROMPT = ">>> ";
const enc = new TextEncoder();
const dec = new TextDecoder();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let remotePromise = null;
/**
 * The RemoteBoard class of web/remote/ (crates/remote-wasm), imported and instantiated on first
 * use (in this thread); a failed load is tried again next time.
 */
function remoteBoardClass() {
    remotePromise ??= import("./remote/ferropy_remote.js")
        .then(async (m) => {
            await m.default({ module_or_path: new URL("./remote/ferropy_remote.wasm", import.meta.url) });
            return m.RemoteBoard;
        })
        .catch((e) => {
            remotePromise = null;
            throw e;
        });
    return remotePromise;
}

/**
 * The open port: a reader pump that hands the board's bytes to the terminal or, in protocol
 * mode, to a queue read by `read(timeoutMs)` (the link RemoteBoard drives).
 */
export class Link {
    constructor(port, onTerminal, onClose) {
        this.port = port;
        this.onTerminal = onTerminal;
        this.onClose = onClose;
        this.protocol = false;
        this.queue = [];
        this.wake = null;
        this.closed = false;
        this.reader = port.readable.getReader();
        this.writer = port.writable.getWriter();
        this.done = this.pump();
    }

    async pump() {
        let error = null;
        try {
            for (;;) {
                const { value, done } = await this.reader.read();
                if (done) break;
                if (value && value.length) this.deliver(value);
            }
        } catch (e) {
            error = e;
        }
        this.closed = true;
        this.wakeUp();
        this.onClose(error);
    }

    deliver(bytes) {
        if (this.protocol) {
            this.queue.push(bytes);
            this.wakeUp();
        } else {
            this.onTerminal(bytes);
        }
    }

    wakeUp() {
        const w = this.wake;
        this.wake = null;
        if (w) w();
    }

    /** Switch the board's output to the protocol queue (true) or the terminal (false). */
    setProtocol(on) {
        this.protocol = on;
        if (!on && this.queue.length) {
            const q = this.take();
            this.onTerminal(q);
        }
    }

    take() {
        const n = this.queue.reduce((a, b) => a + b.length, 0);
        const out = new Uint8Array(n);
        let i = 0;
        for (const b of this.queue) {
            out.set(b, i);
            i += b.length;
        }
        this.queue = [];
        return out;
    }

    /** Bytes received (empty after `timeoutMs` without any), or null once the port is gone. */
    async read(timeoutMs) {
        if (!this.queue.length && !this.closed) {
            await new Promise((resolve) => {
                const t = setTimeout(() => {
                    this.wake = null;
                    resolve();
                }, timeoutMs);
                this.wake = () => {
                    clearTimeout(t);
                    resolve();
                };
            });
        }
        if (this.queue.length) return this.take();
        return this.closed ? null : new Uint8Array(0);
    }

    async write(bytes) {
        if (this.closed) throw new Error("the board disconnected");
        await this.writer.write(bytes instanceof Uint8Array ? bytes : enc.encode(String(bytes)));
    }

    /** Release the streams and close the port (errors ignored: it may be gone already). */
    async close() {
        this.closed = true;
        try {
            await this.reader.cancel();
        } catch {}
        try {
            this.reader.releaseLock();
        } catch {}
        try {
            await this.writer.close();
        } catch {}
        try {
            this.writer.releaseLock();
        } catch {}
        await this.done.catch(() => {});
        try {
            await this.port.close();
        } catch {}
    }
}

/**
 * Wire the "Connect a board" UI. `page`: {term, editorText(), openText(name, text), engineActive(on)}
 * (engineActive(false) while the board owns the terminal; true hands it back to the in-page
 * interpreter, which then prints a fresh prompt).
 */
export function initSerial(page) {
    const $ = (id) => document.getElementById(id);
    const { term } = page;
    const state = {
        port: null,
        link: null,
        board: null,
        busy: false,
        closing: false,
        tail: "", // the terminal's last board output (prompt detection)
        typed: "", // what was typed since the last prompt
        held: "", // keys typed during an operation, sent after it
        passKeys: false, // keys go straight to the board (a program runs)
        queue: Promise.resolve(), // operations run one after the other
        files: [],
    };
    const api = { state, active: false, keys, connect, disconnect, runOnBoard, saveToBoard, refresh, upload, download };
    window.ferropySerial = api;

    const connectBtn = $("connect");
    const baud = $("baud");
    for (const rate of BAUD_RATES) {
        const o = document.createElement("option");
        o.value = String(rate);
        o.textContent = `${rate} baud`;
        if (rate === 115200) o.selected = true;
        baud.append(o);
    }
    if (!("serial" in navigator)) {
        connectBtn.disabled = true;
        connectBtn.title = "This browser has no WebSerial (use Chrome or Edge on a desktop)";
    } else {
        connectBtn.disabled = false;
        connectBtn.title = "Talk to a MicroPython board on USB (WebSerial)";
        navigator.serial.addEventListener?.("disconnect", (e) => {
            if (state.port && e.target === state.port) lost("the port was unplugged");
        });
    }

    function note(text) {
        const fresh = term.buffer.active.cursorX === 0 ? "" : "\r\n";
        term.write(`${fresh}\x1b[33m[board] ${text}\x1b[0m\r\n`);
    }

    function setBoardStatus(text) {
        $("serial-status").textContent = text;
    }

    function toTerminal(bytes) {
        term.write(bytes);
        const s = dec.decode(bytes, { stream: true });
        state.tail = (state.tail + s).slice(-200);
        if (/soft reboot/.test(state.tail)) {
            setBoardStatus("soft reboot");
            document.body.dataset.serialReset = String(Number(document.body.dataset.serialReset || 0) + 1);
            state.tail = state.tail.replace(/soft reboot/g, "");
        }
        if (state.tail.endsWith(PROMPT)) maybeRefreshAfterTyping();
    }

    let refreshWanted = false;
    function maybeRefreshAfterTyping() {
        if (!refreshWanted) return;
        refreshWanted = false;
        setTimeout(() => {
            if (idle()) refresh();
        }, 300);
    }

    /** The terminal sits at the board's prompt with nothing typed: safe to use the raw REPL. */
    function idle() {
        return state.link && !state.busy && state.tail.endsWith(PROMPT) && state.typed === "";
    }

    /** Keystrokes from xterm while the board owns the terminal. */
    function keys(data) {
        if (!state.link) return;
        if (state.busy) {
            // Ctrl-C goes through at once (it stops "Run on board"); so does everything while a
            // program runs (its input()); other keys wait for the operation to end.
            if (state.passKeys) state.link.write(enc.encode(data)).catch(() => {});
            else if (data.includes("\x03")) state.link.write(enc.encode("\x03")).catch(() => {});
            else state.held += data;
            return;
        }
        for (const ch of data) {
            if (ch === "\r") {
                if (/open|os\.|remove|rename|mkdir|rmdir|write|import/.test(state.typed)) refreshWanted = true;
                state.typed = "";
            } else if (ch === "\x03" || ch === "\x04") state.typed = "";
            else if (ch === "\x7f" || ch === "\b") state.typed = state.typed.slice(0, -1);
            else state.typed += ch;
        }
        state.tail = "";
        state.link.write(enc.encode(data)).catch(() => {});
    }

    function setUi(connected) {
        api.active = connected;
        document.body.dataset.serial = connected ? "connected" : "";
        connectBtn.textContent = connected ? "Disconnect" : "Connect a board";
        baud.disabled = connected;
        $("serial-files-section").hidden = !connected;
        $("serial-actions").hidden = !connected;
        $("run").disabled = connected;
        page.engineActive(!connected);
    }

    /** Run `fn(board)` in the raw REPL, the board's output diverted from the terminal; calls
     * made while another runs wait for it. */
    function withRaw(fn) {
        const run = state.queue.then(() => rawOp(fn));
        state.queue = run.catch(() => {});
        return run;
    }

    async function rawOp(fn) {
        if (!state.link) throw Object.assign(new Error("no board connected"), { kind: "Disconnected" });
        state.busy = true;
        document.body.dataset.serialBusy = "1";
        const link = state.link;
        const board = state.board;
        link.setProtocol(true);
        try {
            await board.enterRaw(false);
            return await fn(board);
        } finally {
            try {
                if (!link.closed) {
                    await board.exitRaw();
                    // The friendly REPL's banner and prompt: swallowed (the terminal still shows
                    // its prompt), up to one second.
                    let got = "";
                    const end = Date.now() + 1000;
                    while (!got.endsWith(PROMPT) && Date.now() < end) {
                        const b = await link.read(Math.max(1, end - Date.now()));
                        if (b === null) break;
                        got += dec.decode(b);
                    }
                }
            } catch {}
            link.setProtocol(false);
            state.busy = false;
            state.passKeys = false;
            document.body.dataset.serialBusy = "";
            if (state.held && state.link === link) {
                const held = state.held;
                state.held = "";
                keys(held);
            }
        }
    }

    function report(e) {
        if (e && e.kind === "Disconnected") return; // shown by the disconnect handler
        note(`error: ${e && e.message ? e.message : e}`);
        term.write(PROMPT);
        state.tail = PROMPT;
    }

    async function connect() {
        if (state.link) return disconnect();
        const rate = Number(baud.value) || 115200;
        if (rate === 1200) {
            note("1200 baud is refused: it reboots many boards into their bootloader");
            return;
        }
        // The protocol module downloads while the port picker is open (nothing is awaited before
        // requestPort: it needs the click's user activation).
        const loading = remoteBoardClass();
        loading.catch(() => {});
        let port;
        try {
            port = await navigator.serial.requestPort({ filters: FILTERS });
        } catch (e) {
            setBoardStatus("no port chosen");
            return;
        }
        let RemoteBoard;
        try {
            RemoteBoard = await loading;
        } catch (e) {
            note(`cannot load the protocol engine: ${e.message || e}`);
            return;
        }
        try {
            await port.open({ baudRate: rate, bufferSize: 4096 });
        } catch (e) {
            note(`cannot open the port: ${e.message || e}`);
            return;
        }
        try {
            await port.setSignals({ dataTerminalReady: true });
        } catch {}
        state.port = port;
        state.closing = false;
        state.tail = "";
        state.typed = "";
        const link = new Link(port, toTerminal, (err) => {
            if (state.link === link) lost(err ? err.message || String(err) : "the port closed");
        });
        state.link = link;
        state.board = new RemoteBoard(link);
        const info = port.getInfo ? port.getInfo() : {};
        const id = info.usbVendorId !== undefined ? ` (${hex4(info.usbVendorId)}:${hex4(info.usbProductId ?? 0)})` : "";
        setUi(true);
        note(`connected at ${rate} baud${id}; Ctrl-D soft-resets the board`);
        setBoardStatus("connected");
        await refresh();
        if (state.link === link) {
            // A prompt of the board's own (after the raw REPL left it at one).
            state.tail = "";
            await link.write(enc.encode("\r")).catch(() => {});
        }
        term.focus();
    }

    function hex4(n) {
        return n.toString(16).padStart(4, "0");
    }

    /** The port is gone (unplugged, read error, bridge closed): back to the in-page engine. */
    function lost(why) {
        if (!state.link) return;
        const link = state.link;
        const expected = state.closing;
        state.link = null;
        state.board = null;
        state.port = null;
        state.busy = false;
        document.body.dataset.serialBusy = "";
        link.close();
        note(expected ? "disconnected" : `the board disconnected (${why})`);
        note("back to the in-page interpreter");
        setBoardStatus(expected ? "disconnected" : "connection lost");
        renderFiles([]);
        setUi(false);
    }

    async function disconnect() {
        if (!state.link) return;
        state.closing = true;
        const link = state.link;
        await link.close();
        lost("closed");
    }

    async function espReset() {
        if (!state.port) return;
        note("resetting the board (RTS)");
        try {
            await state.port.setSignals({ dataTerminalReady: false, requestToSend: true });
            await sleep(100);
            await state.port.setSignals({ requestToSend: false });
            await sleep(100);
            await state.port.setSignals({ dataTerminalReady: true });
        } catch (e) {
            note(`reset failed: ${e.message || e}`);
        }
    }

    function renderFiles(entries) {
        state.files = entries;
        const ul = $("serial-files");
        ul.textContent = "";
        for (const e of entries) {
            const li = document.createElement("li");
            li.dataset.path = e.name;
            const name = document.createElement("span");
            name.className = "name";
            name.textContent = e.isDir ? e.name + "/" : e.name;
            if (!e.isDir) {
                name.title = "Open a copy in the editor";
                name.onclick = () => openOnPage(e.name);
            }
            li.append(name);
            if (!e.isDir) {
                const size = document.createElement("span");
                size.className = "size";
                size.textContent = String(e.size);
                const dl = document.createElement("button");
                dl.className = "download";
                dl.textContent = "⤓";
                dl.title = `Download ${e.name}`;
                dl.onclick = () => download(e.name);
                li.append(size, dl);
            }
            ul.append(li);
        }
    }

    async function refresh() {
        if (!state.link) return;
        try {
            const entries = await withRaw((b) => b.ls("/"));
            renderFiles(entries.filter((e) => !e.name.endsWith(".part")));
            document.body.dataset.serialFiles = String(Number(document.body.dataset.serialFiles || 0) + 1);
        } catch (e) {
            report(e);
        }
    }

    async function runOnBoard() {
        const code = page.editorText();
        if (!state.link) return;
        try {
            const exc = await withRaw((b) => {
                term.write("\r\n");
                return b.run(code, (bytes) => {
                    state.passKeys = true; // the program runs: its input() gets the keys
                    term.write(bytes);
                }, 0);
            });
            if (exc) term.write(exc.replace(/\r?\n/g, "\r\n"));
            term.write(PROMPT);
            state.tail = PROMPT;
        } catch (e) {
            report(e);
        }
        await refresh();
    }

    async function saveToBoard() {
        if (!state.link) return;
        const code = page.editorText();
        try {
            const r = await withRaw((b) => b.put("main.py", enc.encode(code), false));
            setBoardStatus(`main.py ${r} (${enc.encode(code).length} bytes)`);
        } catch (e) {
            report(e);
        }
        await refresh();
    }

    async function upload(fileList) {
        for (const f of fileList) {
            const data = new Uint8Array(await f.arrayBuffer());
            try {
                await withRaw((b) => b.put(f.name, data, true));
                setBoardStatus(`uploaded ${f.name} (${data.length} bytes)`);
            } catch (e) {
                report(e);
                break;
            }
        }
        await refresh();
    }

    async function download(name) {
        try {
            const data = await withRaw((b) => b.get(name));
            const url = URL.createObjectURL(new Blob([data], { type: "application/octet-stream" }));
            const a = document.createElement("a");
            a.href = url;
            a.download = name.split("/").pop();
            document.body.append(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 10000);
            setBoardStatus(`downloaded ${name} (${data.length} bytes)`);
        } catch (e) {
            report(e);
        }
    }

    async function openOnPage(name) {
        try {
            const text = await withRaw((b) => b.cat(name));
            page.openText(name, text);
        } catch (e) {
            report(e);
        }
    }

    // While a board is connected, Stop interrupts the board (Ctrl-C), not the in-page engine.
    document.addEventListener(
        "click",
        (e) => {
            if (api.active && e.target instanceof Element && e.target.closest("#stop")) {
                e.stopPropagation();
                keys("\x03");
            }
        },
        true,
    );
    connectBtn.onclick = () => connect();
    $("serial-run").onclick = () => runOnBoard();
    $("serial-save").onclick = () => saveToBoard();
    $("serial-reset").onclick = () => espReset();
    $("serial-refresh").onclick = () => refresh();
    $("serial-upload").onclick = () => $("serial-upload-file").click();
    $("serial-upload-file").onchange = async (ev) => {
        const files = [...ev.target.files];
        ev.target.value = "";
        await upload(files);
    };
    return api;
}

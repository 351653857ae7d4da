// The Ferropy REPL's interpreter, in a module Web Worker so that code typed at the REPL never
// freezes the page. Typed bytes go through replProcessCharWithAsyncify: the code they start runs
// in time slices and suspends on sleeps, so the worker keeps handling messages meanwhile (board
// inputs such as button presses, Ctrl-C). The page talks to it with messages; a SharedArrayBuffer
// carries Ctrl-C (element 0 of `ctl`, watched by the interpreter's interrupt check) and the lines
// typed for `input()` (the worker blocks in Atomics.wait until the page hands a line over).
//
// Page -> worker: {type: "init", sab, files}, {type: "chars", data}, {type: "run", code},
//   {type: "writeFile", path, text}, {type: "unlink", path}, {type: "listFiles"}, {type: "stopped"}.
// Worker -> page: {type: "ready"}, {type: "out", data}, {type: "input"}, {type: "runDone"},
//   {type: "files", files}, {type: "fatal", message}.
// The simulated board (board-worker.mjs) adds {type: "board", ...} both ways.
import { loadMicroPython } from "../npm/ferropy.mjs";
import { attachBoard } from "./board-worker.mjs";

let mp;
let ctl; // Int32Array: [0] interrupt, [1] input state (0 waiting, 1 line ready, 2 cancelled), [2] line length
let lineBuf; // Uint8Array: the line's UTF-8 bytes
let running = false; // a Run of the editor's code (runPythonAsync) is in progress
const pending = [];
let replBusy = 0; // replProcessCharWithAsyncify calls not finished yet
let pendingRun = null; // the editor's code, when Run came while REPL code was running

function out(bytes) {
    const copy = bytes instanceof Uint8Array ? bytes.slice() : new TextEncoder().encode(String(bytes));
    postMessage({ type: "out", data: copy }, [copy.buffer]);
}

function stdin() {
    if (!ctl) return null;
    Atomics.store(ctl, 1, 0);
    postMessage({ type: "input" });
    Atomics.wait(ctl, 1, 0);
    const state = Atomics.load(ctl, 1);
    Atomics.store(ctl, 1, 0);
    if (state !== 1) return null;
    const n = Atomics.load(ctl, 2);
    return new TextDecoder().decode(lineBuf.slice(0, n));
}

function walk(dir, files) {
    for (const name of mp.FS.readdir(dir)) {
        if (name === "." || name === "..") continue;
        const p = dir === "/" ? "/" + name : dir + "/" + name;
        const st = mp.FS.stat(p);
        if (st.isDir) walk(p, files);
        else files[p] = mp.FS.readFile(p, { encoding: "utf8" });
    }
    return files;
}

function ensureParent(path) {
    const i = path.lastIndexOf("/");
    if (i > 0) mp.FS.mkdirTree(path.slice(0, i));
}

function report(e) {
    out(String(e && e.message !== undefined ? e.message : e).replace(/\n?$/, "\n"));
}

// One byte to the REPL: queued behind the code earlier bytes started; Ctrl-C interrupts it.
function feedByte(b) {
    replBusy++;
    mp.replProcessCharWithAsyncify(b)
        .catch(report)
        .finally(() => {
            replBusy--;
            if (replBusy === 0 && pendingRun !== null) {
                const code = pendingRun;
                pendingRun = null;
                run(code);
            }
        });
}

function feed(data) {
    for (const b of data) {
        if (b === 3 && ctl) {
            // Ctrl-C: if running code already took the interrupt, it was meant for that code.
            if (Atomics.exchange(ctl, 0, 0) === 0) continue;
        }
        feedByte(b);
    }
}

async function run(code) {
    running = true;
    out("\r\n");
    try {
        await mp.runPythonAsync(code);
    } catch (e) {
        report(e);
    } finally {
        running = false;
        if (ctl) Atomics.store(ctl, 0, 0);
        postMessage({ type: "runDone" });
        // A fresh prompt (Ctrl-C on the REPL's line), then whatever was typed meanwhile.
        mp.replProcessChar(3);
        while (pending.length && !running) feed(pending.shift());
    }
}

onmessage = async (ev) => {
    const m = ev.data;
    try {
        switch (m.type) {
            case "init": {
                mp = await loadMicroPython({ stdout: out, stderr: out, stdin, linebuffer: false, board: true });
                attachBoard(mp, (msg, transfer) => postMessage(msg, transfer));
                if (m.sab) {
                    ctl = new Int32Array(m.sab, 0, 4);
                    lineBuf = new Uint8Array(m.sab, 16);
                    mp.setInterruptBuffer(ctl);
                }
                for (const [path, text] of Object.entries(m.files || {})) {
                    ensureParent(path);
                    mp.FS.writeFile(path, text);
                }
                postMessage({ type: "ready" });
                mp.replInit();
                break;
            }
            case "chars":
                if (running) pending.push(m.data);
                else feed(m.data);
                break;
            case "run":
                if (running) break;
                // REPL code still running: the Run starts when it is done (or interrupted).
                if (replBusy) pendingRun = m.code;
                else await run(m.code);
                break;
            case "writeFile":
                ensureParent(m.path);
                mp.FS.writeFile(m.path, m.text);
                break;
            case "unlink":
                try {
                    mp.FS.unlink(m.path);
                } catch {
                    // already gone
                }
                break;
            case "listFiles":
                postMessage({ type: "files", files: walk("/", {}) });
                break;
            case "stopped":
                // The Stop button: with the shared buffer the interrupt is already on its way
                // (clear it if nothing was running); without it, interrupt the async run.
                // REPL code that sleeps is interrupted at once (a busy loop may have seen the
                // interrupt buffer already).
                if (running) {
                    if (!ctl) mp.interrupt();
                } else if (replBusy) {
                    pendingRun = null;
                    if (!ctl || Atomics.exchange(ctl, 0, 0) !== 0) mp.replProcessCharWithAsyncify(3);
                } else if (ctl) Atomics.store(ctl, 0, 0);
                break;
        }
    } catch (e) {
        postMessage({ type: "fatal", message: String(e && e.stack ? e.stack : e) });
    }
};

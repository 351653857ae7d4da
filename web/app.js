// The Ferropy REPL page: an xterm.js terminal wired byte by byte to the REPL engine (running in
// repl-worker.mjs), an editor with Run/Stop, and a file list of the interpreter's virtual file
// system persisted in IndexedDB (so main.py survives a reload).
import { Terminal } from "./node_modules/@xterm/xterm/lib/xterm.mjs";
import { FitAddon } from "./node_modules/@xterm/addon-fit/lib/addon-fit.mjs";
import { initSerial } from "./serial.js";
import { initBoard } from "./board.js";

const $ = (id) => document.getElementById(id);
const enc = new TextEncoder();

const SAMPLE = `# main.py: edit, then press Run (or F5).
import sys

def greet(name):
    print("Hello,", name, "from", sys.implementation.name)

greet("world")
for i in range(3):
    print(i, i * i)
`;

// ----- IndexedDB file store ---------------------------------------------------------------------
const DB = "ferropy-web";
const STORE = "files";

function openDb() {
    return new Promise((ok, fail) => {
        const r = indexedDB.open(DB, 1);
        r.onupgradeneeded = () => r.result.createObjectStore(STORE);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
    });
}
const dbp = openDb();

async function tx(mode, fn) {
    const db = await dbp;
    return new Promise((ok, fail) => {
        const t = db.transaction(STORE, mode);
        const store = t.objectStore(STORE);
        const res = fn(store);
        t.oncomplete = () => ok(res && "result" in res ? res.result : undefined);
        t.onerror = () => fail(t.error);
    });
}

async function loadAll() {
    const db = await dbp;
    return new Promise((ok, fail) => {
        const files = {};
        const req = db.transaction(STORE).objectStore(STORE).openCursor();
        req.onsuccess = () => {
            const c = req.result;
            if (!c) return ok(files);
            files[c.key] = c.value;
            c.continue();
        };
        req.onerror = () => fail(req.error);
    });
}
const dbPut = (path, text) => tx("readwrite", (s) => s.put(text, path));
const dbDelete = (path) => tx("readwrite", (s) => s.delete(path));

// ----- terminal ---------------------------------------------------------------------------------
const term = new Terminal({
    convertEol: true,
    cursorBlink: true,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 14,
    scrollback: 5000,
    theme: { background: "#000000", foreground: "#d8dee6", cursor: "#f0883e" },
});
const fit = new FitAddon();
term.loadAddon(fit);
term.open($("terminal"));
fit.fit();
addEventListener("resize", () => fit.fit());
window.ferropyTerm = term;
/** The terminal's text, one string (tests read it). */
window.terminalText = () => {
    const b = term.buffer.active;
    const lines = [];
    for (let i = 0; i < b.length; i++) {
        const l = b.getLine(i);
        if (!l) continue;
        const t = l.translateToString(true);
        if (l.isWrapped && lines.length) lines[lines.length - 1] += t;
        else lines.push(t);
    }
    return lines.join("\n").replace(/\n+$/, "");
};

// ----- the interpreter worker -------------------------------------------------------------------
const shared = typeof SharedArrayBuffer !== "undefined" && crossOriginIsolated ? new SharedArrayBuffer(16 + 65536) : null;
const ctl = shared ? new Int32Array(shared, 0, 4) : null;
const lineBuf = shared ? new Uint8Array(shared, 16) : null;
const worker = new Worker(new URL("./repl-worker.mjs", import.meta.url), { type: "module" });
let ready = false;
let running = false;
let inputLine = null; // the line typed for input(), while Python waits for it

function setStatus(text, cls) {
    $("status").className = cls;
    $("status-text").textContent = text;
}

function interrupt() {
    if (ctl) Atomics.store(ctl, 0, 2);
    worker.postMessage({ type: "stopped" });
}

function sendInput(line) {
    if (!ctl) return;
    const bytes = enc.encode(line).slice(0, lineBuf.length);
    lineBuf.set(bytes);
    Atomics.store(ctl, 2, bytes.length);
    Atomics.store(ctl, 1, 1);
    Atomics.notify(ctl, 1);
}

function cancelInput() {
    if (!ctl) return;
    Atomics.store(ctl, 1, 2);
    Atomics.notify(ctl, 1);
}

let listTimer = 0;
function refreshFilesSoon() {
    clearTimeout(listTimer);
    listTimer = setTimeout(() => worker.postMessage({ type: "listFiles" }), 250);
}

term.onData((data) => {
    if (serial.active) return serial.keys(data); // a board on USB owns the terminal
    if (!ready) return;
    if (inputLine !== null) {
        // Line editing for input(): the interpreter is blocked waiting for a whole line.
        for (const ch of data) {
            if (ch === "\r") {
                term.write("\r\n");
                const line = inputLine;
                inputLine = null;
                sendInput(line);
            } else if (ch === "\x7f" || ch === "\b") {
                if (inputLine.length) {
                    inputLine = inputLine.slice(0, -1);
                    term.write("\b \b");
                }
            } else if (ch === "\x03") {
                term.write("^C\r\n");
                inputLine = null;
                interrupt();
                cancelInput();
            } else if (ch >= " ") {
                inputLine += ch;
                term.write(ch);
            }
            if (inputLine === null) break;
        }
        return;
    }
    if (data.includes("\x03") && ctl) Atomics.store(ctl, 0, 2);
    worker.postMessage({ type: "chars", data: enc.encode(data) });
    if (data.includes("\r")) refreshFilesSoon();
});

worker.onmessage = (ev) => {
    const m = ev.data;
    switch (m.type) {
        case "out":
            if (!serial.active) term.write(m.data);
            break;
        case "input":
            inputLine = "";
            break;
        case "ready":
            ready = true;
            setStatus(shared ? "Ready" : "Ready (input() and Ctrl-C need a cross-origin isolated page)", "ready");
            $("run").disabled = false;
            $("stop").disabled = false;
            document.body.dataset.ready = "1";
            term.focus();
            break;
        case "runDone":
            running = false;
            refreshFilesSoon();
            break;
        case "files":
            syncFiles(m.files);
            break;
        case "fatal":
            term.write(`\r\n[ferropy] ${m.message}\r\n`);
            break;
    }
};
initBoard($("board"), worker);
worker.onerror = (e) => setStatus("The interpreter failed to start: " + (e.message || e), "error");

// ----- files and editor -------------------------------------------------------------------------
let files = {};
let current = "/main.py";
const editor = $("editor");

const abs = (name) => "/" + name.trim().replace(/^\/+/, "");

function renderFiles() {
    const ul = $("files");
    ul.textContent = "";
    for (const path of Object.keys(files).sort()) {
        const li = document.createElement("li");
        li.textContent = path.slice(1);
        li.dataset.path = path;
        if (path === current) li.className = "active";
        li.onclick = () => openFile(path);
        ul.append(li);
    }
}

function openFile(path) {
    current = path;
    $("filename").value = path.slice(1);
    editor.value = files[path] ?? "";
    renderFiles();
}

async function syncFiles(fsFiles) {
    // The interpreter's file system is the truth: persist what Python wrote, drop what it removed.
    for (const [path, text] of Object.entries(fsFiles)) {
        if (files[path] !== text) await dbPut(path, text);
    }
    for (const path of Object.keys(files)) {
        if (!(path in fsFiles)) await dbDelete(path);
    }
    files = fsFiles;
    renderFiles();
}

async function save() {
    const path = abs($("filename").value || "main.py");
    files[path] = editor.value;
    current = path;
    worker.postMessage({ type: "writeFile", path, text: editor.value });
    await dbPut(path, editor.value);
    renderFiles();
    $("saved").textContent = "saved";
    setTimeout(() => ($("saved").textContent = ""), 1500);
}

function run() {
    if (!ready || running) return;
    running = true;
    save();
    worker.postMessage({ type: "run", code: editor.value });
    term.focus();
}

$("save").onclick = save;
$("run").onclick = run;
$("stop").onclick = interrupt;
$("new").onclick = () => {
    let n = 1;
    while (files[`/untitled${n}.py`] !== undefined) n++;
    current = `/untitled${n}.py`;
    $("filename").value = current.slice(1);
    editor.value = "";
    editor.focus();
};
$("delete").onclick = async () => {
    const path = abs($("filename").value);
    delete files[path];
    worker.postMessage({ type: "unlink", path });
    await dbDelete(path);
    openFile(Object.keys(files).sort()[0] ?? "/main.py");
};
editor.addEventListener("keydown", (e) => {
    if (e.key === "Tab" && !e.shiftKey) {
        e.preventDefault();
        editor.setRangeText("    ", editor.selectionStart, editor.selectionEnd, "end");
    } else if (e.key === "Enter") {
        // Keep the indentation of the current line (one more level after a colon).
        const before = editor.value.slice(0, editor.selectionStart);
        const line = before.slice(before.lastIndexOf("\n") + 1);
        let indent = line.match(/^ */)[0];
        if (/:\s*$/.test(line)) indent += "    ";
        e.preventDefault();
        editor.setRangeText("\n" + indent, editor.selectionStart, editor.selectionEnd, "end");
    }
});
addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") {
        e.preventDefault();
        save();
    } else if (e.key === "F5") {
        e.preventDefault();
        run();
    }
});

// ----- a board on USB (serial.js) --------------------------------------------------------------
const serial = initSerial({
    term,
    editorText: () => editor.value,
    openText(name, text) {
        current = abs(name);
        $("filename").value = current.slice(1);
        editor.value = text;
        renderFiles();
    },
    engineActive(on) {
        if (!on) return;
        // Back from the board: a fresh prompt from the in-page interpreter.
        $("run").disabled = !ready;
        if (ctl) Atomics.store(ctl, 0, 2);
        worker.postMessage({ type: "chars", data: new Uint8Array([3]) });
    },
});

// ----- start ------------------------------------------------------------------------------------
files = await loadAll();
if (Object.keys(files).length === 0) {
    files = { "/main.py": SAMPLE };
    await dbPut("/main.py", SAMPLE);
}
openFile(files["/main.py"] !== undefined ? "/main.py" : Object.keys(files).sort()[0]);
worker.postMessage({ type: "init", sab: shared, files });

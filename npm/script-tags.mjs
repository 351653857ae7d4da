// `<script type="micropython">` (and `type="mpy"`) for web pages: importing this module runs every
// such script in document order in one shared interpreter (PyScript's semantics), inline or with
// `src`, with top-level `await`. Attributes: `target="id"` (where output goes; default: a box
// inserted after the tag), `terminal` (a terminal-style box), `config` (JSON or TOML, inline or a
// URL; its `files` table {url: path} is fetched into the virtual file system first) and `worker`
// (run in a module Web Worker with its own interpreter). Uncaught errors are shown on the page
// with their traceback and logged to the console. Events `micropython:ready` and
// `micropython:done` fire on each script element (they bubble to `document`).
//
// Scripts get the `pyscript` module (also importable as `ferropy_page`): `display(*values,
// target=None, append=True)`, `document`, `window`, and the `when(event, selector)` decorator.
//
// In a Web Worker this same file is the worker side of the `worker` attribute.
import { loadMicroPython } from "./ferropy.mjs";

const TYPES = new Set(["micropython", "mpy"]);
const inWorker = typeof document === "undefined" && typeof self !== "undefined" && typeof self.postMessage === "function";

/** The Python side of the `pyscript` / `ferropy_page` module. */
const PAGE_PY = `
import _ferropy_page_js as _js

try:
    from js import document, window
except ImportError:
    document = None
    window = None


def _show(value, target, append):
    html = getattr(value, "_repr_html_", None)
    if html is not None:
        _js.show(target, str(html()), True, append)
    elif isinstance(value, str):
        _js.show(target, value, False, append)
    else:
        _js.show(target, repr(value), False, append)


def display(*values, target=None, append=True):
    """Show values in the page: in the element with id \`target\` (default: the running script's
    output box); strings as text, objects with _repr_html_ as HTML, others by repr()."""
    if not append:
        _js.clear(target)
    for v in values:
        _show(v, target, True)


def current_target():
    """The id of the running script's output element."""
    return _js.current()


def when(event, selector):
    """Decorator: call the function on \`event\` for every element matching the CSS \`selector\`;
    the function may take the event or nothing."""

    def decorate(fn):
        code = getattr(fn, "__code__", None)
        nargs = code.co_argcount if code is not None else 1
        if nargs == 0:
            def handler(e):
                fn()
        else:
            handler = fn
        _js.on(selector, event, handler)
        return fn

    return decorate


__all__ = ["display", "document", "window", "when", "current_target"]
`;

const STYLE = `
.ferropy-output { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; }
.ferropy-terminal { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; background: #111; color: #ddd; padding: 8px 10px; border-radius: 6px; min-height: 2.5em; overflow: auto; }
.ferropy-error { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; background: #fff0f0; color: #a40000; border-left: 4px solid #d00; padding: 8px 10px; margin: 6px 0; border-radius: 4px; }
`;

// ----- small parsers ----------------------------------------------------------------------------

function tomlValue(v) {
    v = v.trim();
    if (/^".*"$/.test(v) || /^'.*'$/.test(v)) return v.slice(1, -1);
    if (v === "true" || v === "false") return v === "true";
    if (/^[+-]?\d+(\.\d+)?$/.test(v)) return Number(v);
    if (v.startsWith("[")) {
        try {
            return JSON.parse(v.replace(/'/g, '"'));
        } catch {
            return v;
        }
    }
    return v;
}

/** TOML's simple subset: `key = value` lines and `[table]` headers (comments with `#`). */
export function parseToml(text) {
    const out = {};
    let table = out;
    for (let line of text.split(/\r?\n/)) {
        line = line.replace(/^\s+/, "");
        if (!line || line.startsWith("#")) continue;
        const h = line.match(/^\[\s*([^\]]+?)\s*\]/);
        if (h) {
            table = out;
            for (const part of h[1].split(".")) {
                const k = part.trim().replace(/^["']|["']$/g, "");
                table = table[k] ??= {};
            }
            continue;
        }
        const m = line.match(/^("[^"]*"|'[^']*'|[^=\s]+)\s*=\s*(.*)$/);
        if (!m) continue;
        const key = m[1].replace(/^["']|["']$/g, "");
        const val = m[2].replace(/\s+#[^"']*$/, "");
        table[key] = tomlValue(val);
    }
    return out;
}

/** A `config` attribute: inline JSON, inline TOML, or the URL of a .json/.toml file. */
export async function readConfig(attr, base) {
    if (!attr || !attr.trim()) return {};
    const s = attr.trim();
    if (s.startsWith("{")) return JSON.parse(s);
    if (/^\[|^[\w"'-]+\s*=/m.test(s) && s.includes("=")) return parseToml(s);
    const url = new URL(s, base);
    const resp = await fetch(url);
    if (!resp.ok) throw new Error(`config ${url}: HTTP ${resp.status}`);
    const text = await resp.text();
    return /\.json$/i.test(url.pathname) || text.trim().startsWith("{") ? JSON.parse(text) : parseToml(text);
}

function basename(p) {
    return p.replace(/\/+$/, "").split("/").pop();
}

/** Fetch `config.files` ({url: path}) into the interpreter's file system. */
async function fetchFiles(mp, files, base) {
    for (const [src, dest0] of Object.entries(files || {})) {
        const url = new URL(src, base);
        const resp = await fetch(url);
        if (!resp.ok) throw new Error(`files: ${url}: HTTP ${resp.status}`);
        const data = new Uint8Array(await resp.arrayBuffer());
        let dest = dest0 || "./" + basename(url.pathname);
        if (dest.endsWith("/")) dest += basename(url.pathname);
        if (!dest.startsWith("/")) dest = "/" + dest.replace(/^\.\//, "");
        const dir = dest.slice(0, dest.lastIndexOf("/"));
        if (dir) mp.FS.mkdirTree(dir);
        mp.FS.writeFile(dest, data);
    }
}

// ----- output sinks -----------------------------------------------------------------------------

/** Where a script's text output goes (an element on the page, or a message to the page). */
class Sink {
    constructor(el) {
        this.el = el;
        this.dec = new TextDecoder();
    }
    write(bytes) {
        const s = typeof bytes === "string" ? bytes : this.dec.decode(bytes, { stream: true });
        if (s) this.el.append(document.createTextNode(s));
    }
}

let installed = false;
function installStyle() {
    if (installed || typeof document === "undefined") return;
    installed = true;
    const st = document.createElement("style");
    st.textContent = STYLE;
    document.head.append(st);
}

function fire(el, name, detail) {
    el.dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));
    if (!el.isConnected) document.dispatchEvent(new CustomEvent(name, { detail }));
}

function outputFor(script) {
    const id = script.getAttribute("target");
    if (id) {
        const el = document.getElementById(id.replace(/^#/, "")) || document.querySelector(id);
        if (el) return el;
    }
    const box = document.createElement("div");
    box.className = script.hasAttribute("terminal") ? "ferropy-terminal" : "ferropy-output";
    if (!box.id) box.id = `ferropy-out-${++outCount}`;
    script.after(box);
    return box;
}
let outCount = 0;

function showError(script, out, message) {
    const pre = document.createElement("pre");
    pre.className = "ferropy-error";
    pre.textContent = message;
    (out && out.isConnected ? out : script).after(pre);
    console.error(message);
}

// ----- the shared interpreter -------------------------------------------------------------------

let current = null; // {sink, out} of the running script
let interpreter = null;

function pageHelpers(getCurrent) {
    const resolve = (target) => {
        if (target === null || target === undefined) return getCurrent()?.out ?? document.body;
        const id = String(target).replace(/^#/, "");
        return document.getElementById(id) || document.querySelector(String(target));
    };
    return {
        show(target, text, html, append) {
            const el = resolve(target);
            if (!el) throw new Error(`display: no element with id ${target}`);
            if (!append) el.textContent = "";
            const div = document.createElement("div");
            if (html) div.innerHTML = text;
            else div.textContent = text;
            el.append(div);
        },
        clear(target) {
            const el = resolve(target);
            if (el) el.textContent = "";
        },
        current() {
            return getCurrent()?.out?.id ?? null;
        },
        on(selector, event, handler) {
            const els = document.querySelectorAll(selector);
            if (!els.length) console.warn(`when(${event}, ${selector}): no element matches`);
            for (const el of els) el.addEventListener(event, (e) => handler(e));
        },
    };
}

async function setupInterpreter(mp, helpers) {
    mp.registerJsModule("_ferropy_page_js", helpers);
    mp.FS.mkdirTree("/lib");
    mp.FS.writeFile("/lib/pyscript.py", PAGE_PY);
    mp.FS.writeFile("/lib/ferropy_page.py", "from pyscript import *\nfrom pyscript import current_target\n");
    mp.runPython("import sys\nif '/lib' not in sys.path:\n    sys.path.append('/lib')\ndel sys");
}

/** The interpreter the page's scripts share (loaded on first use). */
export function getInterpreter() {
    if (!interpreter) {
        interpreter = (async () => {
            const write = (bytes) => current?.sink.write(bytes);
            const mp = await loadMicroPython({ stdout: write, stderr: write, linebuffer: false });
            await setupInterpreter(mp, pageHelpers(() => current));
            return mp;
        })();
    }
    return interpreter;
}

async function scriptSource(script) {
    const src = script.getAttribute("src");
    if (!src) return dedent(script.textContent);
    const url = new URL(src, document.baseURI);
    const resp = await fetch(url);
    if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
    return resp.text();
}

/** Remove the common leading indentation of inline code (HTML is usually indented). */
export function dedent(text) {
    const lines = text.replace(/^\s*\n/, "").split("\n");
    let min = Infinity;
    for (const l of lines) if (l.trim()) min = Math.min(min, l.match(/^[ \t]*/)[0].length);
    return lines.map((l) => l.slice(Math.min(min, l.length))).join("\n");
}

async function runScript(script) {
    installStyle();
    const out = outputFor(script);
    if (script.hasAttribute("worker")) return runInWorker(script, out);
    let mp;
    try {
        mp = await getInterpreter();
    } catch (e) {
        showError(script, out, `ferropy: the interpreter failed to load: ${e.message || e}`);
        fire(script, "micropython:done", { error: e });
        return;
    }
    fire(script, "micropython:ready", { interpreter: mp, output: out });
    const sink = new Sink(out);
    current = { sink, out };
    let error = null;
    try {
        const config = await readConfig(script.getAttribute("config"), document.baseURI);
        await fetchFiles(mp, config.files, document.baseURI);
        const code = await scriptSource(script);
        await mp.runPythonAsync(code);
    } catch (e) {
        error = e;
        showError(script, out, e && e.name === "PythonError" ? e.message : String(e && e.message ? e.message : e));
    } finally {
        sink.write(new Uint8Array());
        current = null;
    }
    fire(script, "micropython:done", { error, output: out });
}

function runInWorker(script, out) {
    return new Promise((resolveRun) => {
        const worker = new Worker(import.meta.url, { type: "module" });
        const sink = new Sink(out);
        worker.onmessage = (ev) => {
            const m = ev.data;
            if (m.type === "out") sink.write(m.data);
            else if (m.type === "display") pageHelpers(() => ({ out })).show(m.target, m.text, m.html, m.append);
            else if (m.type === "ready") fire(script, "micropython:ready", { worker, output: out });
            else if (m.type === "done") {
                if (m.error) showError(script, out, m.error);
                fire(script, "micropython:done", { error: m.error || null, output: out, worker });
                resolveRun();
            }
        };
        worker.onerror = (e) => {
            showError(script, out, `ferropy worker: ${e.message || e}`);
            fire(script, "micropython:done", { error: e, output: out });
            resolveRun();
        };
        (async () => {
            try {
                const code = await scriptSource(script);
                worker.postMessage({
                    type: "run",
                    code,
                    config: script.getAttribute("config"),
                    base: document.baseURI,
                });
            } catch (e) {
                showError(script, out, String(e.message || e));
                fire(script, "micropython:done", { error: e, output: out });
                resolveRun();
            }
        })();
    });
}

// ----- discovery --------------------------------------------------------------------------------

const seen = new WeakSet();
let chain = Promise.resolve();

function isPythonScript(node) {
    return node && node.tagName === "SCRIPT" && TYPES.has((node.getAttribute("type") || "").toLowerCase());
}

function enqueue(script) {
    if (seen.has(script)) return;
    seen.add(script);
    // Worker scripts start in order but do not hold up the scripts after them.
    chain = chain.then(() => (script.hasAttribute("worker") ? void runScript(script) : runScript(script)));
}

/** Run the page's Python scripts (those present now, and any added later); resolves when the
 * ones present have finished. */
export function runScripts(root = document) {
    for (const s of root.querySelectorAll("script")) if (isPythonScript(s)) enqueue(s);
    return chain;
}

/** Resolves once every script found so far has run. */
export function whenDone() {
    return chain;
}

if (!inWorker && typeof document !== "undefined") {
    const start = () => {
        runScripts();
        new MutationObserver((records) => {
            for (const r of records) {
                for (const n of r.addedNodes) {
                    if (isPythonScript(n)) enqueue(n);
                    else if (n.querySelectorAll) for (const s of n.querySelectorAll("script")) if (isPythonScript(s)) enqueue(s);
                }
            }
        }).observe(document.documentElement, { childList: true, subtree: true });
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
    else start();
}

// ----- worker side ------------------------------------------------------------------------------

if (inWorker) {
    self.onmessage = async (ev) => {
        const m = ev.data;
        if (m.type !== "run") return;
        const out = (bytes) => {
            const copy = bytes.slice();
            self.postMessage({ type: "out", data: copy }, [copy.buffer]);
        };
        let error = null;
        try {
            const mp = await loadMicroPython({ stdout: out, stderr: out, linebuffer: false });
            await setupInterpreter(mp, {
                show(target, text, html, append) {
                    self.postMessage({ type: "display", target: target ?? null, text, html, append });
                },
                clear() {},
                current: () => null,
                on() {
                    throw new Error("when() needs the page's document; it is not available in a worker");
                },
            });
            self.postMessage({ type: "ready" });
            const config = await readConfig(m.config, m.base);
            await fetchFiles(mp, config.files, m.base);
            await mp.runPythonAsync(m.code);
        } catch (e) {
            error = e && e.name === "PythonError" ? e.message : String(e && e.message ? e.message : e);
        }
        self.postMessage({ type: "done", error });
    };
}

// ferropy: Python 3 (MicroPython-compatible) for the browser and node, on a Rust VM compiled to
// wasm32. The API has the shape of MicroPython's webassembly port (`loadMicroPython`).
import initWasm, * as wasm from "./ferropy_wasm.js";

const PYREF = Symbol("ferropy.pyref");
// Handles of live PyProxies (looked up without running any JS proxy's traps).
const proxyHandles = new WeakMap();
// Live PyProxies by handle, so one Python object has one proxy (`===` holds): handle ->
// {ref: WeakRef, gen}. A collected proxy's handle is released only if no newer proxy took it.
const proxies = new Map();
let proxyGen = 0;
const registry = new FinalizationRegistry(({ h, gen }) => {
    const e = proxies.get(h);
    if (e && e.gen !== gen) return;
    proxies.delete(h);
    wasm.py_release(h);
});
let ready = null;
let wasmExports = null;

const isNode = typeof process !== "undefined" && !!(process.versions && process.versions.node);

async function loadWasm(url) {
    const where = url ? new URL(url, import.meta.url) : new URL("./ferropy.wasm", import.meta.url);
    if (isNode && where.protocol === "file:") {
        const fs = await import("node:fs/promises");
        return initWasm({ module_or_path: await fs.readFile(where) });
    }
    return initWasm({ module_or_path: where });
}

function isPyProxy(v) {
    return (typeof v === "function" || (typeof v === "object" && v !== null)) && proxyHandles.has(v);
}

/**
 * The class of proxies of (non-callable) Python objects, as in MicroPython: `x instanceof
 * PyProxy`, `PyProxy.toJs(x)`, and `x._ref` (the handle). Callables are functions instead.
 */
export class PyProxy {
    constructor(ref) {
        this._ref = ref;
    }
    /** Deep-convert a PyProxy (lists/tuples to Arrays, dicts to Objects); other values unchanged. */
    static toJs(v) {
        return isPyProxy(v) ? v.toJs() : v;
    }
    /** True for proxies of Python objects. */
    static isPyProxy(v) {
        return isPyProxy(v);
    }
}

// Engines by id: a Python coroutine called from JS runs at once as its own resumable run of its
// engine (`runCoroutine`), as a JS async function does.
const engines = new Map();

function makeProxy(h, engineId, kind) {
    const old = proxies.get(h);
    const live = old && old.ref.deref();
    if (live) return live;
    let destroyed = false;
    const ref = () => {
        if (destroyed) throw new Error("This borrowed proxy was destroyed");
        return h;
    };
    const callPy = (args) => {
        const r = wasm.py_call(ref(), args);
        const e = engines.get(engineId);
        if (e) e.afterCall();
        if (Array.isArray(r)) {
            // ["coro", proxy]: an async function's coroutine, started as a run of its own.
            return e ? e.runCoroutine(r[1]) : Promise.reject(new Error("ferropy: no such interpreter"));
        }
        return r;
    };
    // Callables are functions (named `obj`, as MicroPython's), other objects PyProxy instances.
    let target;
    if (kind === "function") {
        target = (...args) => callPy(args);
        Object.defineProperty(target, "name", { value: "obj" });
        target._ref = h;
    } else {
        target = new PyProxy(h);
    }
    const own = {
        toJs: () => wasm.py_to_js(ref()),
        destroy: () => {
            if (!destroyed) {
                destroyed = true;
                registry.unregister(token);
                proxyHandles.delete(p);
                if (proxies.get(h)?.gen === gen) proxies.delete(h);
                wasm.py_release(h);
            }
        },
        // Function.prototype's members, so JS can use a callable as any function
        // (PyScript's event handlers run `handler.call(context, event)`).
        call: (_this, ...args) => callPy(args),
        apply: (_this, args) => callPy(args ? Array.from(args) : []),
        bind: (_this, ...pre) => (...args) => callPy([...pre, ...args]),
        toString: () => wasm.py_str(ref(), false),
        [Symbol.toPrimitive]: () => wasm.py_str(ref(), false),
        [Symbol.iterator]: function* () {
            yield* wasm.py_items(ref());
        },
    };
    const handler = {
        get(t, k) {
            if (k === PYREF) return destroyed ? undefined : h;
            if (k === "_ref") return h;
            if (k === "then") return undefined;
            if (k === "type") return wasm.py_type(ref());
            if (k === "length" && (kind === "list" || kind === "dict")) return wasm.py_len(ref());
            if (Object.prototype.hasOwnProperty.call(own, k)) return own[k];
            if (typeof k === "symbol") return undefined;
            return wasm.py_get(ref(), k);
        },
        // A failed store or delete is falsish, so JS raises its TypeError (as MicroPython).
        set(t, k, v) {
            if (typeof k === "symbol") return false;
            return wasm.py_set(ref(), k, v);
        },
        deleteProperty(t, k) {
            if (typeof k === "symbol") return false;
            return wasm.py_delete(ref(), k);
        },
        has(t, k) {
            if (typeof k === "symbol") return k === PYREF || k in own;
            return wasm.py_has(ref(), k);
        },
        // Dict keys, or the object's public attributes (`dir()` without dunder names).
        ownKeys(t) {
            const keys = wasm.py_own_keys(ref());
            for (const k of Reflect.ownKeys(t)) {
                const d = Reflect.getOwnPropertyDescriptor(t, k);
                if (d && !d.configurable && !keys.includes(k)) keys.push(k);
            }
            return keys;
        },
        getOwnPropertyDescriptor(t, k) {
            const d = Reflect.getOwnPropertyDescriptor(t, k);
            if (d && !d.configurable) return d;
            return { value: t[k], enumerable: true, writable: true, configurable: true };
        },
        apply(t, thisArg, args) {
            return callPy(args);
        },
    };
    const token = {};
    const gen = ++proxyGen;
    const p = new Proxy(target, handler);
    registry.register(p, { h, gen }, token);
    proxies.set(h, { ref: new WeakRef(p), gen });
    proxyHandles.set(p, h);
    return p;
}

// --- POSIX path helpers (the Emscripten names PyScript reads) ---------------------------------
function normalizeParts(parts) {
    const out = [];
    for (const p of parts) {
        if (!p || p === ".") continue;
        if (p === "..") out.pop();
        else out.push(p);
    }
    return out;
}
const PATH = {
    normalize(p) {
        const abs = p.startsWith("/");
        const n = normalizeParts(p.split("/")).join("/");
        return (abs ? "/" : "") + n || (abs ? "/" : ".");
    },
    dirname(p) {
        if (!p) return ".";
        const s = p.replace(/\/+$/, "");
        if (!s) return "/";
        const i = s.lastIndexOf("/");
        if (i < 0) return ".";
        if (i === 0) return "/";
        return s.slice(0, i).replace(/\/+$/, "") || "/";
    },
    basename(p) {
        const s = p.replace(/\/+$/, "");
        return s.slice(s.lastIndexOf("/") + 1);
    },
    join(...parts) {
        return PATH.normalize(parts.join("/"));
    },
};
const PATH_FS = {
    resolve(...paths) {
        let joined = "";
        for (let i = paths.length - 1; i >= 0; i--) {
            const p = paths[i];
            if (typeof p !== "string" || !p) continue;
            joined = p + "/" + joined;
            if (p.startsWith("/")) break;
        }
        if (!joined.startsWith("/")) joined = "/" + joined;
        return "/" + normalizeParts(joined.split("/")).join("/");
    },
};

function decodeOut(bytes) {
    return new TextDecoder().decode(bytes);
}

function defaultWriter(stream, linebuffer) {
    if (linebuffer) return (line) => (stream === 1 ? console.log(line) : console.error(line));
    if (isNode) return (bytes) => (stream === 1 ? process.stdout : process.stderr).write(bytes);
    let pending = "";
    return (bytes) => {
        pending += decodeOut(bytes);
        const i = pending.lastIndexOf("\n");
        if (i >= 0) {
            for (const l of pending.slice(0, i).split("\n")) (stream === 1 ? console.log : console.error)(l);
            pending = pending.slice(i + 1);
        }
    };
}

const macrotask = (() => {
    if (typeof setImmediate === "function") return () => new Promise((r) => setImmediate(r));
    if (typeof MessageChannel !== "undefined") {
        const ch = new MessageChannel();
        const queue = [];
        ch.port1.onmessage = () => queue.shift()();
        if (ch.port1.unref) ch.port1.unref();
        return () => new Promise((r) => {
            queue.push(r);
            ch.port2.postMessage(0);
        });
    }
    return () => new Promise((r) => setTimeout(r, 0));
})();

/** Pin names of the simulated board (everything else is a GPIO number). */
const BOARD_PIN_NAMES = { LED: 25 };

/**
 * The simulated board's JS API (`mp.board`, with `loadMicroPython({board: true})`): a Pico-like
 * board running in real time next to Python. Pin changes and OLED/NeoPixel updates are events;
 * buttons, potentiometers (ADC inputs) and the I2C sensor are driven from JS.
 */
function makeBoard(engine, reportError) {
    const events = { change: new Set(), output: new Set() };
    const pinEvents = new Map();
    const oledEvents = new Set();
    const call = (cb, ...a) => {
        try {
            cb(...a);
        } catch (e) {
            reportError(e);
        }
    };
    engine.enableBoard((kind, pin, level) => {
        if (kind === "pin") {
            const ev = { pin, value: level ? 1 : 0, time: engine.boardNow() / 1000 };
            for (const cb of events.change) call(cb, ev);
            for (const cb of pinEvents.get(pin) || []) call(cb, ev);
        } else {
            for (const cb of events.output) call(cb);
            if (oledEvents.size) {
                const px = engine.boardOled();
                for (const cb of oledEvents) call(cb, px);
            }
        }
    });
    const sync = () => {
        try {
            engine.boardSync();
        } catch (e) {
            reportError(e);
        }
    };
    // Keep the board's clock with the real one (and run IRQ handlers) while Python is idle.
    const timer = setInterval(sync, 20);
    if (timer && timer.unref) timer.unref();
    const pinNo = (p) => (typeof p === "string" && p in BOARD_PIN_NAMES ? BOARD_PIN_NAMES[p] : Number(p));
    const listen = (set, ev, cb, what) => {
        if (ev !== "change") throw new Error(`${what}: unknown event ${JSON.stringify(ev)} (use "change")`);
        set.add(cb);
    };
    const board = {
        /** A GPIO pin: `.value`, `.on("change", cb)`, `.press()`, `.release()`, `.set(level)`. */
        pin(p) {
            const n = pinNo(p);
            return {
                pin: n,
                get value() {
                    return engine.boardPinValue(n) ? 1 : 0;
                },
                get pwm() {
                    return engine.boardPwm(n);
                },
                on(ev, cb) {
                    if (!pinEvents.has(n)) pinEvents.set(n, new Set());
                    listen(pinEvents.get(n), ev, cb, "pin");
                    return this;
                },
                off(ev, cb) {
                    pinEvents.get(n)?.delete(cb);
                    return this;
                },
                /** Press a push button on the pin (to 0 with a pull-up, 1 with a pull-down). */
                press() {
                    engine.boardPress(n);
                },
                /** Release the button (the pin goes back to its pull). */
                release() {
                    engine.boardSetInput(n, null);
                },
                /** Drive the pin from outside (0/1), or let it go (null). */
                set(level) {
                    engine.boardSetInput(n, level === null || level === undefined ? null : !!level);
                },
            };
        },
        /** An ADC input (GP26..GP29, or channel 0..4): `.set(fraction)`, `.value`. */
        adc(p) {
            const n = pinNo(p);
            return {
                set(fraction) {
                    engine.boardSetAdc(n, Number(fraction));
                },
                get value() {
                    return engine.boardAdc(n);
                },
            };
        },
        /** The AHT20-style I2C sensor (address 0x38): `.set({temperature, humidity})`, `.get()`. */
        sensor: {
            set(values = {}) {
                const cur = engine.boardSensor();
                engine.boardSetSensor(
                    values.temperature ?? cur.temperature,
                    values.humidity ?? cur.humidity,
                );
            },
            get() {
                return engine.boardSensor();
            },
        },
        /** The 128x64 SSD1306 OLED (I2C 0x3C): `.pixels` (1024 bytes, page layout), `.pixel(x, y)`. */
        oled: {
            width: 128,
            height: 64,
            get pixels() {
                return engine.boardOled();
            },
            pixel(x, y) {
                if (x < 0 || y < 0 || x >= 128 || y >= 64) return 0;
                return (engine.boardOled()[(y >> 3) * 128 + x] >> (y & 7)) & 1;
            },
            get displayOn() {
                return engine.boardOledState().on;
            },
            get inverted() {
                return engine.boardOledState().inverted;
            },
            on(ev, cb) {
                listen(oledEvents, ev, cb, "oled");
                return this;
            },
            off(ev, cb) {
                oledEvents.delete(cb);
                return this;
            },
        },
        /** The colours of the NeoPixel strip on a pin: `[[r, g, b], ...]`. */
        neopixels(p) {
            return engine.boardNeopixels(pinNo(p));
        },
        /** Board-wide events: "change" (any pin: `{pin, value, time}`), "output" (OLED/NeoPixels). */
        on(ev, cb) {
            if (!(ev in events)) throw new Error(`board: unknown event ${JSON.stringify(ev)}`);
            events[ev].add(cb);
            return board;
        },
        off(ev, cb) {
            events[ev]?.delete(cb);
            return board;
        },
        /** The board's clock in milliseconds. */
        get time() {
            return engine.boardNow() / 1000;
        },
        /** Bring the board's clock up to date and run due IRQ handlers now. */
        sync,
        /** Stop the clock-keeping timer. */
        close() {
            clearInterval(timer);
        },
    };
    return board;
}

/**
 * Load the interpreter. Options: `stdout`, `stderr` (functions; strings per line when
 * `linebuffer` is true (default), else Uint8Array chunks), `stdin` (function returning a line or
 * a promise of one), `heapsize` (bytes), `linebuffer`, `url` (of the .wasm file), `board` (true:
 * install the simulated board's `machine`, `neopixel` and `ssd1306` modules in real time and
 * expose it as `mp.board`).
 */
export async function loadMicroPython(options = {}) {
    const { heapsize = 256 * 1024 * 1024, linebuffer = true, url } = options;
    const stdout = options.stdout ?? defaultWriter(1, linebuffer);
    const stderr = options.stderr ?? defaultWriter(2, linebuffer);
    const stdin = options.stdin;
    if (!ready)
        ready = loadWasm(url).then((exports) => {
            wasmExports = exports;
            wasm.set_hooks(makeProxy, (v) => proxyHandles.get(v));
        });
    await ready;
    // While the REPL works (handles a byte, runs typed code), Python's stderr goes to stdout, as
    // in MicroPython, whose REPL prints tracebacks on stdout (PyScript's terminal shows only
    // stdout).
    let replOut = false;
    const engine = new wasm.Engine(heapsize, stdout, (x) => (replOut ? stdout : stderr)(x), stdin, linebuffer);
    const asRepl = (f) => {
        const was = replOut;
        replOut = true;
        try {
            return f();
        } finally {
            replOut = was;
        }
    };
    // The REPL's queue (see `enqueue`).
    let queue = Promise.resolve();
    const reportError = (e) => {
        const text = String(e && e.message !== undefined ? e.message : e).replace(/\n?$/, "\n");
        if (linebuffer) stderr(text.replace(/\n$/, ""));
        else stderr(new TextEncoder().encode(text));
    };
    const board = options.board ? makeBoard(engine, reportError) : null;
    // asyncio tasks created outside a running loop (by runPython, or by Python called from JS
    // callbacks) run in a loop of their own, started from the event loop once no other run is
    // going (MicroPython's webassembly asyncio does the same).
    let activeRuns = 0;
    let draining = false;
    let drainQueued = false;
    // The asyncio loop's waits (`wait(ms)`): cut short whenever JS calls into Python or a run
    // steps, since either may have woken a task.
    const pokes = new Set();
    const poke = () => {
        if (!pokes.size) return;
        const all = [...pokes];
        pokes.clear();
        for (const p of all) p();
    };
    engine.setLoopWaiter(
        (ms) =>
            new Promise((resolve) => {
                const done = () => {
                    clearTimeout(timer);
                    pokes.delete(done);
                    resolve();
                };
                const timer = setTimeout(done, ms);
                pokes.add(done);
            }),
    );
    const scheduleDrain = () => {
        poke();
        if (drainQueued || draining) return;
        drainQueued = true;
        queueMicrotask(() => {
            drainQueued = false;
            if (draining || activeRuns > 0 || !engine.asyncioPending()) return;
            draining = true;
            (async () => {
                try {
                    await drive(engine.startAsyncio());
                } catch (e) {
                    reportError(e);
                } finally {
                    draining = false;
                    scheduleDrain();
                }
            })();
        });
    };
    // Drive a run counted as active (the asyncio drain waits for them).
    const driveActive = async (start) => {
        activeRuns++;
        try {
            return await drive(start());
        } finally {
            activeRuns--;
            scheduleDrain();
        }
    };
    engines.set(engine.id, {
        afterCall: scheduleDrain,
        // An async function called from JS: its coroutine starts at once (or, when Python is
        // running, from the event loop) as a run of its own; a promise of its result.
        runCoroutine(coro) {
            let step;
            try {
                step = engine.startCoroutine(coro);
            } catch (e) {
                if (e && e.name === "PythonError") return Promise.reject(e);
                return Promise.resolve().then(() => driveActive(() => engine.startCoroutine(coro)));
            }
            return driveActive(() => step);
        },
    });
    // Between slices of a run: keep the board's clock and get IRQ handlers scheduled.
    const boardSync = board ? board.sync : () => {};

    async function readLine() {
        let r;
        if (stdin) r = await stdin();
        else if (typeof prompt === "function") r = prompt();
        else r = null;
        if (r === null || r === undefined) return null;
        return String(r).replace(/\n$/, "");
    }

    /**
     * What lets a REPL run be interrupted while it waits: `fire()` (Ctrl-C) ends the current wait
     * and the run continues with KeyboardInterrupt.
     */
    function interruptControl() {
        const ctl = { interrupted: false };
        ctl.arm = () => {
            ctl.wake = new Promise((r) => {
                ctl.fire = () => {
                    ctl.interrupted = true;
                    r();
                };
            });
        };
        ctl.arm();
        return ctl;
    }

    // Drive a suspended run (`startAsync`'s, or the REPL's with `ctl`) until it is done;
    // `sliceStart` is when the current time slice began (the run has held the thread since).
    async function drive(step, ctl = null, sliceStart = Date.now()) {
        // A wait that Ctrl-C can cut short (REPL runs).
        const wait = (p) => (ctl ? Promise.race([p, ctl.wake]) : p);
        for (;;) {
            const [kind, value, run] = step;
            if (pokes.size && kind !== "await") poke();
            if (kind === "done" || kind === "exit") {
                boardSync();
                return value;
            }
            let next;
            try {
                if (kind === "sleep") {
                    let timer;
                    await wait(new Promise((r) => (timer = setTimeout(r, value))));
                    clearTimeout(timer);
                    boardSync();
                    sliceStart = Date.now();
                    next = () => engine.resume(run, undefined);
                } else if (kind === "input") {
                    const line = await wait(readLine());
                    sliceStart = Date.now();
                    if (line !== null && line !== undefined) next = () => engine.resume(run, line);
                    else if (ctl) next = () => engine.resumeEof(run);
                    else next = () => engine.resumeThrow(run, new Error("EOF"));
                } else if (kind === "await") {
                    let v;
                    try {
                        v = await wait(value);
                        next = () => engine.resume(run, v);
                    } catch (e) {
                        next = () => engine.resumeThrow(run, e);
                    }
                    sliceStart = Date.now();
                } else {
                    // A time slice ended: let the event loop run every ~10 ms.
                    if (Date.now() - sliceStart > 10) {
                        await macrotask();
                        boardSync();
                        sliceStart = Date.now();
                    }
                    next = () => engine.resume(run, undefined);
                }
            } catch (e) {
                next = () => engine.resumeThrow(run, e);
            }
            if (ctl && ctl.interrupted) {
                // Ctrl-C: KeyboardInterrupt where the code waits (it may catch it and go on).
                ctl.interrupted = false;
                ctl.arm();
                next = () => engine.resumeInterrupt(run);
            }
            step = ctl ? asRepl(next) : next();
        }
    }

    // The REPL run in progress (replProcessCharWithAsyncify's, or replProcessChar's in the
    // background): its interrupt control.
    let replRun = null;
    // replProcessCharWithAsyncify's calls queued or in progress (each job counts itself down in
    // its last synchronous step, so the count is never stale).
    let replAsyncRuns = 0;
    // replProcessChar's background job (the code a byte started, then the bytes typed
    // meanwhile) is queued or running; `replBytes` are those bytes.
    let replPumping = false;
    const replBytes = [];
    // A soft reset happened in the background: the next replProcessChar call returns 0x100.
    let replResetPending = false;
    // Resolvers of replIdle() promises.
    let replIdleWaiters = [];
    const takeReset = (r = 0) => {
        if (replResetPending) {
            replResetPending = false;
            return 0x100;
        }
        return r;
    };
    const replIsIdle = () => !replPumping && replAsyncRuns === 0;
    const wakeIdle = () => {
        if (!replIsIdle()) return;
        const w = replIdleWaiters;
        replIdleWaiters = [];
        for (const r of w) r();
    };

    // Put a job on the REPL's queue (its bytes are handled one at a time, in order; other runs
    // go on meanwhile).
    function enqueue(job) {
        const run = queue.then(job);
        queue = run.catch(() => {});
        return run;
    }

    // Run replProcessChar's suspended code in the background (`step`, started at `sliceStart`,
    // or none), then the bytes typed meanwhile, each the same way; Ctrl-C interrupts.
    function replPump(step, sliceStart) {
        replPumping = true;
        enqueue(async () => {
            try {
                for (;;) {
                    if (step === null) {
                        if (!replBytes.length) break;
                        sliceStart = Date.now();
                        try {
                            const b = replBytes.shift();
                            step = asRepl(() => engine.replProcessCharAsync(b));
                        } catch (e) {
                            reportError(e);
                            continue;
                        }
                    }
                    const ctl = interruptControl();
                    replRun = ctl;
                    try {
                        if ((await drive(step, ctl, sliceStart)) === 0x100) replResetPending = true;
                    } catch (e) {
                        reportError(e);
                    } finally {
                        replRun = null;
                        step = null;
                    }
                }
            } finally {
                replPumping = false;
                wakeIdle();
            }
        });
    }

    const globals = {
        get: (name) => engine.globalsGet(name),
        set: (name, value) => engine.globalsSet(name, value),
        delete: (name) => engine.globalsDelete(name),
    };

    const FS = {
        writeFile(path, data, _opts) {
            engine.fsWriteFile(path, data);
        },
        readFile(path, opts = {}) {
            const d = engine.fsReadFile(path);
            return opts.encoding === "utf8" ? new TextDecoder().decode(d) : d;
        },
        mkdir(path) {
            engine.fsMkdir(path);
        },
        mkdirTree(path) {
            engine.fsMkdirTree(path);
        },
        readdir(path) {
            return engine.fsReaddir(path);
        },
        unlink(path) {
            engine.fsUnlink(path);
        },
        rmdir(path) {
            engine.fsRmdir(path);
        },
        rename(from, to) {
            engine.fsRename(from, to);
        },
        stat(path) {
            return engine.fsStat(path);
        },
        isDir(mode) {
            return (mode & 0o170000) === 0o040000;
        },
        isFile(mode) {
            return (mode & 0o170000) === 0o100000;
        },
        analyzePath(path) {
            try {
                engine.fsStat(path);
                return { exists: true, path: PATH_FS.resolve(path), name: PATH.basename(path) };
            } catch (e) {
                return { exists: false, error: e, path: PATH_FS.resolve(path), name: PATH.basename(path) };
            }
        },
        cwd: () => "/",
    };

    return {
        /** Run code synchronously in `__main__`; returns the final expression's value. */
        runPython(code) {
            try {
                return engine.runPython(code);
            } finally {
                scheduleDrain();
            }
        },
        /** Run a program (the command line's): the exit status (0, or 1 after a traceback). */
        async _runProgram(code, filename) {
            await null;
            return (await driveActive(() => engine.startAsync(code, filename, true))) || 0;
        },
        /**
         * Run code with top-level `await`; sleeps, input() and awaited promises don't block. It
         * starts from the event loop (a microtask); several runs (and the REPL's code) may be
         * suspended at once, interleaving at their awaits, as separate async computations.
         */
        async runPythonAsync(code) {
            await null;
            return driveActive(() => engine.startAsync(code));
        },
        registerJsModule(name, module) {
            engine.registerJsModule(name, module);
        },
        pyimport(name) {
            return engine.pyimport(name);
        },
        globals,
        replInit() {
            asRepl(() => engine.replInit());
        },
        /**
         * Feed the REPL one byte (MicroPython's synchronous API); returns 0, or 0x100 after a
         * soft reset. Typed code that finishes within ~10 ms is done on return; code that
         * sleeps, waits for `input()` or a promise, or runs longer goes on in the background
         * as with replProcessCharWithAsyncify (its output arrives later through `stdout`), and
         * the call returns 0 at once. Bytes given meanwhile are queued and handled in order
         * after it, except Ctrl-C (3), which interrupts the running code. A soft reset that
         * happens in the background is returned (0x100) by the next call; `replIdle()` tells
         * when everything typed so far has been handled.
         */
        replProcessChar(c) {
            const b = (typeof c === "string" ? c.charCodeAt(0) : c) & 0xff;
            if (!replIsIdle()) {
                if (b === 3 && replRun && engine.replIsSuspended()) replRun.fire();
                else {
                    replBytes.push(b);
                    if (!replPumping) replPump(null, 0);
                }
                return takeReset();
            }
            const sliceStart = Date.now();
            const step = asRepl(() => {
                let st = engine.replProcessCharAsync(b);
                while (st[0] === "yield" && Date.now() - sliceStart < 10) st = engine.resume(st[2], undefined);
                return st;
            });
            if (step[0] === "done") return takeReset(step[1]);
            replPump(step, sliceStart);
            return takeReset();
        },
        /**
         * A promise that resolves when the REPL has handled every byte given so far (the code
         * they started has finished).
         */
        replIdle() {
            if (replIsIdle()) return Promise.resolve();
            return new Promise((r) => replIdleWaiters.push(r));
        },
        /**
         * Feed the REPL one byte; code it runs suspends on sleeps, `input()` (read with the
         * `stdin` option) and awaited promises, so the event loop keeps running. Resolves when
         * the byte is handled and the code it started (if any) has finished (0x100 after a soft
         * reset, else 0). Bytes given while an earlier call is still running wait their turn,
         * except Ctrl-C (3), which interrupts the running code (KeyboardInterrupt).
         */
        replProcessCharWithAsyncify(c) {
            const b = (typeof c === "string" ? c.charCodeAt(0) : c) & 0xff;
            if (b === 3 && replRun && engine.replIsSuspended()) {
                replRun.fire();
                return Promise.resolve(0);
            }
            replAsyncRuns++;
            return enqueue(async () => {
                const ctl = interruptControl();
                replRun = ctl;
                try {
                    return await drive(
                        asRepl(() => engine.replProcessCharAsync(b)),
                        ctl,
                    );
                } finally {
                    replRun = null;
                    replAsyncRuns--;
                    wakeIdle();
                }
            });
        },
        /**
         * Watch `buf[0]` (an Int32Array, normally over a SharedArrayBuffer): another thread sets
         * it non-zero to raise KeyboardInterrupt, even in synchronous runs and the REPL.
         */
        setInterruptBuffer(buf) {
            engine.setInterruptBuffer(buf);
        },
        /**
         * Raise KeyboardInterrupt in running Python code at its next check (at once in REPL code
         * of replProcessCharWithAsyncify that sleeps or waits).
         */
        interrupt() {
            if (replRun) replRun.fire();
            else engine.interrupt();
        },
        FS,
        _module: { PATH, PATH_FS, FS },
        async mountNativeFS(_path, _handle) {
            throw new Error("mountNativeFS is not supported by ferropy");
        },
        PyProxy,
        /** The simulated board (with `loadMicroPython({board: true})`), else null. */
        board,
        /** Python objects currently referenced from JS (for leak checks). */
        _liveHandles: () => wasm.live_handles(),
        /** Size of the wasm linear memory in bytes (shared by all interpreters; for leak checks). */
        _memoryBytes: () => wasmExports.memory.buffer.byteLength,
    };
}

export default loadMicroPython;

// As MicroPython's micropython.mjs: pages that load the module with a plain <script> tag find
// the loader on the global object.
globalThis.loadMicroPython = loadMicroPython;

/**
 * `node ferropy.mjs [-X heapsize=N[k|m]] [file.py [args...]]`: run a program as MicroPython's
 * `node micropython.mjs` does (its output on stdout, its uncaught exception's traceback on
 * stderr and exit status 1, `sys.exit(n)` status n); without a file, the program is read from a
 * non-terminal stdin, else the REPL runs on the terminal.
 */
async function runCLI(argv) {
    const fs = await import("node:fs");
    let heapsize;
    let script = null;
    const args = [];
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (script === null && a === "-X" && i + 1 < argv.length) {
            const m = /^heapsize=(\d+)([kKmM]?)$/.exec(argv[++i]);
            if (m) heapsize = Number(m[1]) * ({ k: 1024, m: 1024 * 1024 }[m[2].toLowerCase()] || 1);
        } else if (script === null) {
            script = a;
        } else {
            args.push(a);
        }
    }
    const write = (stream) => (bytes) => stream.write(bytes);
    // input() reads lines of stdin (opened on first use, so an unused terminal does not keep
    // node running).
    let lines = null;
    const readLine = async () => {
        if (!lines) {
            const { createInterface } = await import("node:readline");
            lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
        }
        const r = await lines.next();
        return r.done ? null : r.value;
    };
    const mp = await loadMicroPython({
        heapsize,
        stdout: write(process.stdout),
        stderr: write(process.stderr),
        stdin: readLine,
        linebuffer: false,
    });
    const sysArgv = mp.pyimport("sys").argv;
    for (const a of [script ?? "", ...args]) sysArgv.append(a);
    let code = null;
    if (script !== null) {
        try {
            code = fs.readFileSync(script, "utf8");
        } catch (e) {
            process.stderr.write(`ferropy: can't open file '${script}': ${e.code || e.message}\n`);
            process.exitCode = 2;
            return;
        }
    } else if (!process.stdin.isTTY) {
        code = fs.readFileSync(0, "utf8");
    }
    if (code === null) {
        mp.replInit();
        process.stdin.setRawMode(true);
        process.stdin.on("data", async (data) => {
            for (const b of data) {
                if ((await mp.replProcessCharWithAsyncify(b)) !== 0 && b === 4) process.exit();
            }
        });
        return;
    }
    const status = await mp._runProgram(code, script ?? "<stdin>");
    if (lines) lines.return();
    if (status) process.exitCode = status;
}

if (isNode && process.argv.length > 1) {
    const { fileURLToPath } = await import("node:url");
    const { resolve } = await import("node:path");
    const { realpathSync } = await import("node:fs");
    let self = fileURLToPath(import.meta.url);
    let main = resolve(process.argv[1]);
    try {
        self = realpathSync(self);
        main = realpathSync(main);
    } catch {
        // Compare the paths as given.
    }
    if (self === main || self === main + ".mjs") await runCLI(process.argv.slice(2));
}

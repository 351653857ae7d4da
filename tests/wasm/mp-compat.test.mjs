// What makes the npm package a drop-in for MicroPython's micropython.mjs (the behaviour its
// webassembly port shows to JS and to `node micropython.mjs prog.py`), checked on our own
// programs. Run: node --test tests/wasm/
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadMicroPython, PyProxy } from "../../npm/ferropy.mjs";

const MJS = fileURLToPath(new URL("../../npm/ferropy.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "ferropy-cli-"));
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Run `node ferropy.mjs ...args` on a program; returns {status, stdout, stderr}. */
function cli(program, args = [], input) {
    const file = join(dir, `p${Math.random().toString(36).slice(2)}.py`);
    writeFileSync(file, program);
    const r = spawnSync("node", [MJS, ...args, file, "one", "two"], { encoding: "utf8", input, timeout: 60000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, file };
}

async function load() {
    const out = [];
    const mp = await loadMicroPython({ stdout: (l) => out.push(l), stderr: (l) => out.push(l) });
    return { mp, out };
}

test("node ferropy.mjs prog.py: output, argv, tracebacks and exit status", () => {
    let r = cli("import sys\nprint('hi', sys.platform, sys.argv[1:])\n");
    assert.equal(r.status, 0);
    assert.equal(r.stdout, "hi webassembly ['one', 'two']\n");
    r = cli("print('before')\ndef f():\n    1/0\nf()\n");
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "before\n");
    assert.equal(
        r.stderr,
        `Traceback (most recent call last):\n  File "${r.file}", line 4, in <module>\n  File "${r.file}", line 3, in f\nZeroDivisionError: division by zero\n`,
    );
    r = cli("import sys\nsys.exit(3)\n");
    assert.equal(r.status, 3);
    r = cli("import time\ntime.sleep(0.01)\nprint(input('? '))\n", [], "typed\n");
    assert.equal(r.stdout, "? typed\n");
    // The heap limit of -X heapsize is the VM's.
    r = cli("try:\n    b = bytearray(8 << 20)\nexcept MemoryError:\n    print('MemoryError')\n", ["-X", "heapsize=1m"]);
    assert.equal(r.stdout, "MemoryError\n");
});

test("node ferropy.mjs: asyncio tasks created at the end run before exit", () => {
    const r = cli("import asyncio\nasync def t():\n    await asyncio.sleep(0.02)\n    print('task done')\nasyncio.create_task(t())\nprint('main done')\n");
    assert.equal(r.stdout, "main done\ntask done\n");
});

test("runPython removes the common indentation of the code", async () => {
    const { mp, out } = await load();
    mp.runPython(`
        x = 2
        if x:
            print("indented", x)
    `);
    assert.deepEqual(out, ["indented 2"]);
});

test("PyProxies: PyProxy instances with _ref, one per object, dict keys, falsish set/delete", async () => {
    const { mp } = await load();
    mp.runPython("class A:\n    pass\na = A()\nl = [1]\nd = {'k': 1, 'm': 2}\nf = lambda: 0");
    const l = mp.globals.get("l");
    assert.ok(l instanceof PyProxy);
    assert.equal(typeof l._ref, "number");
    assert.equal(mp.globals.get("l"), l);
    assert.equal(typeof mp.globals.get("f"), "function");
    const d = mp.globals.get("d");
    assert.deepEqual(Object.keys(d), ["k", "m"]);
    assert.equal("k" in d, true);
    assert.equal("keys" in d, false);
    assert.equal(d.zz, undefined);
    assert.ok(Reflect.ownKeys(l).includes("append"));
    assert.ok(!Reflect.ownKeys(l).some((k) => typeof k === "string" && k.startsWith("__")));
    const a = mp.globals.get("a");
    a.v = 5;
    assert.equal(mp.runPython("a.v"), 5);
    assert.throws(() => {
        l.nope = 1;
    }, TypeError);
    delete a.v;
    assert.equal(mp.runPython("hasattr(a, 'v')"), false);
});

test("JsProxies: numbered reprs, js.undefined, this, Obj.new", async () => {
    const { mp } = await load();
    globalThis.compatObj = { u: undefined, n: 1 };
    globalThis.compatThis = function () {
        return this === undefined;
    };
    globalThis.CompatK = class {
        new() {
            return "own new";
        }
    };
    assert.equal(mp.runPython("import js\nrepr(js)"), "<module 'js'>");
    assert.match(mp.runPython("repr(js.compatObj)"), /^<JsProxy \d+>$/);
    assert.equal(mp.runPython("repr(js.compatObj.u)"), "<undefined>");
    globalThis.seenArg = null;
    globalThis.compatTake = (o = "default") => {
        globalThis.seenArg = o;
    };
    mp.runPython("js.compatTake(js.undefined)");
    assert.equal(globalThis.seenArg, "default");
    assert.equal(mp.runPython("js.compatThis()"), true);
    assert.equal(mp.runPython("js.CompatK.new().new()"), "own new");
    for (const k of ["compatObj", "compatThis", "CompatK", "seenArg", "compatTake"]) delete globalThis[k];
});

test("JsException: args are (error, name, message); back in JS it is the error", async () => {
    const { mp } = await load();
    globalThis.compatFail = () => {
        throw new RangeError("too far");
    };
    mp.runPython("import js, jsffi\ntry:\n    js.compatFail()\nexcept jsffi.JsException as e:\n    err = e\n    parts = e.args[1:]");
    assert.deepEqual(mp.globals.get("parts").toJs(), ["RangeError", "too far"]);
    const e = mp.globals.get("err");
    assert.ok(e instanceof RangeError);
    delete globalThis.compatFail;
});

test("async functions called from JS start at once and give promises", async () => {
    const { mp, out } = await load();
    globalThis.compatWait = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
    mp.runPython("import js\nasync def f(tag, ms):\n    print(tag, 'start')\n    v = await js.compatWait(ms, tag)\n    print(tag, 'end')\n    return v * 2");
    const f = mp.globals.get("f");
    const p1 = f("a", 200);
    const p2 = f("b", 10);
    assert.deepEqual(out, ["a start", "b start"]);
    assert.deepEqual(await Promise.all([p1, p2]), ["aa", "bb"]);
    assert.deepEqual(out, ["a start", "b start", "b end", "a end"]);
    delete globalThis.compatWait;
});

test("runPythonAsync runs are concurrent and interleave at awaits", async () => {
    const { mp, out } = await load();
    globalThis.compatWait = (ms) => new Promise((r) => setTimeout(r, ms));
    const a = mp.runPythonAsync("import js\nprint('a1')\nawait js.compatWait(200)\nprint('a2')\n'A'");
    const b = mp.runPythonAsync("import js\nprint('b1')\nawait js.compatWait(10)\nprint('b2')\n'B'");
    assert.deepEqual(await Promise.all([a, b]), ["A", "B"]);
    assert.deepEqual(out, ["a1", "b1", "b2", "a2"]);
    delete globalThis.compatWait;
});

test("asyncio: tasks created by runPython run on their own; top-level awaits of asyncio objects", async () => {
    const { mp, out } = await load();
    mp.runPython("import asyncio\nasync def t():\n    print('task')\n    await asyncio.sleep(0.01)\n    print('task end')\ntk = asyncio.create_task(t())\nprint('sync end')");
    assert.deepEqual(out, ["sync end"]);
    for (let i = 0; i < 200 && out.length < 3; i++) await delay(10);
    assert.deepEqual(out, ["sync end", "task", "task end"]);
    assert.equal(mp.runPython("tk.done()"), true);
    out.length = 0;
    await mp.runPythonAsync(`
import asyncio, js
ev = asyncio.Event()
js.setTimeout(lambda: ev.set(), 20)
await ev.wait()
print("event set")
`);
    assert.deepEqual(out, ["event set"]);
});

test("modules written to /lib are importable", async () => {
    const { mp } = await load();
    mp.FS.mkdir("/lib");
    mp.FS.writeFile("/lib/compatmod.py", "VALUE = 11\n");
    assert.equal(mp.runPython("import compatmod\ncompatmod.VALUE"), 11);
    assert.equal(mp.pyimport("compatmod").VALUE, 11);
});

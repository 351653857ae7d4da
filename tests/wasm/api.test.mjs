// Node tests of the packaged API (npm/ferropy.mjs). Run: node --test tests/wasm/
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadMicroPython, PyProxy } from "../../npm/ferropy.mjs";

async function load(extra = {}) {
    const out = [];
    const err = [];
    const mp = await loadMicroPython({ stdout: (l) => out.push(l), stderr: (l) => err.push(l), ...extra });
    return { mp, out, err };
}

test("loadMicroPython returns a non-thenable interpreter", async () => {
    const { mp } = await load();
    assert.equal(mp.then, undefined);
    for (const k of ["runPython", "runPythonAsync", "registerJsModule", "pyimport", "replInit", "replProcessChar", "replProcessCharWithAsyncify", "interrupt", "mountNativeFS"]) {
        assert.equal(typeof mp[k], "function", k);
    }
});

test("runPython returns the last expression and prints lines", async () => {
    const { mp, out } = await load();
    assert.equal(mp.runPython("3*7"), 21);
    assert.equal(mp.runPython("x = 5"), null);
    assert.equal(mp.runPython("x + 1"), 6);
    mp.runPython("print('hello', 'world')\nprint('a\\nb')");
    assert.deepEqual(out, ["hello world", "a", "b"]);
    assert.equal(mp.runPython("'é' * 2 + '😀'"), "éé😀");
});

test("int conversions are exact both ways", async () => {
    const { mp } = await load();
    assert.equal(mp.runPython("2**40"), 2 ** 40);
    assert.equal(mp.runPython("2**53 - 1"), 2 ** 53 - 1);
    assert.equal(mp.runPython("2**53"), 2n ** 53n);
    assert.equal(mp.runPython("-(2**63)"), -(2n ** 63n));
    assert.equal(mp.runPython("2**100"), 2n ** 100n);
    mp.globals.set("big", 2n ** 70n + 1n);
    assert.equal(mp.runPython("big == 2**70 + 1"), true);
    mp.globals.set("n", 2 ** 40 + 3);
    assert.equal(mp.runPython("n == 2**40 + 3 and type(n) is int"), true);
    mp.globals.set("b64", 123n);
    assert.equal(mp.runPython("b64 == 123"), true);
});

test("scalar, bytes and container conversions", async () => {
    const { mp } = await load();
    assert.equal(mp.runPython("1.5"), 1.5);
    assert.equal(mp.runPython("True"), true);
    assert.equal(mp.runPython("None"), null);
    assert.deepEqual(mp.runPython("b'\\x00\\xff'"), new Uint8Array([0, 255]));
    mp.globals.set("u8", new Uint8Array([1, 2, 3]));
    assert.equal(mp.runPython("u8 == b'\\x01\\x02\\x03'"), true);
    mp.globals.set("nul", null);
    mp.globals.set("und", undefined);
    assert.equal(mp.runPython("nul is None and und is None"), true);
    const lst = mp.runPython("[1, 'a', (2, 3), {'k': [4]}]");
    assert.equal(lst.type, "list");
    assert.deepEqual(lst.toJs(), [1, "a", [2, 3], { k: [4] }]);
    assert.deepEqual(PyProxy.toJs(mp.runPython("{'a': (1, 2)}")), { a: [1, 2] });
    assert.equal(PyProxy.toJs(5), 5);
    assert.deepEqual([...mp.runPython("[1, 2, 3]")], [1, 2, 3]);
    assert.equal(mp.runPython("[1, 2, 3]")[1], 2);
    assert.equal(mp.runPython("[1, 2, 3]").length, 3);
    assert.equal(mp.runPython("{'x': 9}").x, 9);
});

test("Python errors become PythonError with the traceback", async () => {
    const { mp } = await load();
    assert.throws(() => mp.runPython("1/0"), (e) => {
        assert.equal(e.name, "PythonError");
        assert.equal(e.type, "ZeroDivisionError");
        assert.match(e.message, /Traceback \(most recent call last\):/);
        assert.match(e.message, /ZeroDivisionError: division by zero/);
        return true;
    });
    assert.throws(() => mp.runPython("def f(:"), (e) => e.type === "SyntaxError");
    await assert.rejects(mp.runPythonAsync("raise ValueError('bad')"), (e) => e.type === "ValueError" && /bad/.test(e.message));
    assert.equal(mp.runPython("1+1"), 2);
});

test("globals get/set/delete and callable functions", async () => {
    const { mp } = await load();
    mp.runPython("def add(a, b=10):\n    return a + b\nclass C:\n    v = 3\n    def m(self):\n        return self.v * 2\nc = C()");
    const add = mp.globals.get("add");
    assert.equal(add(1, 2), 3);
    assert.equal(add(1), 11);
    const c = mp.globals.get("c");
    assert.equal(c.v, 3);
    assert.equal(c.m(), 6);
    c.v = 10;
    assert.equal(mp.runPython("c.v"), 10);
    mp.globals.set("fromjs", "hi");
    assert.equal(mp.runPython("fromjs + '!'"), "hi!");
    mp.globals.delete("fromjs");
    assert.equal(mp.globals.get("fromjs"), undefined);
    assert.throws(() => add("a", 1), (e) => e.type === "TypeError");
});

test("pyimport returns a module", async () => {
    const { mp } = await load();
    const math = mp.pyimport("math");
    assert.equal(math.sqrt(16), 4);
    assert.ok(Math.abs(math.pi - Math.PI) < 1e-12);
    mp.FS.writeFile("/mymod.py", "def hello(n):\n    return 'hi ' * n\n");
    assert.equal(mp.pyimport("mymod").hello(2), "hi hi ");
});

test("registerJsModule: dotted/dashed names, live attributes, replacement", async () => {
    const { mp } = await load();
    const live = { count: 1 };
    mp.registerJsModule("jsmod", live);
    assert.equal(mp.runPython("import jsmod\njsmod.count"), 1);
    live.count = 2;
    assert.equal(mp.runPython("jsmod.count"), 2);
    mp.registerJsModule("pkg", { name: "pkg" });
    mp.registerJsModule("pkg.sub", { f: (x) => x * 2 });
    assert.equal(mp.runPython("import pkg.sub\npkg.sub.f(21)"), 42);
    mp.registerJsModule("dash-name", { v: 7 });
    assert.equal(mp.runPython("__import__('dash-name').v"), 7);
    mp.registerJsModule("jsmod", { count: 99 });
    assert.equal(mp.runPython("import jsmod\njsmod.count"), 99);
    const trap = new Proxy({}, { get: (_t, k) => (k === "answer" ? 42 : undefined), has: (_t, k) => k === "answer" });
    mp.registerJsModule("trap", trap);
    assert.equal(mp.runPython("from trap import answer\nanswer"), 42);
});

test("js module: globals, calls, new, index, len, iter, typeof, identity", async () => {
    const { mp, out } = await load();
    globalThis.testObj = { a: 1, arr: [1, 2, 3], f(x) { return this.a + x; }, nested: { deep: "yes" } };
    assert.equal(mp.runPython("import js\njs.testObj.a"), 1);
    assert.equal(mp.runPython("js.testObj.f(41)"), 42);
    assert.equal(mp.runPython("len(js.testObj.arr)"), 3);
    assert.equal(mp.runPython("js.testObj.arr[1]"), 2);
    assert.equal(mp.runPython("list(js.testObj.arr)").toJs().join(), "1,2,3");
    assert.equal(mp.runPython("2 in js.testObj.arr"), true);
    assert.equal(mp.runPython("'a' in js.testObj"), true);
    assert.equal(mp.runPython("js.testObj.typeof()"), "object");
    assert.equal(mp.runPython("js.testObj == js.testObj"), true);
    assert.equal(mp.runPython("js.testObj == js.testObj.nested"), false);
    assert.match(mp.runPython("repr(js.testObj)"), /^<JsProxy/);
    mp.runPython("js.testObj.b = [1, 2]");
    assert.equal(globalThis.testObj.b.type, "list");
    mp.runPython("js.testObj.c = 'x'");
    assert.equal(globalThis.testObj.c, "x");
    assert.equal(mp.runPython("d = js.Date.new(0)\nd.getTime()"), 0);
    assert.equal(mp.runPython("o = js.Object.new()\no.k = 1\njs.Object.keys(o)[0]"), "k");
    assert.deepEqual(mp.runPython("js.testObj.nested.to_py()").toJs(), { deep: "yes" });
    assert.equal(mp.runPython("from js import testObj\ntestObj.nested.deep"), "yes");
    assert.throws(() => mp.runPython("js.testObj.missing"), (e) => e.type === "AttributeError");
    assert.equal(mp.runPython("js.Math.max(1, 5, 3)"), 5);
    assert.equal(mp.runPython("js.JSON.stringify(js.Object.new())"), "{}");
    mp.runPython("js.console.log('via console')");
    delete globalThis.testObj;
});

test("jsffi: to_js, create_proxy, JsProxy, JsException", async () => {
    const { mp } = await load();
    const seen = [];
    globalThis.takes = (v) => { seen.push(v); return v; };
    mp.runPython("import js, jsffi\njs.takes(jsffi.to_js([1, {'a': (2,)}]))");
    assert.deepEqual(seen[0], [1, { a: [2] }]);
    mp.runPython("js.takes(jsffi.create_proxy(lambda x: x + 1))");
    assert.equal(seen[1](1), 2);
    assert.equal(mp.runPython("isinstance(js.Object.new(), jsffi.JsProxy)"), true);
    globalThis.thrower = () => { throw new TypeError("boom"); };
    assert.deepEqual(mp.runPython("try:\n    js.thrower()\nexcept jsffi.JsException as e:\n    r = e.args[1:]\nr").toJs(), ["TypeError", "boom"]);
    assert.equal(mp.runPython("issubclass(jsffi.JsException, Exception)"), true);
    delete globalThis.takes;
    delete globalThis.thrower;
});

test("callbacks from JS into Python, and nested errors", async () => {
    const { mp } = await load();
    globalThis.callIt = (f, x) => f(x);
    assert.equal(mp.runPython("import js\njs.callIt(lambda v: v * 3, 14)"), 42);
    assert.equal(mp.runPython("try:\n    js.callIt(lambda v: 1/0, 1)\nexcept Exception as e:\n    r = type(e).__name__\nr"), "JsException");
    globalThis.arr = [3, 1, 2];
    assert.deepEqual(mp.runPython("def key(a, b):\n    return a - b\njs.arr.sort(key)\nlist(js.arr)").toJs(), [1, 2, 3]);
    delete globalThis.callIt;
    delete globalThis.arr;
});

test("runPythonAsync: top-level await of promises, sleep, input", async () => {
    const lines = ["typed line"];
    const { mp, out } = await load({ stdin: async () => lines.shift() });
    globalThis.later = (v) => new Promise((r) => setTimeout(() => r(v), 5));
    globalThis.fails = () => Promise.reject(new Error("nope"));
    assert.equal(await mp.runPythonAsync("import js\nx = await js.later(20)\nx + 1"), 21);
    assert.deepEqual((await mp.runPythonAsync("try:\n    await js.fails()\nexcept Exception as e:\n    r = e.args[1:]\nr")).toJs(), ["Error", "nope"]);
    assert.equal(await mp.runPythonAsync("async def f():\n    return await js.later('in')\nawait f()"), "in");
    // time.sleep needs the VM's time module (written elsewhere); test it once it exists.
    if (mp.runPython("try:\n    import time\n    r = hasattr(time, 'sleep')\nexcept ImportError:\n    r = False\nr")) {
        let ticks = 0;
        const timer = setInterval(() => ticks++, 5);
        const t0 = Date.now();
        await mp.runPythonAsync("import time\ntime.sleep(0.2)");
        clearInterval(timer);
        assert.ok(Date.now() - t0 >= 190);
        assert.ok(ticks >= 10, `timers ran ${ticks} times during sleep`);
    }
    assert.equal(await mp.runPythonAsync("s = input('name? ')\ns"), "typed line");
    delete globalThis.later;
    delete globalThis.fails;
});

test("long loops yield to the event loop", async () => {
    const { mp } = await load();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const r = await mp.runPythonAsync("t = 0\nfor i in range(3000000):\n    t += i\nt");
    clearInterval(timer);
    assert.equal(r, 4499998500000);
    assert.ok(ticks > 0, "the event loop ran during the loop");
});

test("interrupt raises KeyboardInterrupt in running code", async () => {
    const { mp } = await load();
    setTimeout(() => mp.interrupt(), 30);
    await assert.rejects(mp.runPythonAsync("while True:\n    pass"), (e) => e.type === "KeyboardInterrupt");
    assert.equal(mp.runPython("1"), 1);
});

test("output without linebuffer: Uint8Array chunks, newline starts its chunk", async () => {
    const chunks = [];
    const mp = await loadMicroPython({ linebuffer: false, stdout: (c) => chunks.push(c) });
    mp.runPython("print('ab')\nprint('cd', end='')");
    assert.ok(chunks.every((c) => c instanceof Uint8Array));
    const text = chunks.map((c) => new TextDecoder().decode(c));
    assert.equal(text.join(""), "ab\ncd");
    for (const t of text) assert.ok(!t.slice(1).includes("\n"), JSON.stringify(t));
});

test("FS: files, dirs, stat, path helpers; open() sees them", async () => {
    const { mp } = await load();
    const { FS, _module } = mp;
    FS.mkdirTree("/a/b");
    FS.mkdirTree("/a/b");
    FS.mkdir("c/");
    FS.writeFile("/a/b/f.txt", new TextEncoder().encode("data"), { canOwn: true });
    FS.writeFile("./c/g.txt", "text");
    assert.equal(FS.readFile("/a/b/f.txt", { encoding: "utf8" }), "data");
    assert.deepEqual(FS.readdir("/a/b"), [".", "..", "f.txt"]);
    assert.equal(FS.stat("/a/b/f.txt").size, 4);
    assert.ok(FS.isDir(FS.stat("/a").mode));
    // open() is the VM's io module (written elsewhere): exercise it once it exists.
    if (mp.runPython("'open' in dir(__import__('builtins'))")) {
        assert.equal(mp.runPython("open('/c/g.txt').read()"), "text");
        mp.runPython("with open('/a/new.txt', 'w') as f:\n    f.write('py')");
        assert.equal(FS.readFile("/a/new.txt", { encoding: "utf8" }), "py");
    } else {
        FS.writeFile("/a/new.txt", "py");
    }
    FS.unlink("/a/new.txt");
    assert.throws(() => FS.readFile("/a/new.txt"), (e) => e.code === "ENOENT");
    assert.equal(FS.analyzePath("/a").exists, true);
    assert.equal(_module.PATH_FS.resolve("./x/../y.py"), "/y.py");
    assert.equal(_module.PATH_FS.resolve("/a", "b"), "/a/b");
    assert.equal(_module.PATH.dirname("/a/b/c.txt"), "/a/b");
    assert.equal(_module.PATH.dirname("c.txt"), ".");
    await assert.rejects(mp.mountNativeFS("/x", {}));
});

test("REPL: prompts, echo, continuation", async () => {
    const out = [];
    const mp = await loadMicroPython({ linebuffer: false, stdout: (c) => out.push(new TextDecoder().decode(c)) });
    mp.replInit();
    const type = (s) => { for (const ch of new TextEncoder().encode(s)) mp.replProcessChar(ch); };
    type("1+2\r");
    type("for i in range(2):\r");
    type("  print(i)\r");
    type("\r");
    await mp.replProcessCharWithAsyncify("x".charCodeAt(0));
    const text = out.join("");
    assert.match(text, />>> /);
    // The REPL engine cooks output as MicroPython boards do (each \n sent as \r\n).
    assert.match(text, /1\+2\r\n3\r\n>>> /);
    assert.match(text, /\.\.\. /);
    assert.match(text, /0\r\n1\r\n>>> x$/);
});

test("proxies are released (no handle leak)", async () => {
    const { mp } = await load();
    const f = mp.runPython("lambda: None");
    const before = mp._liveHandles();
    for (let i = 0; i < 1000; i++) mp.runPython("[1]").destroy();
    assert.equal(mp._liveHandles(), before);
    f.destroy();
    assert.throws(() => f(), /destroyed/);
});

// The remote protocols against real MicroPython: the npm package
// @micropython/micropython-webassembly-pyscript (pinned in tests/web/micropython/package.json,
// installed there on first use) is driven through replProcessChar behind serial-bridge.mjs, and the
// browser's RemoteBoard (crates/remote-wasm, web/remote/ferropy_remote.js) talks to it over a
// TCP link, as the page does over WebSerial; then the native `ferropy remote socket://` does the
// same. Skipped, with a message saying why, only when the package cannot be installed (no registry).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { startBridge, MICROPYTHON_DIR, MICROPYTHON_MJS } from "./serial-bridge.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FERROPY = path.join(root, "target/release/ferropy");
const run = promisify(execFile);

let skip = false;
if (!fs.existsSync(MICROPYTHON_MJS)) {
    const r = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--silent"], { cwd: MICROPYTHON_DIR, encoding: "utf8", timeout: 300000 });
    if (r.status !== 0 || !fs.existsSync(MICROPYTHON_MJS)) {
        skip = `the npm package @micropython/micropython-webassembly-pyscript could not be installed (registry unreachable?): ${(r.stderr || r.error || "").toString().trim().split("\n").slice(-1)[0]}`;
        console.log(`# SKIP real-MicroPython tests: ${skip}`);
    }
}

let bridge, sock, board, RemoteBoard;
/** Line ends as "\n" (this port prints "\n" where boards print "\r\n"). */
const nl = (s) => s.replace(/\r\n/g, "\n");

/** A link over a TCP socket: read(timeoutMs) and write(bytes), as serial.js's Link. */
function tcpLink(port) {
    return new Promise((resolve, reject) => {
        const s = net.connect(port, "127.0.0.1");
        const queue = [];
        let wake = null;
        let closed = false;
        s.on("data", (d) => {
            queue.push(d);
            if (wake) wake();
        });
        s.on("close", () => {
            closed = true;
            if (wake) wake();
        });
        s.on("error", reject);
        s.on("connect", () =>
            resolve({
                socket: s,
                async read(timeoutMs) {
                    if (!queue.length && !closed) {
                        await new Promise((r) => {
                            const t = setTimeout(r, timeoutMs);
                            wake = () => {
                                clearTimeout(t);
                                r();
                            };
                        });
                        wake = null;
                    }
                    if (queue.length) return new Uint8Array(Buffer.concat(queue.splice(0)));
                    return closed ? null : new Uint8Array(0);
                },
                async write(bytes) {
                    s.write(Buffer.from(bytes));
                },
            }),
        );
    });
}

before(async () => {
    if (skip) return;
    const wasm = await import(path.join(root, "web/remote/ferropy_remote.js"));
    await wasm.default({ module_or_path: fs.readFileSync(path.join(root, "web/remote/ferropy_remote.wasm")) });
    RemoteBoard = wasm.RemoteBoard;
    bridge = await startBridge({ mode: "micropython" });
    const link = await tcpLink(bridge.tcpPort);
    sock = link.socket;
    board = new RemoteBoard(link);
    board.timeoutMs = 5000;
});

after(() => {
    if (sock) sock.destroy();
    if (bridge) bridge.close();
});

test("raw REPL exec and eval on MicroPython; raw-paste falls back (R\\x00)", { skip }, async () => {
    await board.enterRaw(false);
    const out = await board.exec("import sys\nprint(sys.implementation.name, 6 * 7)");
    assert.deepEqual({ ...out, stdout: nl(out.stdout) }, { stdout: "micropython 42\n", stderr: "" });
    assert.equal(board.rawPasteSupported, false, "the webassembly port answers R\\x00 (see serial-bridge.mjs)");
    const bad = await board.exec("print('before')\n1/0");
    assert.equal(nl(bad.stdout), "before\n");
    assert.match(bad.stderr, /ZeroDivisionError/);
    assert.equal(await board.eval("[1, 'a', None, 2**70]"), "[1, 'a', None, 1180591620717411303424]");
    await assert.rejects(board.eval("undefined_name"), (e) => e.kind === "Exception" && /NameError/.test(e.message));
    const chunks = [];
    const exc = await board.run("for i in range(3):\n    print('line', i)\n", (b) => chunks.push(Buffer.from(b).toString()), 5000);
    assert.equal(exc, "");
    assert.equal(nl(chunks.join("")), "line 0\nline 1\nline 2\n");
});

test("files on MicroPython's in-memory FS: put (temp + rename), ls, cat, get, stat, hash, mkdir, rm, rmdir", { skip }, async () => {
    const cwd = JSON.parse((await board.exec("import os\nprint(repr(os.getcwd()).replace(\"'\", '\"'))")).stdout);
    const text = "print('hello from main')\n";
    assert.equal(await board.put("main.py", text, false), "written");
    assert.equal(await board.put("main.py", text, true), "unchanged");
    assert.equal(await board.cat("main.py"), text);
    const names = (await board.ls(cwd)).map((e) => e.name);
    assert.ok(names.includes("main.py"), names.join(","));
    assert.ok(!names.some((n) => n.endsWith(".part")), "no temporary file left");
    const data = new Uint8Array(3000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 255;
    assert.equal(await board.put("blob.bin", data, false), "written");
    assert.deepEqual(await board.get("blob.bin"), data);
    const st = await board.stat("blob.bin");
    assert.equal(st.size, 3000);
    assert.equal(st.isDir, false);
    const hash = await board.hash("blob.bin");
    assert.match(hash, /^[0-9a-f]{64}$/);
    await board.mkdir("lib");
    assert.equal((await board.stat("lib")).isDir, true);
    await board.put("lib/m.py", "X = 5\n", false);
    assert.equal((await board.exec("import sys\nsys.path.append('lib')\nimport m\nprint(m.X)")).stdout.trim(), "5");
    await board.rm("lib/m.py");
    await board.rmdir("lib");
    await board.rm("blob.bin");
    await assert.rejects(board.stat("blob.bin"), (e) => e.kind === "Os");
    // Behind the host's back: the file really is in MicroPython's file system.
    assert.equal(bridge.micropython.FS.readFile(`${cwd}/main.py`, { encoding: "utf8" }), text);
});

test("interrupt and leaving the raw REPL", { skip }, async () => {
    await board.interrupt();
    await board.enterRaw(false);
    assert.equal(board.inRawRepl, true);
    await board.exitRaw();
    assert.equal(board.inRawRepl, false);
    assert.equal(nl((await board.exec("print('again')")).stdout), "again\n");
    await board.exitRaw();
});

test("the native `ferropy remote socket://` against MicroPython", { skip: skip || (!fs.existsSync(FERROPY) && "target/release/ferropy is not built") }, async () => {
    const port = `socket://127.0.0.1:${bridge.tcpPort}`;
    const remote = async (...args) => (await run(FERROPY, ["remote", "--timeout", "5", port, ...args], { encoding: "utf8" })).stdout;
    assert.match(await remote("exec", "print(1 + 2)"), /^3\r?\n$/);
    assert.equal((await remote("eval", "'x' * 3")).trim(), "'xxx'");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferropy-mp-"));
    const src = path.join(dir, "up.bin");
    const data = Buffer.from(Array.from({ length: 2500 }, (_, i) => (i * 13) & 255));
    fs.writeFileSync(src, data);
    await remote("put", src, ":up.bin");
    await remote("get", ":up.bin", path.join(dir, "down.bin"));
    assert.deepEqual(fs.readFileSync(path.join(dir, "down.bin")), data);
    assert.match(await remote("cat", "main.py"), /hello from main/);
});

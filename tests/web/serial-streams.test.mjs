// RemoteBoard (crates/remote-wasm, built into web/remote/) over a WebSerial-shaped port: `readable`/`writable`
// streams, read through a reader whose pending read outlives a timeout. The port's streams wrap a
// TCP connection to serial-bridge.mjs, behind which `ferropy board --stdio` runs. Plain node: no
// browser needed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startBridge } from "./serial-bridge.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FERROPY = path.join(root, "target/release/ferropy");
/** The RemoteBoard module (crates/remote-wasm), built by scripts/build-wasm.sh. */
const REMOTE = path.join(root, "web/remote/ferropy_remote");
let bridge, sock, port, board;

/** A SerialPort look-alike over a TCP socket: opened, with readable/writable streams. */
function streamPort(tcpPort) {
    return new Promise((resolve, reject) => {
        const s = net.connect(tcpPort, "127.0.0.1");
        s.on("error", reject);
        s.on("connect", () => {
            const readable = new ReadableStream({
                start(c) {
                    s.on("data", (d) => c.enqueue(new Uint8Array(d)));
                    s.on("close", () => {
                        try {
                            c.error(new Error("The device has been lost."));
                        } catch {}
                    });
                },
            });
            const writable = new WritableStream({
                write(chunk) {
                    return new Promise((ok, fail) => s.write(Buffer.from(chunk), (e) => (e ? fail(e) : ok())));
                },
            });
            resolve({ socket: s, readable, writable });
        });
    });
}

before(async () => {
    if (!fs.existsSync(FERROPY)) execFileSync("cargo", ["build", "--release", "-p", "ferropy"], { cwd: root, stdio: "inherit" });
    const wasm = await import(REMOTE + ".js");
    await wasm.default({ module_or_path: fs.readFileSync(REMOTE + ".wasm") });
    bridge = await startBridge({ mode: "ferropy", binary: FERROPY });
    port = await streamPort(bridge.tcpPort);
    sock = port.socket;
    board = new wasm.RemoteBoard(port);
    board.timeoutMs = 5000;
});

after(() => {
    if (sock) sock.destroy();
    if (bridge) bridge.close();
});

test("exec, eval and raw-paste over a port's streams", async () => {
    assert.equal(port.readable.locked, true, "RemoteBoard holds the reader");
    await board.enterRaw(false);
    assert.deepEqual(await board.exec("print('via streams', 2 ** 10)"), { stdout: "via streams 1024\r\n", stderr: "" });
    assert.equal(board.rawPasteSupported, true);
    assert.equal(await board.eval("{'a': (1, 2)}"), "{'a': (1, 2)}");
    const bad = await board.exec("raise OSError(5)");
    assert.match(bad.stderr, /^Traceback[\s\S]*OSError/);
    // A call while another is in flight is refused, not interleaved.
    const first = board.exec("import time\ntime.sleep_ms(200)\nprint('slept')");
    assert.equal(board.busy, true);
    await assert.rejects(board.eval("1"), /busy/);
    assert.equal((await first).stdout, "slept\r\n");
});

test("files over a port's streams, with timeouts racing pending reads", async () => {
    const data = new Uint8Array(4000).map((_, i) => (i * 5 + 1) & 255);
    assert.equal(await board.put("s.bin", data, false), "written");
    assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(bridge.dir, "s.bin"))), data);
    assert.deepEqual(await board.get("s.bin"), data);
    // interrupt() drains with 100 ms reads that time out: the read left pending must deliver
    // the next answer.
    await board.interrupt();
    await board.interrupt();
    await board.enterRaw(false);
    assert.equal((await board.stat("s.bin")).size, 4000);
    await board.rm("s.bin");
    await assert.rejects(board.cat("s.bin"), (e) => e.kind === "Os" && e.errno === 2);
    await board.exitRaw();
});

test("release() unlocks the streams; a lost link rejects with kind Disconnected", async () => {
    board.release();
    assert.equal(port.readable.locked, false);
    const other = await streamPort(bridge.tcpPort);
    const wasm = await import(REMOTE + ".js"); // the instance initialised by before()
    const b2 = new wasm.RemoteBoard(other);
    b2.timeoutMs = 3000;
    await b2.enterRaw(false);
    bridge.kill();
    await assert.rejects(b2.exec("print(1)"), (e) => e.kind === "Disconnected" || e.kind === "Io");
    other.socket.destroy();
});

test("the Python engine does not carry RemoteBoard (it is loaded only on Connect)", () => {
    const glue = fs.readFileSync(path.join(root, "npm/ferropy_wasm.js"), "utf8");
    assert.ok(!glue.includes("RemoteBoard"), "npm/ferropy_wasm.js exports RemoteBoard again");
    assert.ok(fs.readFileSync(REMOTE + ".js", "utf8").includes("class RemoteBoard"));
});

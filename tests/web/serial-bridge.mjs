// A stand-in for a USB serial cable, for tests without hardware: every connection (a WebSocket,
// used by the page's fake navigator.serial, or a plain TCP socket, like `socket://` ports) gets a
// board of its own, and bytes flow both ways unchanged.
//
// Boards:
// - "ferropy": `ferropy board --stdio --dir DIR` as a child process (the flash directory is shared by
//   all connections, so files survive a disconnect);
// - "micropython": one real MicroPython (the npm package @micropython/micropython-webassembly-pyscript,
//   see tests/web/micropython/) driven byte by byte through its replInit()/replProcessChar(), the
//   same pyexec code its boards run. That port has no stdin to read raw-paste data from (its
//   raw-paste reader would spin forever), so the glue answers the raw-paste command `\x05A\x01`
//   with `R\x00`, as firmware without raw-paste does, and hosts fall back to plain raw mode.
//
// `kill()` ends every board (the connections close: an unplugged cable). Usable from tests
// (`startBridge`) or alone: `node tests/web/serial-bridge.mjs [--mode ferropy|micropython]
// [--dir DIR] [--port N]`.
import http from "node:http";
import net from "node:net";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const MICROPYTHON_DIR = path.join(root, "tests/web/micropython");
export const MICROPYTHON_MJS = path.join(MICROPYTHON_DIR, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs");

// ----- a minimal WebSocket server (RFC 6455: binary frames, close, ping) ------------------------
function wsAccept(req, socket) {
    const key = req.headers["sec-websocket-key"];
    const accept = crypto.createHash("sha1").update(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest("base64");
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.setNoDelay(true);
}

function wsFrame(opcode, payload) {
    const n = payload.length;
    let head;
    if (n < 126) head = Buffer.from([0x80 | opcode, n]);
    else if (n < 65536) {
        head = Buffer.alloc(4);
        head[0] = 0x80 | opcode;
        head[1] = 126;
        head.writeUInt16BE(n, 2);
    } else {
        head = Buffer.alloc(10);
        head[0] = 0x80 | opcode;
        head[1] = 127;
        head.writeBigUInt64BE(BigInt(n), 2);
    }
    return Buffer.concat([head, payload]);
}

/** A duplex byte channel over a WebSocket: {send(buf), close(), onData, onClose}. */
function wsChannel(socket) {
    const ch = { onData: () => {}, onClose: () => {}, closed: false };
    let buf = Buffer.alloc(0);
    ch.send = (data) => {
        if (!ch.closed) socket.write(wsFrame(2, Buffer.from(data)));
    };
    ch.close = () => {
        if (ch.closed) return;
        ch.closed = true;
        try {
            socket.write(wsFrame(8, Buffer.from([0x03, 0xe8])));
        } catch {}
        socket.end();
        setTimeout(() => socket.destroy(), 200);
        ch.onClose();
    };
    socket.on("data", (chunk) => {
        buf = Buffer.concat([buf, chunk]);
        for (;;) {
            if (buf.length < 2) return;
            const op = buf[0] & 0x0f;
            const masked = buf[1] & 0x80;
            let len = buf[1] & 0x7f;
            let i = 2;
            if (len === 126) {
                if (buf.length < 4) return;
                len = buf.readUInt16BE(2);
                i = 4;
            } else if (len === 127) {
                if (buf.length < 10) return;
                len = Number(buf.readBigUInt64BE(2));
                i = 10;
            }
            const mask = masked ? buf.subarray(i, i + 4) : null;
            if (masked) i += 4;
            if (buf.length < i + len) return;
            const payload = Buffer.from(buf.subarray(i, i + len));
            buf = buf.subarray(i + len);
            if (mask) for (let k = 0; k < payload.length; k++) payload[k] ^= mask[k & 3];
            if (op === 1 || op === 2 || op === 0) ch.onData(payload);
            else if (op === 8) ch.close();
            else if (op === 9) socket.write(wsFrame(10, payload));
        }
    });
    socket.on("close", () => {
        if (!ch.closed) {
            ch.closed = true;
            ch.onClose();
        }
    });
    socket.on("error", () => {});
    return ch;
}

/** A duplex byte channel over a TCP socket. */
function tcpChannel(socket) {
    const ch = { onData: () => {}, onClose: () => {}, closed: false };
    socket.setNoDelay(true);
    ch.send = (data) => {
        if (!ch.closed) socket.write(Buffer.from(data));
    };
    ch.close = () => {
        if (ch.closed) return;
        ch.closed = true;
        socket.destroy();
        ch.onClose();
    };
    socket.on("data", (d) => ch.onData(d));
    socket.on("close", () => {
        if (!ch.closed) {
            ch.closed = true;
            ch.onClose();
        }
    });
    socket.on("error", () => {});
    return ch;
}

// ----- boards -----------------------------------------------------------------------------------
function ferropyBoard(binary, dir, ch) {
    const child = spawn(binary, ["board", "--stdio", "--dir", dir], { stdio: ["pipe", "pipe", "inherit"] });
    child.stdout.on("data", (d) => ch.send(d));
    child.stdin.on("error", () => {});
    child.on("exit", () => ch.close());
    ch.onData = (d) => child.stdin.write(d);
    ch.onClose = () => child.kill("SIGKILL");
    return { kill: () => child.kill("SIGKILL") };
}

/** Real MicroPython, one instance per bridge (it outlives connections, like a board its cable). */
async function micropythonBoard() {
    const mod = await import(pathToFileURL(MICROPYTHON_MJS).href);
    let out = [];
    let tail = "";
    let ch = null;
    let flushing = false;
    const mp = await mod.loadMicroPython({
        linebuffer: false,
        stdout: (b) => {
            out.push(...b);
            tail = (tail + String.fromCharCode(...b)).slice(-40);
        },
        stderr: (b) => out.push(...b),
    });
    const flush = () => {
        flushing = false;
        if (out.length && ch) ch.send(Buffer.from(out));
        out = [];
    };
    const flushSoon = () => {
        if (!flushing) {
            flushing = true;
            setImmediate(flush);
        }
    };
    // Raw-paste interception (see the header): `pending` holds a started `\x05A` command.
    let pending = [];
    const rawMode = () => /raw REPL; CTRL-B to exit\r\n>$|\x04>$/.test(tail);
    const feed = (c) => {
        if (pending.length || (c === 5 && rawMode())) {
            pending.push(c);
            const cmd = pending;
            if (cmd.length === 2 && cmd[1] !== 0x41) {
                pending = [];
                for (const x of cmd) mp.replProcessChar(x);
            } else if (cmd.length === 3) {
                pending = [];
                if (cmd[2] === 1) {
                    out.push(0x52, 0x00); // "R\x00": raw-paste unsupported here
                    tail = "";
                } else for (const x of cmd) mp.replProcessChar(x);
            }
            return;
        }
        mp.replProcessChar(c);
    };
    mp.replInit();
    out = []; // the banner went to nobody (a board printing before the host listens)
    return {
        mp,
        /** Plug a connection in; returns the board handle of that connection. */
        attach(c) {
            ch = c;
            c.onData = (d) => {
                for (const x of d) feed(x);
                flushSoon();
            };
            c.onClose = () => {
                if (ch === c) ch = null;
            };
            return { kill: () => c.close() };
        },
    };
}

/**
 * Start the bridge. Options: mode ("ferropy" | "micropython"), dir (the ferropy board's flash;
 * a fresh temporary directory by default), binary (the ferropy executable), port (0: any).
 * Returns {wsUrl, tcpPort, dir, kill(), close(), connections()}.
 */
export async function startBridge(opts = {}) {
    const mode = opts.mode || "ferropy";
    const dir = opts.dir || fs.mkdtempSync(path.join(os.tmpdir(), "ferropy-flash-"));
    const binary = opts.binary || path.join(root, "target/release/ferropy");
    const boards = new Set();
    let count = 0;
    const mpBoard = mode === "micropython" ? await micropythonBoard() : null;
    const attach = (ch) => {
        count++;
        const board = mpBoard ? mpBoard.attach(ch) : ferropyBoard(binary, dir, ch);
        boards.add(board);
        const prev = ch.onClose;
        ch.onClose = () => {
            boards.delete(board);
            prev();
        };
    };
    const server = http.createServer((req, res) => {
        res.writeHead(426, { "content-type": "text/plain" });
        res.end("WebSocket only\n");
    });
    server.on("upgrade", (req, socket) => {
        wsAccept(req, socket);
        attach(wsChannel(socket));
    });
    const tcp = net.createServer((socket) => attach(tcpChannel(socket)));
    await new Promise((r) => server.listen(opts.port || 0, "127.0.0.1", r));
    await new Promise((r) => tcp.listen(opts.tcpPort || 0, "127.0.0.1", r));
    return {
        wsUrl: `ws://127.0.0.1:${server.address().port}/`,
        tcpPort: tcp.address().port,
        dir,
        connections: () => count,
        /** The MicroPython instance (micropython mode), for checks behind the host's back. */
        micropython: mpBoard ? mpBoard.mp : null,
        /** End every board: its connection closes, as when the cable is pulled. */
        kill() {
            for (const b of boards) b.kill();
        },
        close() {
            for (const b of boards) b.kill();
            server.close();
            tcp.close();
        },
    };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const args = process.argv.slice(2);
    const opt = (name) => {
        const i = args.indexOf(name);
        return i >= 0 ? args[i + 1] : undefined;
    };
    const b = await startBridge({ mode: opt("--mode"), dir: opt("--dir"), port: Number(opt("--port") || 0) });
    console.log(`serial bridge (${opt("--mode") || "ferropy"}): ${b.wsUrl}  socket://127.0.0.1:${b.tcpPort}  flash ${b.dir}`);
}

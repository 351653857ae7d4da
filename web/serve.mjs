// A small static server for the Ferropy REPL page: web/ at "/", the npm package (npm/) at
// "/npm/". Sends the cross-origin isolation headers (COOP/COEP) so the page can share memory with
// its Web Worker (needed for `input()` and Ctrl-C in the REPL). Used by scripts/run.sh and the
// tests: `node web/serve.mjs` (port from $PORT, default 8000) or `startServer({ port, mounts })`.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

/** MIME types by file extension. */
export const MIME = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".wasm": "application/wasm",
    ".py": "text/x-python; charset=utf-8",
    ".toml": "application/toml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".map": "application/json; charset=utf-8",
    ".d.ts": "text/plain; charset=utf-8",
};

/** The default mounts: URL prefix -> directory (longest prefix wins). */
export const DEFAULT_MOUNTS = { "/npm/": path.join(root, "npm"), "/": here };

function resolve(mounts, pathname) {
    const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
    for (const p of prefixes) {
        if (!pathname.startsWith(p)) continue;
        const dir = path.resolve(mounts[p]);
        let rel;
        try {
            rel = decodeURIComponent(pathname.slice(p.length));
        } catch {
            return null;
        }
        const file = path.resolve(dir, "." + path.posix.normalize("/" + rel));
        if (file !== dir && !file.startsWith(dir + path.sep)) return null;
        return file;
    }
    return null;
}

/** Start serving; resolves to the `http.Server` once it listens on 127.0.0.1. */
export function startServer({ port = 8000, host = "127.0.0.1", mounts = DEFAULT_MOUNTS } = {}) {
    const server = http.createServer((req, res) => {
        const headers = {
            "cross-origin-opener-policy": "same-origin",
            "cross-origin-embedder-policy": "require-corp",
            "cross-origin-resource-policy": "same-origin",
            "cache-control": "no-cache",
        };
        let pathname;
        try {
            pathname = new URL(req.url, "http://localhost").pathname;
        } catch {
            res.writeHead(400, headers);
            return res.end("bad request");
        }
        let file = resolve(mounts, pathname);
        if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
        if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            res.writeHead(404, { ...headers, "content-type": "text/plain" });
            return res.end("not found");
        }
        const ext = file.endsWith(".d.ts") ? ".d.ts" : path.extname(file);
        res.writeHead(200, { ...headers, "content-type": MIME[ext] || "application/octet-stream" });
        if (req.method === "HEAD") return res.end();
        fs.createReadStream(file).pipe(res);
    });
    return new Promise((ok, fail) => {
        server.once("error", fail);
        server.listen(port, host, () => ok(server));
    });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const port = Number(process.env.PORT || 8000);
    const server = await startServer({ port });
    console.log(`Ferropy REPL: http://127.0.0.1:${server.address().port}/`);
}

#!/usr/bin/env node
// The benches/ programs on the browser engine (the npm package in npm/, built by
// scripts/build-wasm.sh), in node, beside the same figures for the anchor engines when they are
// installed: `@micropython/micropython-webassembly-pyscript` (the size and load-time anchor) and
// `pyodide` (the speed anchor).
//
//   node benches/wasm.mjs                    # all benchmarks, best of 1, every engine present
//   node benches/wasm.mjs -n 3 fib           # benchmarks whose name contains "fib", best of 3
//   node benches/wasm.mjs --install-anchors  # npm-install the anchors into .tools/anchors first
//   node benches/wasm.mjs --only ferropy     # skip the anchors
//
// Printed: per engine, the load time (first loadMicroPython/loadPyodide in this process, wasm
// compilation included), the download size (wasm + JS, raw and gzip -9) and per benchmark the
// best CPU time (user + system of this process: robust on a shared, loaded machine) and wall time
// of runPython(program) in a fresh interpreter; an output that differs from ferropy's is marked
// MISMATCH. The table uses CPU times. A measuring tool: it never asserts times.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const ANCHORS = path.join(root, ".tools/anchors");
const MP_PKG = "@micropython/micropython-webassembly-pyscript";

const args = process.argv.slice(2);
let runs = 1;
let only = null;
let filter = "";
for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-n") runs = Math.max(1, Number(args[++i]));
    else if (a === "--only") only = args[++i];
    else if (a === "--install-anchors") {
        fs.mkdirSync(ANCHORS, { recursive: true });
        if (!fs.existsSync(path.join(ANCHORS, "package.json"))) fs.writeFileSync(path.join(ANCHORS, "package.json"), '{"private":true}\n');
        console.log(`installing ${MP_PKG} and pyodide into ${path.relative(root, ANCHORS)}/`);
        execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", MP_PKG, "pyodide"], { cwd: ANCHORS, stdio: "inherit" });
    } else if (a === "-h" || a === "--help") {
        console.log(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1, 16).join("\n"));
        process.exit(0);
    } else filter = a;
}

const sizeOf = (files) => {
    let raw = 0;
    let gz = 0;
    for (const f of files) {
        const d = fs.readFileSync(f);
        raw += d.length;
        gz += zlib.gzipSync(d, { level: 9 }).length;
    }
    return { raw, gz };
};

/** Engines: name, files that make its download, load() -> run(code) returning stdout. */
const engines = [];
engines.push({
    name: "ferropy",
    files: ["ferropy.wasm", "ferropy_wasm.js", "ferropy.mjs"].map((f) => path.join(root, "npm", f)),
    async load() {
        const { loadMicroPython } = await import(pathToFileURL(path.join(root, "npm/ferropy.mjs")));
        return async () => {
            let out = "";
            const mp = await loadMicroPython({ linebuffer: false, stdout: (b) => (out += Buffer.from(b).toString()), stderr: (b) => (out += Buffer.from(b).toString()) });
            return (code) => {
                out = "";
                mp.runPython(code);
                return out;
            };
        };
    },
});
const anchorRequire = createRequire(path.join(ANCHORS, "package.json"));
const resolveAnchor = (spec) => {
    try {
        return anchorRequire.resolve(spec);
    } catch {
        return null;
    }
};
const mpMain = resolveAnchor(`${MP_PKG}/package.json`);
if (mpMain) {
    const dir = path.dirname(mpMain);
    engines.push({
        name: "micropython",
        files: ["micropython.wasm", "micropython.mjs"].map((f) => path.join(dir, f)),
        async load() {
            const { loadMicroPython } = await import(pathToFileURL(path.join(dir, "micropython.mjs")));
            return async () => {
                let out = "";
                const mp = await loadMicroPython({ linebuffer: false, stdout: (b) => (out += Buffer.from(b).toString()), stderr: (b) => (out += Buffer.from(b).toString()) });
                return (code) => {
                    out = "";
                    mp.runPython(code);
                    return out;
                };
            };
        },
    });
}
const pyoMain = resolveAnchor("pyodide/package.json");
if (pyoMain) {
    const dir = path.dirname(pyoMain);
    engines.push({
        name: "pyodide",
        files: ["pyodide.asm.wasm", "pyodide.asm.js", "pyodide.asm.mjs", "pyodide.mjs", "python_stdlib.zip", "pyodide-lock.json"].map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f)),
        async load() {
            const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")));
            return async () => {
                let out = "";
                const py = await loadPyodide({ indexURL: dir + "/" });
                py.setStdout({ batched: (s) => (out += s + "\n") });
                py.setStderr({ batched: (s) => (out += s + "\n") });
                return (code) => {
                    out = "";
                    py.runPython(code);
                    return out;
                };
            };
        },
    });
}

const benches = fs
    .readdirSync(here)
    .filter((f) => f.endsWith(".py") && f !== "run.py" && f.includes(filter))
    .sort();
const kb = (n) => (n / 1024).toFixed(0) + " KB";
const results = {};
for (const e of engines) {
    if (only && e.name !== only) continue;
    if (!e.files.every((f) => fs.existsSync(f))) {
        console.log(`${e.name}: not built/installed, skipped`);
        continue;
    }
    const size = sizeOf(e.files);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const fresh = await e.load();
    let run = await fresh();
    const load = performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    const loadCpu = (c1.user + c1.system) / 1000;
    const t1 = performance.now();
    run = await fresh();
    const load2 = performance.now() - t1;
    results[e.name] = { size, load, load2, times: {}, out: {} };
    console.log(`${e.name}: load ${load.toFixed(0)} ms wall, ${loadCpu.toFixed(0)} ms CPU (another interpreter: ${load2.toFixed(1)} ms), download ${kb(size.raw)} raw / ${kb(size.gz)} gzip`);
    for (const b of benches) {
        const code = fs.readFileSync(path.join(here, b), "utf8");
        let best = Infinity;
        let bestWall = Infinity;
        let out = "";
        for (let i = 0; i < runs; i++) {
            const r = await fresh();
            const s = performance.now();
            const c = process.cpuUsage();
            try {
                out = r(code);
            } catch (err) {
                out = "ERROR " + String(err.message || err).trim().split("\n").pop();
            }
            const cpu = process.cpuUsage(c);
            best = Math.min(best, (cpu.user + cpu.system) / 1000);
            bestWall = Math.min(bestWall, performance.now() - s);
        }
        results[e.name].times[b] = best;
        results[e.name].out[b] = out;
        const ref = results.ferropy?.out[b];
        const mark = out.startsWith("ERROR") ? "  " + out : ref !== undefined && out !== ref ? "  MISMATCH" : "";
        console.log(`  ${b.padEnd(18)} ${best.toFixed(0).padStart(7)} ms CPU ${bestWall.toFixed(0).padStart(7)} ms wall${mark}`);
    }
}

const names = Object.keys(results);
if (names.length > 1) {
    console.log("\n| benchmark | " + names.map((n) => `${n} (ms)`).join(" | ") + " |");
    console.log("|---" + "|---:".repeat(names.length) + "|");
    for (const b of benches) console.log(`| ${b} | ` + names.map((n) => (results[n].times[b] ?? NaN).toFixed(0)).join(" | ") + " |");
    console.log("| load (ms wall) | " + names.map((n) => results[n].load.toFixed(0)).join(" | ") + " |");
    console.log("| wasm+JS raw | " + names.map((n) => kb(results[n].size.raw)).join(" | ") + " |");
    console.log("| wasm+JS gzip | " + names.map((n) => kb(results[n].size.gz)).join(" | ") + " |");
}

// The package as a web developer gets it: `npm pack` of npm/, `npm install` of the tarball into a
// fresh project (no registry involved), then `import { loadMicroPython } from "ferropy"` there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

test("npm pack + npm install of the tarball gives a working package", () => {
    const dir = mkdtempSync(join(tmpdir(), "ferropy-pack-"));
    try {
        const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir, join(root, "npm")], {
            encoding: "utf8",
        });
        const tarball = join(dir, out.trim().split("\n").pop());
        const app = join(dir, "app");
        execFileSync("mkdir", ["-p", app]);
        writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", type: "module", private: true }));
        execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", "--offline", tarball], { cwd: app });
        writeFileSync(
            join(app, "main.mjs"),
            `import { loadMicroPython } from "ferropy";
const out = [];
const mp = await loadMicroPython({ stdout: (line) => out.push(line) });
mp.runPython("import sys\\nprint('hi', 2**70)");
const v = mp.runPython("[1, 'two', 3.5, None, 2**64]");
console.log(JSON.stringify({ out, v: v.toJs().map(String) }));
`,
        );
        const result = JSON.parse(execFileSync("node", ["main.mjs"], { cwd: app, encoding: "utf8" }));
        assert.deepEqual(result.out, ["hi 1180591620717411303424"]);
        assert.deepEqual(result.v, ["1", "two", "3.5", "null", "18446744073709551616"]);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});

// Shared setup of the web tests: the page server (web/serve.mjs, plus tests/web/pages at
// /tests/) and a headless Debian Chromium driven by playwright-core.
import path from "node:path";
import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startServer, DEFAULT_MOUNTS } from "../../web/serve.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(process.env.FERROPY_PLAYWRIGHT || path.join(root, ".tools/playwright/package.json"));
const { chromium } = require("playwright-core");

export const SHOTS = path.join(root, "target/web-screenshots");

/** Start the server and the browser; returns {base, browser, close}. */
export async function setup() {
    const server = await startServer({
        port: 0,
        mounts: { ...DEFAULT_MOUNTS, "/tests/": path.join(root, "tests/web/pages") },
    });
    const base = `http://127.0.0.1:${server.address().port}`;
    const browser = await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
    return {
        base,
        browser,
        async close() {
            await browser.close();
            server.close();
        },
    };
}

/** Collect console messages and page errors of a page (for failure messages). */
export function watch(page) {
    const log = [];
    page.on("console", (m) => log.push(`console.${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => log.push(`pageerror: ${e.message}`));
    return log;
}

// A stand-in for navigator.serial (headless Chromium has no port picker and no USB), injected
// before the page's scripts with page.addInitScript(fakeSerial, {url, vendor, product}). Its
// ports are WebSocket connections to tests/web/serial-bridge.mjs, behind which a board runs.
// What the page asked for is recorded in window.__serial (requestPort filters, open options,
// setSignals calls) for the tests to check.

/** The init script (runs in the page, so it must not use anything from this module's scope). */
export function fakeSerial({ url, vendor = 0x2e8a, product = 0x0005 }) {
    const rec = { filters: null, opens: [], signals: [], ports: 0 };
    window.__serial = rec;

    class FakePort extends EventTarget {
        constructor() {
            super();
            this.readable = null;
            this.writable = null;
            this.ws = null;
            this.ondisconnect = null;
        }
        getInfo() {
            return { usbVendorId: vendor, usbProductId: product };
        }
        async open(options) {
            if (!options || !options.baudRate) throw new TypeError("baudRate is required");
            if (this.ws) throw new DOMException("The port is already open.", "InvalidStateError");
            rec.opens.push({ ...options });
            const ws = new WebSocket(url);
            ws.binaryType = "arraybuffer";
            await new Promise((ok, fail) => {
                ws.onopen = ok;
                ws.onerror = () => fail(new DOMException("Failed to open serial port.", "NetworkError"));
            });
            this.ws = ws;
            let ctrl = null;
            let gone = false;
            this.readable = new ReadableStream({
                start(c) {
                    ctrl = c;
                },
            });
            ws.onmessage = (e) => {
                if (!gone) ctrl.enqueue(new Uint8Array(e.data));
            };
            ws.onclose = () => {
                if (gone) return;
                gone = true;
                try {
                    ctrl.error(new DOMException("The device has been lost.", "NetworkError"));
                } catch {}
                const ev = new Event("disconnect", { bubbles: true });
                this.dispatchEvent(ev);
            };
            this.closeLink = () => {
                gone = true;
                try {
                    ctrl.close();
                } catch {}
                ws.close();
            };
            this.writable = new WritableStream({
                write(chunk) {
                    if (ws.readyState !== WebSocket.OPEN) throw new DOMException("The device has been lost.", "NetworkError");
                    ws.send(chunk);
                },
            });
        }
        async setSignals(s) {
            if (!this.ws) throw new DOMException("The port is closed.", "InvalidStateError");
            rec.signals.push({ ...s });
        }
        async getSignals() {
            return { dataCarrierDetect: true, clearToSend: true, ringIndicator: false, dataSetReady: true };
        }
        async close() {
            if (!this.ws) return;
            if (this.readable && this.readable.locked) throw new TypeError("Cannot close a port with a locked stream");
            this.closeLink();
            this.ws = null;
            this.readable = null;
            this.writable = null;
        }
    }

    const fake = new EventTarget();
    fake.requestPort = async (options = {}) => {
        rec.filters = options.filters || null;
        rec.ports++;
        const port = new FakePort();
        // The 'disconnect' event of navigator.serial targets the port.
        port.addEventListener("disconnect", () => {
            const ev = new Event("disconnect");
            Object.defineProperty(ev, "target", { value: port });
            fake.dispatchEvent(ev);
        });
        return port;
    };
    fake.getPorts = async () => [];
    Object.defineProperty(Navigator.prototype, "serial", { get: () => fake, configurable: true });
}

/** A Python object seen from JS: callable, with attribute get/set, iteration and conversion. */
export interface PyProxyObject {
    (...args: unknown[]): unknown;
    [name: string]: any;
    /** Deep conversion: lists/tuples to Arrays, dicts to Objects. */
    toJs(): unknown;
    /** Release the Python object now (otherwise released when JS garbage-collects the proxy). */
    destroy(): void;
    /** The Python type name. */
    readonly type: string;
    /** The handle of the Python object (as MicroPython's `_ref`). */
    readonly _ref: number;
    [Symbol.iterator](): Iterator<unknown>;
}

/** A Python exception thrown into JS. `message` is the whole traceback text. */
export interface PythonError extends Error {
    name: "PythonError";
    /** The Python exception class name, e.g. "ValueError". */
    type: string;
}

/** Options of `loadMicroPython`. */
export interface LoadOptions {
    /** Output: one string per line when `linebuffer` is true, else Uint8Array chunks. */
    stdout?: (data: string | Uint8Array) => void;
    /** Error output, like `stdout`. */
    stderr?: (data: string | Uint8Array) => void;
    /** `input()`: returns the line (or a promise of it in runPythonAsync); null for EOF. */
    stdin?: () => string | null | Promise<string | null>;
    /** Python heap limit in bytes. */
    heapsize?: number;
    /** Line-buffered string output (default true). */
    linebuffer?: boolean;
    /** URL of ferropy.wasm (default: next to this module). */
    url?: string | URL;
    /**
     * Install the simulated Pico-like board (`machine`, `neopixel`, `ssd1306`) in real time and
     * expose it as `mp.board` (default false).
     */
    board?: boolean;
}

/** A pin-change event of the simulated board. */
export interface PinEvent {
    pin: number;
    value: 0 | 1;
    /** The board's clock in milliseconds. */
    time: number;
}

/** A GPIO pin of the simulated board. */
export interface BoardPin {
    readonly pin: number;
    /** The pin's level. */
    readonly value: 0 | 1;
    /** PWM on the pin (duty 0..65535), or null. */
    readonly pwm: { freq: number; duty: number } | null;
    on(event: "change", cb: (ev: PinEvent) => void): BoardPin;
    off(event: "change", cb: (ev: PinEvent) => void): BoardPin;
    /** Press a push button on the pin: to 0 with a pull-up (or none), to 1 with a pull-down. */
    press(): void;
    /** Release it (the pin goes back to its pull). */
    release(): void;
    /** Drive the pin from outside (0/1), or let it go (null). */
    set(level: 0 | 1 | boolean | null): void;
}

/** The simulated board (`loadMicroPython({board: true})`). */
export interface Board {
    /** A GPIO pin (0..29, or "LED" for 25). */
    pin(pin: number | "LED"): BoardPin;
    /** An ADC input (pins 26..29, or channel 0..4): a potentiometer as a fraction 0..1. */
    adc(pin: number): { set(fraction: number): void; readonly value: number };
    /** The AHT20-style sensor on I2C at 0x38. */
    sensor: {
        set(values: { temperature?: number; humidity?: number }): void;
        get(): { temperature: number; humidity: number };
    };
    /** The SSD1306 128x64 OLED on I2C at 0x3C. */
    oled: {
        readonly width: 128;
        readonly height: 64;
        /** 1024 bytes: byte `(y >> 3) * 128 + x`, bit `y & 7` (framebuf's MONO_VLSB). */
        readonly pixels: Uint8Array;
        pixel(x: number, y: number): 0 | 1;
        /** Whether the display is switched on (command 0xAF). */
        readonly displayOn: boolean;
        readonly inverted: boolean;
        on(event: "change", cb: (pixels: Uint8Array) => void): unknown;
        off(event: "change", cb: (pixels: Uint8Array) => void): unknown;
    };
    /** The colours last written to the NeoPixel strip on a pin. */
    neopixels(pin: number): [number, number, number][];
    on(event: "change", cb: (ev: PinEvent) => void): Board;
    on(event: "output", cb: () => void): Board;
    off(event: "change" | "output", cb: (...args: any[]) => void): Board;
    /** The board's clock in milliseconds. */
    readonly time: number;
    /** Bring the board's clock up to the real one and run due IRQ handlers. */
    sync(): void;
    /** Stop keeping the clock (before dropping the interpreter). */
    close(): void;
}

/** The in-memory file system that `open()` and `import` use. */
export interface FileSystem {
    writeFile(path: string, data: string | Uint8Array, opts?: { canOwn?: boolean }): void;
    readFile(path: string, opts?: { encoding?: "utf8" | "binary" }): Uint8Array | string;
    mkdir(path: string): void;
    mkdirTree(path: string): void;
    readdir(path: string): string[];
    unlink(path: string): void;
    rmdir(path: string): void;
    rename(from: string, to: string): void;
    stat(path: string): { mode: number; size: number; mtime: Date; isDir: boolean };
    isDir(mode: number): boolean;
    isFile(mode: number): boolean;
    analyzePath(path: string): { exists: boolean; path: string; name: string; error?: unknown };
    cwd(): string;
}

/** The interpreter. */
export interface MicroPython {
    runPython(code: string): any;
    /**
     * Top-level `await` allowed; starts from the event loop. Runs are separate suspended
     * computations: several (and the REPL's code) may wait at once and interleave at their
     * awaits. Code that uses asyncio runs as an asyncio task (it may await events and tasks).
     */
    runPythonAsync(code: string): Promise<any>;
    registerJsModule(name: string, module: object): void;
    pyimport(name: string): PyProxyObject;
    globals: {
        get(name: string): any;
        set(name: string, value: unknown): void;
        delete(name: string): void;
    };
    replInit(): void;
    /**
     * Feed the REPL one byte; returns 0, or 0x100 after a soft reset. Typed code that finishes
     * within ~10 ms is done on return; code that sleeps, waits (input(), promises) or runs longer
     * goes on in the background (its output arrives later through stdout) and the call returns 0
     * at once. Bytes given meanwhile are handled in order afterwards; Ctrl-C (3) interrupts the
     * code. A soft reset that happens in the background is returned by the next call. Typed code
     * and runPythonAsync runs are separate: each may suspend while the others wait.
     */
    replProcessChar(c: number | string): number;
    /** Resolves when the REPL has handled every byte given so far and their code has finished. */
    replIdle(): Promise<void>;
    /**
     * Feed the REPL one byte; typed code suspends on sleeps, input() and awaited promises and
     * the promise resolves when it has finished. Calls made meanwhile wait their turn, except
     * Ctrl-C (3), which interrupts the running code.
     */
    replProcessCharWithAsyncify(c: number | string): Promise<number>;
    interrupt(): void;
    FS: FileSystem;
    _module: {
        PATH: { dirname(p: string): string; basename(p: string): string; normalize(p: string): string; join(...p: string[]): string };
        PATH_FS: { resolve(...p: string[]): string };
        FS: FileSystem;
    };
    mountNativeFS(path: string, handle: unknown): Promise<never>;
    PyProxy: typeof PyProxy;
    /** The simulated board, with `loadMicroPython({board: true})`; else null. */
    board: Board | null;
}

/** The class of proxies of non-callable Python objects (`x instanceof PyProxy`), with helpers. */
export declare class PyProxy {
    readonly _ref: number;
    static toJs(value: unknown): unknown;
    static isPyProxy(value: unknown): boolean;
}

/** Load an interpreter. */
export declare function loadMicroPython(options?: LoadOptions): Promise<MicroPython>;
export default loadMicroPython;

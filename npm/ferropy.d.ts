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
    runPythonAsync(code: string): Promise<any>;
    registerJsModule(name: string, module: object): void;
    pyimport(name: string): PyProxyObject;
    globals: {
        get(name: string): any;
        set(name: string, value: unknown): void;
        delete(name: string): void;
    };
    replInit(): void;
    replProcessChar(c: number | string): number;
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
}

/** Static PyProxy helpers. */
export declare const PyProxy: {
    toJs(value: unknown): unknown;
    isPyProxy(value: unknown): boolean;
};

/** Load an interpreter. */
export declare function loadMicroPython(options?: LoadOptions): Promise<MicroPython>;
export default loadMicroPython;

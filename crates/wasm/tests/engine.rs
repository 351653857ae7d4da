//! wasm-bindgen-test unit tests of the Rust side of the browser engine: conversions both ways,
//! PyProxy handles (one per object), JsProxy objects, `JsException`, errors as `PythonError`,
//! the in-memory file system, and resumable runs (several suspended at once). Run by
//! `scripts/test-wasm.sh` with wasm-bindgen-test-runner, under node and in headless Chromium.
#![cfg(target_arch = "wasm32")]

use ferropy_wasm::{ffi, set_hooks, Engine};
use js_sys::{Array, BigInt, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// An engine whose PyProxies are plain `{h, kind}` objects (what the npm glue's factory gets).
fn engine() -> Engine {
    set_hooks(
        Function::new_with_args("h, e, k", "return {h: h, kind: k}"),
        Function::new_with_args("v", "return v && typeof v.h === 'number' ? v.h : undefined"),
    );
    let out = Function::new_no_args("");
    Engine::new(
        0.0,
        out.clone().into(),
        out.into(),
        JsValue::UNDEFINED,
        true,
    )
    .unwrap_or_else(|_| panic!("engine"))
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn scalars_convert_both_ways() {
    let e = engine();
    assert_eq!(
        e.run_python("1 + 2").ok().and_then(|v| v.as_f64()),
        Some(3.0)
    );
    assert_eq!(e.run_python("0.5").ok().and_then(|v| v.as_f64()), Some(0.5));
    assert_eq!(
        e.run_python("True").ok().and_then(|v| v.as_bool()),
        Some(true)
    );
    assert!(e.run_python("None").map(|v| v.is_null()).unwrap_or(false));
    assert_eq!(
        e.run_python("'é' * 2").ok().and_then(|v| v.as_string()),
        Some(String::from("éé"))
    );
    // Integers past 2**53 are exact BigInts.
    let big = e.run_python("2**64").unwrap_or(JsValue::NULL);
    assert!(big.is_bigint());
    let text: String = big
        .unchecked_ref::<BigInt>()
        .to_string(10)
        .map(String::from)
        .unwrap_or_default();
    assert_eq!(text, "18446744073709551616");
    let b = e.run_python("b'\\x00\\xff'").unwrap_or(JsValue::NULL);
    assert_eq!(b.unchecked_ref::<Uint8Array>().to_vec(), vec![0, 255]);
    e.globals_set("n", BigInt::from(1u64 << 60).into()).ok();
    e.globals_set("u", Uint8Array::from(&[1u8, 2][..]).into())
        .ok();
    assert_eq!(
        e.run_python("n == 2**60 and u == b'\\x01\\x02'")
            .ok()
            .and_then(|v| v.as_bool()),
        Some(true)
    );
}

#[wasm_bindgen_test]
fn objects_get_one_handle_each() {
    let e = engine();
    e.run_python("l = [1, 2]\nd = {'a': 1}").ok();
    let a = e.globals_get("l").unwrap_or(JsValue::NULL);
    let b = e.globals_get("l").unwrap_or(JsValue::NULL);
    assert_eq!(get(&a, "kind").as_string().as_deref(), Some("list"));
    assert_eq!(get(&a, "h").as_f64(), get(&b, "h").as_f64());
    let d = e.globals_get("d").unwrap_or(JsValue::NULL);
    assert_eq!(get(&d, "kind").as_string().as_deref(), Some("dict"));
    let h = get(&a, "h").as_f64().unwrap_or(-1.0) as u32;
    assert!(h >= 3, "handles 0..=2 are reserved");
    let live = ffi::live_handles();
    ferropy_wasm::py_release(h);
    assert_eq!(ffi::live_handles(), live - 1);
    // A proxy given back to Python is the object itself.
    e.globals_set("back", d).ok();
    assert_eq!(
        e.run_python("back is d").ok().and_then(|v| v.as_bool()),
        Some(true)
    );
}

#[wasm_bindgen_test]
fn js_objects_are_jsproxies() {
    let e = engine();
    let o = Object::new();
    Reflect::set(&o, &"x".into(), &JsValue::from_f64(5.0)).ok();
    Reflect::set(&o, &"nothing".into(), &JsValue::UNDEFINED).ok();
    e.register_js_module("m", o.clone().into()).ok();
    assert_eq!(
        e.run_python("import m\nrepr(m)")
            .ok()
            .and_then(|v| v.as_string()),
        Some(String::from("<JsProxy 2>"))
    );
    assert_eq!(
        e.run_python("m.x * 10 + hasattr(m, 'y')")
            .ok()
            .and_then(|v| v.as_f64()),
        Some(50.0)
    );
    assert_eq!(
        e.run_python("repr(m.nothing)")
            .ok()
            .and_then(|v| v.as_string()),
        Some(String::from("<undefined>"))
    );
    e.run_python("m.y = [1]").ok();
    assert!(Reflect::get(&o, &"y".into())
        .map(|v| v.is_object())
        .unwrap_or(false));
    // Python reads of JS values stay live.
    Reflect::set(&o, &"x".into(), &JsValue::from_f64(6.0)).ok();
    assert_eq!(e.run_python("m.x").ok().and_then(|v| v.as_f64()), Some(6.0));
}

#[wasm_bindgen_test]
fn errors_cross_as_python_error_and_js_exception() {
    let e = engine();
    let err = e.run_python("1/0").err().unwrap_or(JsValue::NULL);
    assert_eq!(
        get(&err, "name").as_string().as_deref(),
        Some("PythonError")
    );
    assert_eq!(
        get(&err, "type").as_string().as_deref(),
        Some("ZeroDivisionError")
    );
    let msg = get(&err, "message").as_string().unwrap_or_default();
    assert!(
        msg.starts_with("Traceback (most recent call last):"),
        "{}",
        msg
    );
    assert!(
        msg.ends_with("ZeroDivisionError: division by zero\n"),
        "{}",
        msg
    );
    let thrower = Function::new_no_args("throw new TypeError('boom')");
    e.globals_set("thrower", thrower.into()).ok();
    let r = e.run_python(
        "import jsffi\ntry:\n    thrower()\nexcept jsffi.JsException as x:\n    r = x.args[1] + ':' + x.args[2]\nr",
    );
    assert_eq!(
        r.ok().and_then(|v| v.as_string()),
        Some(String::from("TypeError:boom"))
    );
    // The JsException goes back to JS as the original error.
    e.run_python("try:\n    thrower()\nexcept Exception as x:\n    err = x")
        .ok();
    let back = e.globals_get("err").unwrap_or(JsValue::NULL);
    assert!(back.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn file_system_and_imports_from_lib() {
    let e = engine();
    e.fs_mkdir("/lib").ok();
    e.fs_write_file("/lib/modx.py", JsValue::from_str("v = 42\n"))
        .ok();
    assert_eq!(
        e.run_python("import modx\nmodx.v")
            .ok()
            .and_then(|v| v.as_f64()),
        Some(42.0)
    );
    e.run_python("open('/data.bin', 'wb').write(b'ab')").ok();
    let d = e
        .fs_read_file("/data.bin")
        .map(|a| a.to_vec())
        .unwrap_or_default();
    assert_eq!(d, b"ab".to_vec());
    let names: Vec<String> = e
        .fs_readdir("/")
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    assert!(names.contains(&String::from("lib")) && names.contains(&String::from("data.bin")));
    let err = e.fs_read_file("/missing").err().unwrap_or(JsValue::NULL);
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("ENOENT"));
    assert_eq!(get(&err, "errno").as_f64(), Some(2.0));
}

/// `[kind, value, run]` of a step.
fn step(s: &JsValue) -> (String, JsValue, u32) {
    let a: &Array = s.unchecked_ref();
    (
        a.get(0).as_string().unwrap_or_default(),
        a.get(1),
        a.get(2).as_f64().unwrap_or(0.0) as u32,
    )
}

#[wasm_bindgen_test]
fn runs_suspend_separately_and_interleave() {
    let e = engine();
    let p = js_sys::Promise::resolve(&JsValue::from_f64(1.0));
    e.globals_set("p", p.into()).ok();
    let a = e
        .start_async("log = ['a0']\nx = await p\nlog.append('a1')\nx", None, None)
        .unwrap_or(JsValue::NULL);
    let (kind, _, run_a) = step(&a);
    assert_eq!(kind, "await");
    let b = e
        .start_async(
            "log.append('b0')\ny = input()\nlog.append('b1')\ny",
            None,
            None,
        )
        .unwrap_or(JsValue::NULL);
    let (kind, _, run_b) = step(&b);
    assert_eq!(kind, "input");
    assert_ne!(run_a, run_b);
    assert!(e.is_suspended());
    // Synchronous code runs while both wait.
    assert_eq!(
        e.run_python("len(log)").ok().and_then(|v| v.as_f64()),
        Some(2.0)
    );
    let (kind, v, _) = step(&e.resume(run_b, "typed".into()).unwrap_or(JsValue::NULL));
    assert_eq!(
        (kind.as_str(), v.as_string()),
        ("done", Some(String::from("typed")))
    );
    let (kind, v, _) = step(
        &e.resume(run_a, JsValue::from_f64(7.0))
            .unwrap_or(JsValue::NULL),
    );
    assert_eq!((kind.as_str(), v.as_f64()), ("done", Some(7.0)));
    assert!(!e.is_suspended());
    assert_eq!(
        e.run_python("'-'.join(log)")
            .ok()
            .and_then(|v| v.as_string()),
        Some(String::from("a0-b0-b1-a1"))
    );
    // A run that fails after resuming rejects with PythonError; the VM stays usable.
    let s = e
        .start_async("await p\n1/0", None, None)
        .unwrap_or(JsValue::NULL);
    let (_, _, run) = step(&s);
    let err = e.resume(run, JsValue::NULL).err().unwrap_or(JsValue::NULL);
    assert_eq!(
        get(&err, "type").as_string().as_deref(),
        Some("ZeroDivisionError")
    );
    assert_eq!(e.run_python("2").ok().and_then(|v| v.as_f64()), Some(2.0));
}

#[wasm_bindgen_test]
fn coroutines_called_from_js_run_on_their_own() {
    let e = engine();
    e.run_python("async def f(p):\n    v = await p\n    return v * 2")
        .ok();
    let coro = e
        .run_python("import js\nf(js.Promise.resolve(21))")
        .unwrap_or(JsValue::NULL);
    let (kind, _, run) = step(&e.start_coroutine(coro).unwrap_or(JsValue::NULL));
    assert_eq!(kind, "await");
    let (kind, v, _) = step(
        &e.resume(run, JsValue::from_f64(21.0))
            .unwrap_or(JsValue::NULL),
    );
    assert_eq!((kind.as_str(), v.as_f64()), ("done", Some(42.0)));
}

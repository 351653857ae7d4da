//! The simulated board in the browser: `Engine.enableBoard` installs `machine`, `neopixel` and
//! `ssd1306` over a [`ferropy_machine::Board`] running in real time (sleeps wait 20 ms at a time;
//! the host keeps the board's clock up with the real one through `boardSync`), and the `board*`
//! methods let the page read and drive it: pin levels, pressed buttons, ADC inputs, the sensor,
//! the OLED's pixels and the NeoPixel strips. Pin and output changes are reported to a JS
//! listener as they happen (`listener("pin", pin, level)`, `listener("output")`).

use std::cell::RefCell;
use std::collections::HashMap;

use ferropy_machine::Board;
use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::ffi::{enter, js_error, python_error};
use crate::Engine;

/// A board attached to an engine, with the real time (ms) its clock started at.
struct Attached {
    board: Board,
    origin_ms: f64,
}

thread_local! {
    static BOARDS: RefCell<HashMap<u32, Attached>> = RefCell::new(HashMap::new());
}

fn board_of(id: u32) -> Result<Board, JsValue> {
    BOARDS
        .with(|b| b.borrow().get(&id).map(|a| a.board.clone()))
        .ok_or_else(|| {
            js_error("ferropy: the simulated board is not enabled (loadMicroPython({board: true}))")
        })
}

fn set(o: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &k.into(), v);
}

#[wasm_bindgen]
impl Engine {
    /// Install the simulated board (once): `machine` in real time, with `listener(kind, ...)`
    /// told about pin changes (`"pin", pin, level`) and OLED/NeoPixel changes
    /// (`"output"`).
    #[wasm_bindgen(js_name = enableBoard)]
    pub fn enable_board(&self, listener: JsValue) -> Result<(), JsValue> {
        if BOARDS.with(|b| b.borrow().contains_key(&self.id)) {
            return Ok(());
        }
        let vm = enter(self.id)?;
        let board = Board::sim();
        if let Err(e) = ferropy_machine::install_with(vm, board.clone(), true) {
            return Err(python_error(vm, &e));
        }
        if let Ok(f) = listener.dyn_into::<Function>() {
            let pin_f = f.clone();
            board.on_change(move |c| {
                let _ = pin_f.call3(
                    &JsValue::NULL,
                    &"pin".into(),
                    &JsValue::from_f64(c.pin as f64),
                    &JsValue::from_bool(c.level),
                );
            });
            board.on_output(move || {
                let _ = f.call1(&JsValue::NULL, &"output".into());
            });
        }
        BOARDS.with(|b| {
            b.borrow_mut().insert(
                self.id,
                Attached {
                    board,
                    origin_ms: js_sys::Date::now(),
                },
            )
        });
        Ok(())
    }

    /// Whether the simulated board is installed.
    #[wasm_bindgen(js_name = hasBoard)]
    pub fn has_board(&self) -> bool {
        BOARDS.with(|b| b.borrow().contains_key(&self.id))
    }

    /// Bring the board's clock up to the real one and get due IRQ/timer callbacks run: at once
    /// when no run is suspended, else scheduled inside the run (they execute when it resumes).
    #[wasm_bindgen(js_name = boardSync)]
    pub fn board_sync(&self) -> Result<(), JsValue> {
        let origin = BOARDS
            .with(|b| b.borrow().get(&self.id).map(|a| a.origin_ms))
            .ok_or_else(|| js_error("ferropy: the simulated board is not enabled"))?;
        let vm = enter(self.id)?;
        let elapsed = (js_sys::Date::now() - origin).max(0.0);
        let t = (elapsed * 1000.0) as u64;
        let idle = !vm.is_suspended();
        ferropy_machine::host_sync(vm, Some(t), idle).map_err(|e| python_error(vm, &e))
    }

    /// The board's clock in microseconds.
    #[wasm_bindgen(js_name = boardNow)]
    pub fn board_now(&self) -> Result<f64, JsValue> {
        Ok(board_of(self.id)?.now_us() as f64)
    }

    /// The level of a pin (0..=29).
    #[wasm_bindgen(js_name = boardPinValue)]
    pub fn board_pin_value(&self, pin: u32) -> Result<bool, JsValue> {
        Ok(board_of(self.id)?.pin_value(pin))
    }

    /// Drive an input pin from outside: `true`/`false`, or `null`/`undefined` to let it go.
    #[wasm_bindgen(js_name = boardSetInput)]
    pub fn board_set_input(&self, pin: u32, level: JsValue) -> Result<(), JsValue> {
        let b = board_of(self.id)?;
        let level = if level.is_null() || level.is_undefined() {
            None
        } else {
            Some(level.is_truthy())
        };
        b.set_input(pin, level);
        self.board_sync()
    }

    /// Press a button on a pin (drive it to 0 with a pull-up or no pull, 1 with a pull-down).
    #[wasm_bindgen(js_name = boardPress)]
    pub fn board_press(&self, pin: u32) -> Result<(), JsValue> {
        let b = board_of(self.id)?;
        let level = b.0.borrow().active_level(pin);
        b.set_input(pin, Some(level));
        self.board_sync()
    }

    /// Set an ADC input (pin 26..=29, or channel 0..=4) as a fraction of full scale.
    #[wasm_bindgen(js_name = boardSetAdc)]
    pub fn board_set_adc(&self, pin: u32, fraction: f64) -> Result<(), JsValue> {
        board_of(self.id)?.set_adc(pin, fraction);
        Ok(())
    }

    /// An ADC input as a fraction of full scale.
    #[wasm_bindgen(js_name = boardAdc)]
    pub fn board_adc(&self, pin: u32) -> Result<f64, JsValue> {
        Ok(board_of(self.id)?.0.borrow().adc_value(pin))
    }

    /// Set what the I2C temperature/humidity sensor measures.
    #[wasm_bindgen(js_name = boardSetSensor)]
    pub fn board_set_sensor(&self, celsius: f64, humidity: f64) -> Result<(), JsValue> {
        let c = if celsius.is_finite() { celsius } else { 0.0 };
        let h = if humidity.is_finite() { humidity } else { 0.0 };
        board_of(self.id)?.set_sensor(c, h);
        Ok(())
    }

    /// What the sensor measures: `{temperature, humidity}`.
    #[wasm_bindgen(js_name = boardSensor)]
    pub fn board_sensor(&self) -> Result<JsValue, JsValue> {
        let (t, h) = board_of(self.id)?.0.borrow().sensor();
        let o = Object::new();
        set(&o, "temperature", &JsValue::from_f64(t));
        set(&o, "humidity", &JsValue::from_f64(h));
        Ok(o.into())
    }

    /// The OLED's framebuffer: 1024 bytes, byte `page * 128 + x`, bit `y % 8`.
    #[wasm_bindgen(js_name = boardOled)]
    pub fn board_oled(&self) -> Result<Uint8Array, JsValue> {
        let fb = board_of(self.id)?.oled_framebuffer();
        Ok(Uint8Array::from(fb.as_slice()))
    }

    /// The OLED's state: `{on, inverted}`.
    #[wasm_bindgen(js_name = boardOledState)]
    pub fn board_oled_state(&self) -> Result<JsValue, JsValue> {
        let (on, inv) = board_of(self.id)?.oled_state();
        let o = Object::new();
        set(&o, "on", &JsValue::from_bool(on));
        set(&o, "inverted", &JsValue::from_bool(inv));
        Ok(o.into())
    }

    /// The colours last written to the NeoPixel strip on a pin: `[[r, g, b], ...]`.
    #[wasm_bindgen(js_name = boardNeopixels)]
    pub fn board_neopixels(&self, pin: u32) -> Result<Array, JsValue> {
        let px = board_of(self.id)?.neopixels(pin);
        let out = Array::new();
        for (r, g, b) in px {
            let a = Array::new();
            a.push(&JsValue::from_f64(r as f64));
            a.push(&JsValue::from_f64(g as f64));
            a.push(&JsValue::from_f64(b as f64));
            out.push(&a);
        }
        Ok(out)
    }

    /// PWM on a pin: `{freq, duty}` (duty 0..=65535), or null when none runs.
    #[wasm_bindgen(js_name = boardPwm)]
    pub fn board_pwm(&self, pin: u32) -> Result<JsValue, JsValue> {
        let st = board_of(self.id)?.0.borrow().pwm_state(pin);
        Ok(match st {
            Some((freq, duty)) => {
                let o = Object::new();
                set(&o, "freq", &JsValue::from_f64(freq as f64));
                set(&o, "duty", &JsValue::from_f64(duty as f64));
                o.into()
            }
            None => JsValue::NULL,
        })
    }
}

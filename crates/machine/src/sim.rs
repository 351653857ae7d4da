//! The simulated board: a Raspberry Pi Pico-like board (GPIO 0..=29, LED on 25, ADC on 26..=29
//! plus the temperature channel 4) in virtual time, with an I2C bus carrying an AHT20-style
//! temperature/humidity sensor at 0x38 and an SSD1306-style 128x64 OLED at 0x3C, loopback SPI and
//! UARTs, and a NeoPixel strip on any pin.
//!
//! The sensor protocol (AHT20): write `BE 08 00` to initialise, write `AC 33 00` to measure, then
//! read 7 bytes: status (0x18: calibrated, not busy), 20 bits of humidity (`RH% / 100 * 2^20`),
//! 20 bits of temperature (`(T + 50) / 200 * 2^20`) and a CRC-8 (polynomial 0x31, initial 0xFF).
//! Writing `71` and reading 1 byte gives the status, so `readfrom_mem(0x38, 0x71, 1)` works.
//!
//! The OLED follows the SSD1306 I2C protocol: each write starts with a control byte (0x00: commands
//! follow, 0x80: one command then another control byte, 0x40: display data follows, 0xC0: one data
//! byte). Commands 0x20 (addressing mode), 0x21 (column window), 0x22 (page window), 0xB0..0xB7 and
//! 0x00..0x1F (page-mode address), 0xAE/0xAF (off/on), 0xA6/0xA7 (invert) and 0x81 (contrast) are
//! interpreted; the other multi-byte commands are accepted and ignored. The framebuffer is 1024
//! bytes in the device's page layout (byte `page * 128 + x`, bit `y % 8`), the same as `framebuf`'s
//! MONO_VLSB.

use alloc::boxed::Box;
use alloc::collections::{BTreeMap, VecDeque};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::hal::{Event, Hal, PinMode, Pull, IRQ_FALLING, IRQ_RISING};

/// Number of GPIO pins.
pub const NUM_PINS: u32 = 30;
/// The on-board LED's pin.
pub const LED_PIN: u32 = 25;
/// I2C address of the temperature/humidity sensor.
pub const SENSOR_ADDR: u8 = 0x38;
/// I2C address of the OLED.
pub const OLED_ADDR: u8 = 0x3C;
/// OLED width in pixels.
pub const OLED_WIDTH: usize = 128;
/// OLED height in pixels.
pub const OLED_HEIGHT: usize = 64;

/// One entry of the pin-change log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PinChange {
    /// Virtual time of the change, in microseconds.
    pub time_us: u64,
    /// The pin.
    pub pin: u32,
    /// The new level.
    pub level: bool,
}

/// A host callback for pin changes.
type Listener = Box<dyn FnMut(&PinChange)>;
/// A host callback for changes of the OLED or a NeoPixel strip.
type OutputListener = Box<dyn FnMut()>;

#[derive(Clone, Copy)]
struct PinState {
    mode: PinMode,
    pull: Pull,
    out: bool,
    /// What the outside world drives onto the pin (a pressed button), if anything.
    drive: Option<bool>,
    irq: u8,
    pwm: Option<(u32, u16)>,
    level: bool,
}

impl Default for PinState {
    fn default() -> Self {
        PinState {
            mode: PinMode::In,
            pull: Pull::None,
            out: false,
            drive: None,
            irq: 0,
            pwm: None,
            level: false,
        }
    }
}

impl PinState {
    fn compute(&self) -> bool {
        match self.mode {
            PinMode::Out => self.out,
            PinMode::OpenDrain if !self.out => false,
            PinMode::Alt => self.level,
            _ => self.drive.unwrap_or(self.pull == Pull::Up),
        }
    }
}

#[derive(Clone, Copy)]
struct TimerState {
    due: u64,
    period: u64,
    periodic: bool,
}

/// The AHT20-style sensor.
struct Sensor {
    last_cmd: u8,
}

/// The SSD1306-style display.
struct Oled {
    fb: Vec<u8>,
    on: bool,
    invert: bool,
    contrast: u8,
    mode: u8,
    col: (u8, u8),
    page: (u8, u8),
    x: u8,
    p: u8,
    /// A command waiting for argument bytes, and the arguments so far.
    pending: Option<(u8, Vec<u8>)>,
}

/// The simulated board's state. Usually used through [`Board`].
pub struct SimBoard {
    now: u64,
    pins: Vec<PinState>,
    adc: [f64; 5],
    temperature: f64,
    humidity: f64,
    sensor: Sensor,
    oled: Oled,
    timers: BTreeMap<u32, TimerState>,
    scheduled: Vec<(u64, u32, Option<bool>)>,
    events: VecDeque<Event>,
    log: Vec<PinChange>,
    unnotified: Vec<PinChange>,
    listeners: Vec<Listener>,
    output_listeners: Vec<OutputListener>,
    /// Bumped whenever the OLED or a NeoPixel strip changes.
    output_gen: u64,
    /// `output_gen` when the output listeners last ran.
    output_notified: u64,
    uart_rx: BTreeMap<u32, VecDeque<u8>>,
    uart_tx: BTreeMap<u32, Vec<u8>>,
    uart_loopback: bool,
    neopixels: BTreeMap<u32, Vec<(u8, u8, u8)>>,
    wdt: Option<(u64, u64)>,
    freq: u32,
    rtc_base: (i64, u64),
    reset: Option<u8>,
}

impl Default for SimBoard {
    fn default() -> Self {
        SimBoard::new()
    }
}

fn crc8(data: &[u8]) -> u8 {
    let mut crc: u8 = 0xFF;
    for &b in data {
        crc ^= b;
        for _ in 0..8 {
            crc = if crc & 0x80 != 0 {
                (crc << 1) ^ 0x31
            } else {
                crc << 1
            };
        }
    }
    crc
}

impl Oled {
    fn new() -> Oled {
        Oled {
            fb: vec![0; OLED_WIDTH * OLED_HEIGHT / 8],
            on: false,
            invert: false,
            contrast: 0x7F,
            mode: 2,
            col: (0, 127),
            page: (0, 7),
            x: 0,
            p: 0,
            pending: None,
        }
    }

    fn args_needed(cmd: u8) -> usize {
        match cmd {
            0x21 | 0x22 => 2,
            0x20 | 0x81 | 0x8D | 0xA8 | 0xD3 | 0xD5 | 0xD9 | 0xDA | 0xDB | 0xA3 => 1,
            0x26 | 0x27 => 6,
            0x29 | 0x2A => 5,
            _ => 0,
        }
    }

    fn command(&mut self, b: u8) {
        if let Some((cmd, mut args)) = self.pending.take() {
            args.push(b);
            if args.len() < Self::args_needed(cmd) {
                self.pending = Some((cmd, args));
                return;
            }
            match cmd {
                0x20 => self.mode = args[0] & 3,
                0x21 => {
                    self.col = (args[0] & 127, args[1] & 127);
                    self.x = self.col.0;
                }
                0x22 => {
                    self.page = (args[0] & 7, args[1] & 7);
                    self.p = self.page.0;
                }
                0x81 => self.contrast = args[0],
                _ => {}
            }
            return;
        }
        match b {
            0xAE => self.on = false,
            0xAF => self.on = true,
            0xA6 => self.invert = false,
            0xA7 => self.invert = true,
            0xB0..=0xB7 => self.p = b & 7,
            0x00..=0x0F => self.x = (self.x & 0xF0) | b,
            0x10..=0x1F => self.x = ((b & 0x07) << 4) | (self.x & 0x0F),
            _ if Self::args_needed(b) > 0 => self.pending = Some((b, Vec::new())),
            _ => {}
        }
    }

    fn data(&mut self, b: u8) {
        let i = self.p as usize * OLED_WIDTH + self.x as usize;
        if let Some(slot) = self.fb.get_mut(i) {
            *slot = b;
        }
        if self.mode == 2 {
            self.x = (self.x + 1) & 127;
            return;
        }
        if self.mode == 1 {
            if self.p >= self.page.1 {
                self.p = self.page.0;
                self.x = if self.x >= self.col.1 {
                    self.col.0
                } else {
                    self.x + 1
                };
            } else {
                self.p += 1;
            }
            return;
        }
        if self.x >= self.col.1 {
            self.x = self.col.0;
            self.p = if self.p >= self.page.1 {
                self.page.0
            } else {
                self.p + 1
            };
        } else {
            self.x += 1;
        }
    }

    fn write(&mut self, data: &[u8]) {
        let mut i = 0;
        while i < data.len() {
            let ctrl = data[i];
            i += 1;
            let is_data = ctrl & 0x40 != 0;
            let continuation = ctrl & 0x80 != 0;
            if continuation {
                if let Some(&b) = data.get(i) {
                    if is_data {
                        self.data(b)
                    } else {
                        self.command(b)
                    }
                }
                i += 1;
                continue;
            }
            for &b in &data[i..] {
                if is_data {
                    self.data(b)
                } else {
                    self.command(b)
                }
            }
            return;
        }
    }
}

impl SimBoard {
    /// A fresh board at virtual time 0: all pins inputs, ADC inputs at half scale, the sensor
    /// reading 22.5 C and 45 %RH, the OLED off and blank.
    pub fn new() -> SimBoard {
        SimBoard {
            now: 0,
            pins: vec![PinState::default(); NUM_PINS as usize],
            adc: [0.5, 0.5, 0.5, 0.5, 0.706 / 3.3],
            temperature: 22.5,
            humidity: 45.0,
            sensor: Sensor { last_cmd: 0 },
            oled: Oled::new(),
            timers: BTreeMap::new(),
            scheduled: Vec::new(),
            events: VecDeque::new(),
            log: Vec::new(),
            unnotified: Vec::new(),
            listeners: Vec::new(),
            output_listeners: Vec::new(),
            output_gen: 0,
            output_notified: 0,
            uart_rx: BTreeMap::new(),
            uart_tx: BTreeMap::new(),
            uart_loopback: true,
            neopixels: BTreeMap::new(),
            wdt: None,
            freq: 125_000_000,
            rtc_base: (757_382_400, 0),
            reset: None,
        }
    }

    /// Re-evaluate a pin's level after its state changed; log and raise edges.
    fn update(&mut self, pin: u32) {
        let now = self.now;
        let Some(p) = self.pins.get_mut(pin as usize) else {
            return;
        };
        let new = p.compute();
        if new == p.level {
            return;
        }
        p.level = new;
        let trig = if new { IRQ_RISING } else { IRQ_FALLING };
        if p.irq & trig != 0 {
            self.events.push_back(Event::Edge { pin, rising: new });
        }
        let c = PinChange {
            time_us: now,
            pin,
            level: new,
        };
        self.log.push(c);
        if !self.listeners.is_empty() {
            self.unnotified.push(c);
        }
    }

    /// Drive an input from outside (`Some(level)`, e.g. a pressed button) or let it float back to
    /// its pull (`None`).
    pub fn drive(&mut self, pin: u32, level: Option<bool>) {
        if let Some(p) = self.pins.get_mut(pin as usize) {
            p.drive = level;
            self.update(pin);
        }
    }

    /// Drive an input at a later virtual time (`delay_us` from now).
    pub fn drive_later(&mut self, pin: u32, delay_us: u64, level: Option<bool>) {
        let t = self.now.saturating_add(delay_us);
        self.scheduled.push((t, pin, level));
    }

    /// The level a pressed button gives on this pin: 0 with a pull-up (or none), 1 with a pull-down.
    pub fn active_level(&self, pin: u32) -> bool {
        self.pins
            .get(pin as usize)
            .map(|p| p.pull == Pull::Down)
            .unwrap_or(false)
    }

    /// The next scheduled outside change of a pin, if any (time, level).
    pub fn next_drive(&self, pin: u32) -> Option<(u64, Option<bool>)> {
        self.scheduled
            .iter()
            .filter(|(_, p, _)| *p == pin)
            .min_by_key(|(t, _, _)| *t)
            .map(|(t, _, l)| (*t, *l))
    }

    /// The level of a pin.
    pub fn pin_value(&self, pin: u32) -> bool {
        self.pins
            .get(pin as usize)
            .map(|p| p.level)
            .unwrap_or(false)
    }

    /// PWM settings of a pin (frequency, duty_u16), if PWM is running there.
    pub fn pwm_state(&self, pin: u32) -> Option<(u32, u16)> {
        self.pins.get(pin as usize).and_then(|p| p.pwm)
    }

    /// Set an ADC input (a pin 26..=29 or a channel 0..=4) as a fraction of full scale (0.0..=1.0).
    pub fn set_adc(&mut self, pin_or_channel: u32, fraction: f64) {
        let ch = if pin_or_channel >= 26 {
            pin_or_channel - 26
        } else {
            pin_or_channel
        };
        if let Some(a) = self.adc.get_mut(ch as usize) {
            *a = if fraction.is_nan() {
                0.0
            } else {
                fraction.clamp(0.0, 1.0)
            };
        }
    }

    /// Set what the I2C sensor measures.
    pub fn set_sensor(&mut self, celsius: f64, humidity: f64) {
        self.temperature = celsius.clamp(-50.0, 150.0);
        self.humidity = humidity.clamp(0.0, 100.0);
    }

    /// The OLED's framebuffer (1024 bytes, page layout; see the module docs).
    pub fn oled_framebuffer(&self) -> &[u8] {
        &self.oled.fb
    }

    /// One OLED pixel (as stored, before display inversion).
    pub fn oled_pixel(&self, x: usize, y: usize) -> bool {
        if x >= OLED_WIDTH || y >= OLED_HEIGHT {
            return false;
        }
        self.oled.fb[(y / 8) * OLED_WIDTH + x] >> (y % 8) & 1 != 0
    }

    /// Whether the OLED is switched on, and whether it is inverted.
    pub fn oled_state(&self) -> (bool, bool) {
        (self.oled.on, self.oled.invert)
    }

    /// The colours last written to the NeoPixel strip on a pin.
    pub fn neopixels(&self, pin: u32) -> &[(u8, u8, u8)] {
        self.neopixels.get(&pin).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Everything written to a UART so far.
    pub fn uart_output(&self, id: u32) -> &[u8] {
        self.uart_tx.get(&id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Feed bytes into a UART's receive buffer.
    pub fn uart_feed(&mut self, id: u32, data: &[u8]) {
        self.uart_rx.entry(id).or_default().extend(data);
    }

    /// Whether UART writes also arrive in the same UART's receive buffer (default true).
    pub fn set_uart_loopback(&mut self, on: bool) {
        self.uart_loopback = on;
    }

    /// The log of pin level changes.
    pub fn log(&self) -> &[PinChange] {
        &self.log
    }

    /// A counter bumped whenever the OLED or a NeoPixel strip changes (hosts compare it to redraw).
    pub fn output_generation(&self) -> u64 {
        self.output_gen
    }

    /// Whether events (edges, timers) wait for their Python handlers.
    pub fn events_pending(&self) -> bool {
        !self.events.is_empty()
    }

    /// The pins driven from outside (pressed buttons) and their levels.
    pub fn driven_pins(&self) -> Vec<(u32, bool)> {
        self.pins
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.drive.map(|l| (i as u32, l)))
            .collect()
    }

    /// An ADC input as a fraction of full scale (pin 26..=29 or channel 0..=4).
    pub fn adc_value(&self, pin_or_channel: u32) -> f64 {
        let ch = if pin_or_channel >= 26 {
            pin_or_channel - 26
        } else {
            pin_or_channel
        };
        self.adc.get(ch as usize).copied().unwrap_or(0.0)
    }

    /// What the I2C sensor measures: (Celsius, relative humidity in percent).
    pub fn sensor(&self) -> (f64, f64) {
        (self.temperature, self.humidity)
    }

    /// The reset requested by the program (1 hard reset, 3 watchdog, 5 soft reset), if any.
    pub fn reset_requested(&self) -> Option<u8> {
        self.reset
    }

    fn process_due(&mut self, t: u64) {
        // Scheduled input changes.
        let mut i = 0;
        while i < self.scheduled.len() {
            if self.scheduled[i].0 <= t {
                let (_, pin, level) = self.scheduled.remove(i);
                self.drive(pin, level);
            } else {
                i += 1;
            }
        }
        // Timers, in id order for equal due times.
        let due: Vec<u32> = self
            .timers
            .iter()
            .filter(|(_, s)| s.due <= t)
            .map(|(id, _)| *id)
            .collect();
        for id in due {
            let mut remove = false;
            if let Some(s) = self.timers.get_mut(&id) {
                if s.periodic {
                    s.due = s.due.saturating_add(s.period.max(1));
                } else {
                    remove = true;
                }
            }
            if remove {
                self.timers.remove(&id);
            }
            self.events.push_back(Event::Timer(id));
        }
        if let Some((deadline, _)) = self.wdt {
            if deadline <= t {
                self.wdt = None;
                self.events.push_back(Event::Watchdog);
            }
        }
    }
}

impl Hal for SimBoard {
    fn now_us(&self) -> u64 {
        self.now
    }

    fn advance_to(&mut self, t_us: u64) {
        while let Some(next) = self.next_event_us() {
            if next > t_us {
                break;
            }
            self.now = self.now.max(next);
            self.process_due(next);
        }
        self.now = self.now.max(t_us);
    }

    fn next_event_us(&self) -> Option<u64> {
        let a = self.scheduled.iter().map(|s| s.0).min();
        let b = self.timers.values().map(|s| s.due).min();
        let c = self.wdt.map(|w| w.0);
        [a, b, c].into_iter().flatten().min()
    }

    fn take_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    fn pin_valid(&self, pin: u32) -> bool {
        pin < NUM_PINS
    }

    fn pin_configure(&mut self, pin: u32, mode: PinMode, pull: Pull) {
        if let Some(p) = self.pins.get_mut(pin as usize) {
            p.mode = mode;
            p.pull = pull;
            if mode != PinMode::Alt {
                p.pwm = None;
            }
            self.update(pin);
        }
    }

    fn pin_config(&self, pin: u32) -> (PinMode, Pull) {
        self.pins
            .get(pin as usize)
            .map(|p| (p.mode, p.pull))
            .unwrap_or((PinMode::In, Pull::None))
    }

    fn pin_read(&mut self, pin: u32) -> bool {
        self.pin_value(pin)
    }

    fn pin_write(&mut self, pin: u32, level: bool) {
        if let Some(p) = self.pins.get_mut(pin as usize) {
            p.out = level;
            self.update(pin);
        }
    }

    fn pin_irq(&mut self, pin: u32, trigger: u8) {
        if let Some(p) = self.pins.get_mut(pin as usize) {
            p.irq = trigger;
        }
    }

    fn pwm(&mut self, pin: u32, config: Option<(u32, u16)>) {
        if let Some(p) = self.pins.get_mut(pin as usize) {
            p.pwm = config;
            if let Some((_, duty)) = config {
                p.mode = PinMode::Alt;
                p.level = duty != 0;
            }
        }
    }

    fn adc_read_u16(&mut self, channel: u32) -> u16 {
        let f = self.adc.get(channel as usize).copied().unwrap_or(0.0);
        (f * 65535.0 + 0.5) as u16
    }

    fn i2c_scan(&mut self, _bus: u32) -> Vec<u8> {
        vec![SENSOR_ADDR, OLED_ADDR]
    }

    fn i2c_write(&mut self, _bus: u32, addr: u8, data: &[u8]) -> bool {
        match addr {
            SENSOR_ADDR => {
                if let Some(&c) = data.first() {
                    self.sensor.last_cmd = c;
                }
                true
            }
            OLED_ADDR => {
                self.oled.write(data);
                self.output_gen += 1;
                true
            }
            _ => false,
        }
    }

    fn i2c_read(&mut self, _bus: u32, addr: u8, buf: &mut [u8]) -> bool {
        match addr {
            SENSOR_ADDR => {
                let mut out = [0u8; 7];
                out[0] = 0x18;
                if self.sensor.last_cmd == 0xAC {
                    let h = ((self.humidity / 100.0) * 1_048_576.0) as u32;
                    let t = (((self.temperature + 50.0) / 200.0) * 1_048_576.0) as u32;
                    let h = h.min(0xF_FFFF);
                    let t = t.min(0xF_FFFF);
                    out[1] = (h >> 12) as u8;
                    out[2] = (h >> 4) as u8;
                    out[3] = (((h & 0xF) << 4) | (t >> 16)) as u8;
                    out[4] = (t >> 8) as u8;
                    out[5] = t as u8;
                    out[6] = crc8(&out[..6]);
                }
                for (i, b) in buf.iter_mut().enumerate() {
                    *b = out.get(i).copied().unwrap_or(0xFF);
                }
                true
            }
            OLED_ADDR => {
                // The SSD1306 status byte: bit 6 set when the display is off.
                let st = if self.oled.on { 0x00 } else { 0x40 };
                buf.iter_mut().for_each(|b| *b = st);
                true
            }
            _ => false,
        }
    }

    fn spi_transfer(&mut self, _bus: u32, tx: &[u8], rx: &mut [u8]) {
        for (r, t) in rx.iter_mut().zip(tx) {
            *r = *t;
        }
    }

    fn uart_write(&mut self, id: u32, data: &[u8]) {
        self.uart_tx.entry(id).or_default().extend_from_slice(data);
        if self.uart_loopback {
            self.uart_rx.entry(id).or_default().extend(data);
        }
    }

    fn uart_read(&mut self, id: u32, max: usize) -> Vec<u8> {
        let Some(q) = self.uart_rx.get_mut(&id) else {
            return Vec::new();
        };
        let n = max.min(q.len());
        q.drain(..n).collect()
    }

    fn uart_any(&self, id: u32) -> usize {
        self.uart_rx.get(&id).map(VecDeque::len).unwrap_or(0)
    }

    fn neopixel_write(&mut self, pin: u32, data: &[u8], bpp: usize) {
        let bpp = bpp.max(3);
        let px = data.chunks_exact(bpp).map(|c| (c[1], c[0], c[2])).collect();
        self.neopixels.insert(pin, px);
        self.output_gen += 1;
    }

    fn timer_start(&mut self, id: u32, period_us: u64, periodic: bool) {
        let period = period_us.max(1);
        self.timers.insert(
            id,
            TimerState {
                due: self.now.saturating_add(period),
                period,
                periodic,
            },
        );
    }

    fn timer_stop(&mut self, id: u32) {
        self.timers.remove(&id);
    }

    fn wdt(&mut self, timeout_ms: u64) {
        let us = timeout_ms.saturating_mul(1000);
        self.wdt = Some((self.now.saturating_add(us), us));
    }

    fn unique_id(&self) -> Vec<u8> {
        vec![0xE6, 0x61, 0x38, 0x52, 0x83, 0x1F, 0x2A, 0x2C]
    }

    fn cpu_freq(&self) -> u32 {
        self.freq
    }

    fn set_cpu_freq(&mut self, hz: u32) {
        self.freq = hz;
    }

    fn rtc_get(&self) -> (i64, u32) {
        let elapsed = self.now.saturating_sub(self.rtc_base.1);
        (
            self.rtc_base.0 + (elapsed / 1_000_000) as i64,
            (elapsed % 1_000_000) as u32,
        )
    }

    fn rtc_set(&mut self, secs: i64, us: u32) {
        self.rtc_base = (secs, self.now.saturating_sub(us as u64));
    }

    fn request_reset(&mut self, cause: u8) {
        self.reset = Some(cause);
    }

    fn as_sim(&mut self) -> Option<&mut SimBoard> {
        Some(self)
    }
}

/// A shared handle on a simulated board: the host's view (what a page or a test drives and
/// watches) and what [`crate::install`] gives the `machine` module. Cloning shares the board.
#[derive(Clone)]
pub struct Board(pub Rc<RefCell<SimBoard>>);

impl Board {
    /// The Pico-like simulated board.
    pub fn sim() -> Board {
        Board(Rc::new(RefCell::new(SimBoard::new())))
    }

    /// The current virtual time in microseconds.
    pub fn now_us(&self) -> u64 {
        self.0.borrow().now
    }

    /// Let virtual time pass, processing timers and scheduled inputs; the resulting events wait for
    /// [`crate::poll`] (or the next `machine` call) to run their Python handlers.
    pub fn advance(&self, us: u64) {
        let t = self.now_us().saturating_add(us);
        self.0.borrow_mut().advance_to(t);
        self.notify();
    }

    /// The level of a pin.
    pub fn pin_value(&self, pin: u32) -> bool {
        self.0.borrow().pin_value(pin)
    }

    /// Drive an input pin from outside (a button): `Some(level)`, or `None` to release it.
    pub fn set_input(&self, pin: u32, level: Option<bool>) {
        self.0.borrow_mut().drive(pin, level);
        self.notify();
    }

    /// Set an ADC input (pin 26..=29 or channel 0..=4) as a fraction of full scale.
    pub fn set_adc(&self, pin: u32, fraction: f64) {
        self.0.borrow_mut().set_adc(pin, fraction);
    }

    /// Set the I2C sensor's temperature (Celsius) and relative humidity (percent).
    pub fn set_sensor(&self, celsius: f64, humidity: f64) {
        self.0.borrow_mut().set_sensor(celsius, humidity);
    }

    /// Register a callback for every pin level change. It runs after the board is released, so it
    /// may call back into this handle.
    pub fn on_change(&self, f: impl FnMut(&PinChange) + 'static) {
        self.0.borrow_mut().listeners.push(Box::new(f));
    }

    /// Register a callback for changes of the OLED or a NeoPixel strip (run by [`Board::notify`],
    /// once per batch of changes).
    pub fn on_output(&self, f: impl FnMut() + 'static) {
        self.0.borrow_mut().output_listeners.push(Box::new(f));
    }

    /// Deliver pin changes to the `on_change` callbacks, and output changes to the `on_output`
    /// callbacks.
    pub fn notify(&self) {
        self.notify_outputs();
        let (changes, mut listeners) = {
            let mut b = self.0.borrow_mut();
            if b.unnotified.is_empty() {
                return;
            }
            (
                core::mem::take(&mut b.unnotified),
                core::mem::take(&mut b.listeners),
            )
        };
        for c in &changes {
            for l in listeners.iter_mut() {
                l(c);
            }
        }
        let mut b = self.0.borrow_mut();
        listeners.append(&mut b.listeners);
        b.listeners = listeners;
    }

    fn notify_outputs(&self) {
        let mut listeners = {
            let mut b = self.0.borrow_mut();
            if b.output_gen == b.output_notified || b.output_listeners.is_empty() {
                return;
            }
            b.output_notified = b.output_gen;
            core::mem::take(&mut b.output_listeners)
        };
        for l in listeners.iter_mut() {
            l();
        }
        let mut b = self.0.borrow_mut();
        listeners.append(&mut b.output_listeners);
        b.output_listeners = listeners;
    }

    /// Whether the OLED is on, and whether it is inverted.
    pub fn oled_state(&self) -> (bool, bool) {
        self.0.borrow().oled_state()
    }

    /// A copy of the OLED framebuffer (1024 bytes, page layout).
    pub fn oled_framebuffer(&self) -> Vec<u8> {
        self.0.borrow().oled_framebuffer().to_vec()
    }

    /// A copy of the colours of the NeoPixel strip on a pin.
    pub fn neopixels(&self, pin: u32) -> Vec<(u8, u8, u8)> {
        self.0.borrow().neopixels(pin).to_vec()
    }

    /// A copy of the pin-change log.
    pub fn log(&self) -> Vec<PinChange> {
        self.0.borrow().log().to_vec()
    }

    /// The pin-change log as text, one `<ms>.<us> ms pin <n> -> <level>` line per change.
    pub fn format_log(&self) -> String {
        let mut s = String::new();
        for c in self.0.borrow().log() {
            s.push_str(&format!(
                "{}.{:03} ms pin {} -> {}\n",
                c.time_us / 1000,
                c.time_us % 1000,
                c.pin,
                c.level as u8
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timers_fire_in_order_and_inputs_follow_pulls() {
        let mut b = SimBoard::new();
        b.timer_start(1, 300, false);
        b.timer_start(2, 100, true);
        b.advance_to(350);
        let mut ev = Vec::new();
        while let Some(e) = b.take_event() {
            ev.push(e);
        }
        assert_eq!(
            ev,
            vec![
                Event::Timer(2),
                Event::Timer(2),
                Event::Timer(1),
                Event::Timer(2)
            ]
        );
        b.pin_configure(3, PinMode::In, Pull::Up);
        assert!(b.pin_value(3));
        b.pin_irq(3, IRQ_FALLING);
        b.drive(3, Some(false));
        assert_eq!(
            b.take_event(),
            Some(Event::Edge {
                pin: 3,
                rising: false
            })
        );
        b.pin_configure(4, PinMode::OpenDrain, Pull::Up);
        b.pin_write(4, false);
        assert!(!b.pin_value(4));
    }

    #[test]
    fn sensor_crc_and_oled_commands() {
        let mut b = SimBoard::new();
        assert!(b.i2c_write(0, SENSOR_ADDR, &[0xAC, 0x33, 0x00]));
        let mut buf = [0u8; 7];
        assert!(b.i2c_read(0, SENSOR_ADDR, &mut buf));
        assert_eq!(crc8(&buf[..6]), buf[6]);
        assert!(!b.i2c_write(0, 0x50, &[1]));
        b.i2c_write(0, OLED_ADDR, &[0x00, 0xAF, 0xB1, 0x05, 0x10]);
        b.i2c_write(0, OLED_ADDR, &[0x40, 0x01]);
        assert!(b.oled_state().0);
        assert!(b.oled_pixel(5, 8));
        b.neopixel_write(2, &[1, 2, 3], 3);
        assert_eq!(b.neopixels(2), &[(2, 1, 3)]);
    }
}

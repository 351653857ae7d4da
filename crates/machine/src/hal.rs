//! The hardware abstraction layer: the small set of operations the `machine` module needs from a
//! board. The simulated board implements it; a hardware port implements it over its registers.

use alloc::vec::Vec;

use crate::sim::SimBoard;

/// How a pin is driven.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinMode {
    /// Input (high impedance, optional pull resistor).
    In,
    /// Push-pull output.
    Out,
    /// Open-drain output: drives low, floats (pulled up) when high.
    OpenDrain,
    /// Taken by a peripheral (PWM, NeoPixel...).
    Alt,
}

/// The pull resistor of a pin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pull {
    /// No pull resistor.
    None,
    /// Pulled up to 1.
    Up,
    /// Pulled down to 0.
    Down,
}

/// `Pin.IRQ_FALLING`: fire on a 1 -> 0 edge.
pub const IRQ_FALLING: u8 = 4;
/// `Pin.IRQ_RISING`: fire on a 0 -> 1 edge.
pub const IRQ_RISING: u8 = 8;

/// Something that happened on the board that Python code may want to handle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A pin with an IRQ trigger saw a matching edge (`rising` says which).
    Edge {
        /// The pin number.
        pin: u32,
        /// True for 0 -> 1.
        rising: bool,
    },
    /// A timer expired.
    Timer(u32),
    /// The watchdog was not fed in time.
    Watchdog,
}

/// The operations the `machine` module performs on a board. Bus numbers and pin numbers are the
/// board's own; errors are reported as `false`/`None` and turned into Python exceptions by the
/// module.
pub trait Hal {
    /// The board's clock in microseconds (monotonic).
    fn now_us(&self) -> u64;
    /// Let time pass up to `t_us` (a simulator moves its clock and processes its events; hardware
    /// waits).
    fn advance_to(&mut self, t_us: u64);
    /// When the next internal event (timer expiry, scheduled input change) is due, if known.
    fn next_event_us(&self) -> Option<u64> {
        None
    }
    /// Take the oldest pending event.
    fn take_event(&mut self) -> Option<Event>;
    /// Is this a valid pin number?
    fn pin_valid(&self, pin: u32) -> bool;
    /// Configure a pin's mode and pull.
    fn pin_configure(&mut self, pin: u32, mode: PinMode, pull: Pull);
    /// The mode and pull a pin was configured with.
    fn pin_config(&self, pin: u32) -> (PinMode, Pull);
    /// The logic level on a pin.
    fn pin_read(&mut self, pin: u32) -> bool;
    /// Set a pin's output latch.
    fn pin_write(&mut self, pin: u32, level: bool);
    /// Enable edge events (an `IRQ_*` mask; 0 turns them off).
    fn pin_irq(&mut self, pin: u32, trigger: u8);
    /// Start (`Some((freq_hz, duty_u16))`) or stop PWM on a pin.
    fn pwm(&mut self, pin: u32, config: Option<(u32, u16)>);
    /// Sample an ADC channel (0..=3 are pins 26..=29 on the Pico-like board, 4 the temperature
    /// sensor) as a 16-bit value.
    fn adc_read_u16(&mut self, channel: u32) -> u16;
    /// Addresses of the devices answering on an I2C bus.
    fn i2c_scan(&mut self, bus: u32) -> Vec<u8>;
    /// Write bytes to a device; false when it does not acknowledge.
    fn i2c_write(&mut self, bus: u32, addr: u8, data: &[u8]) -> bool;
    /// Read bytes from a device; false when it does not acknowledge.
    fn i2c_read(&mut self, bus: u32, addr: u8, buf: &mut [u8]) -> bool;
    /// Full-duplex SPI transfer (`rx` has the same length as `tx`).
    fn spi_transfer(&mut self, bus: u32, tx: &[u8], rx: &mut [u8]);
    /// Transmit on a UART.
    fn uart_write(&mut self, id: u32, data: &[u8]);
    /// Receive up to `max` bytes from a UART.
    fn uart_read(&mut self, id: u32, max: usize) -> Vec<u8>;
    /// Bytes waiting on a UART.
    fn uart_any(&self, id: u32) -> usize;
    /// Send GRB(W) bytes to a NeoPixel strip on a pin.
    fn neopixel_write(&mut self, pin: u32, data: &[u8], bpp: usize);
    /// Start a timer (`period_us` from now; repeating when `periodic`).
    fn timer_start(&mut self, id: u32, period_us: u64, periodic: bool);
    /// Stop a timer.
    fn timer_stop(&mut self, id: u32);
    /// Start the watchdog or feed it (`Some(timeout)`), in milliseconds.
    fn wdt(&mut self, timeout_ms: u64);
    /// The board's unique id bytes.
    fn unique_id(&self) -> Vec<u8>;
    /// CPU frequency in Hz.
    fn cpu_freq(&self) -> u32;
    /// Set the CPU frequency.
    fn set_cpu_freq(&mut self, hz: u32);
    /// The real-time clock: seconds since 2000-01-01 plus microseconds.
    fn rtc_get(&self) -> (i64, u32);
    /// Set the real-time clock.
    fn rtc_set(&mut self, secs: i64, us: u32);
    /// Record a reset request (`machine.reset()`, `soft_reset()`, watchdog); the embedder decides
    /// what to do after the program stops.
    fn request_reset(&mut self, cause: u8);
    /// The simulated board behind this HAL, if it is one (enables the `sim_*` test hooks).
    fn as_sim(&mut self) -> Option<&mut SimBoard> {
        None
    }
}

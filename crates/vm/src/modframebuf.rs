//! The `framebuf` module (MicroPython): `FrameBuffer(buffer, width, height, format, stride=width)`
//! draws into any writable buffer object (a bytearray, a memoryview on one, an `array.array`),
//! sharing its memory, in the formats MONO_VLSB (alias MVLSB), MONO_HLSB, MONO_HMSB, RGB565
//! (little-endian 16-bit words), GS2_HMSB, GS4_HMSB and GS8, with MicroPython's byte layouts:
//!
//! - MONO_VLSB: byte `(y / 8) * stride + x`, bit `y % 8` (an SSD1306 page layout);
//! - MONO_HLSB / MONO_HMSB: byte `(x + y * stride) / 8`, bit `7 - x % 8` (HLSB) or `x % 8` (HMSB),
//!   the stride rounded up to a multiple of 8;
//! - GS2_HMSB: byte `(x + y * stride) / 4`, bits `2 * (x % 4)`, stride a multiple of 4;
//! - GS4_HMSB: byte `(x + y * stride) / 2`, high nibble for even x, stride even;
//! - GS8: byte `x + y * stride`; RGB565: 16-bit word `x + y * stride`.
//!
//! Methods: fill, pixel, hline, vline, line, rect, fill_rect, ellipse, poly, text (MicroPython's
//! 8x8 font), scroll and blit (from another FrameBuffer or a `(buffer, width, height, format
//! [, stride])` tuple, with a transparent key and a palette). Every drawing call clips to the
//! buffer; no coordinate or size can make it fail or run long (lines and polygons only walk the
//! rows/columns on screen). `FrameBuffer` can be subclassed (`class SSD1306(FrameBuffer)` calling
//! `super().__init__(...)`): it is a plain class whose instances keep their native state in the
//! built-in base slot.
//!
//! Differences from MicroPython: a too-small buffer in a blit tuple raises ValueError (MicroPython
//! reads past it); a palette index outside the palette reads as 0; radii of ellipses are clamped to
//! 2^20; a memoryview on an array is not accepted as the target buffer.

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::exceptions::ExcKind;
use crate::modarray::ArrayData;
use crate::modbuiltins::{builtin_fn, check_args};
use crate::modstruct::module_set;
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// `MONO_VLSB` / `MVLSB`.
const MVLSB: u8 = 0;
/// `RGB565`.
const RGB565: u8 = 1;
/// `GS4_HMSB`.
const GS4_HMSB: u8 = 2;
/// `MONO_HLSB`.
const MHLSB: u8 = 3;
/// `MONO_HMSB`.
const MHMSB: u8 = 4;
/// `GS2_HMSB`.
const GS2_HMSB: u8 = 5;
/// `GS8`.
const GS8: u8 = 6;

/// The largest ellipse radius drawn as given (larger ones are clamped).
const MAX_RADIUS: i128 = 1 << 20;

/// MicroPython's 8x8 font for characters 32..=127: 8 column bytes per glyph, bit 0 at the top.
#[rustfmt::skip]
static FONT: [u8; 96 * 8] = [
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x4f, 0x4f, 0x00, 0x00, 0x00,
    0x00, 0x07, 0x07, 0x00, 0x00, 0x07, 0x07, 0x00, 0x14, 0x7f, 0x7f, 0x14, 0x14, 0x7f, 0x7f, 0x14,
    0x00, 0x24, 0x2e, 0x6b, 0x6b, 0x3a, 0x12, 0x00, 0x00, 0x63, 0x33, 0x18, 0x0c, 0x66, 0x63, 0x00,
    0x00, 0x32, 0x7f, 0x4d, 0x4d, 0x77, 0x72, 0x50, 0x00, 0x00, 0x00, 0x04, 0x06, 0x03, 0x01, 0x00,
    0x00, 0x00, 0x1c, 0x3e, 0x63, 0x41, 0x00, 0x00, 0x00, 0x00, 0x41, 0x63, 0x3e, 0x1c, 0x00, 0x00,
    0x08, 0x2a, 0x3e, 0x1c, 0x1c, 0x3e, 0x2a, 0x08, 0x00, 0x08, 0x08, 0x3e, 0x3e, 0x08, 0x08, 0x00,
    0x00, 0x00, 0x80, 0xe0, 0x60, 0x00, 0x00, 0x00, 0x00, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x00,
    0x00, 0x00, 0x00, 0x60, 0x60, 0x00, 0x00, 0x00, 0x00, 0x40, 0x60, 0x30, 0x18, 0x0c, 0x06, 0x02,
    0x00, 0x3e, 0x7f, 0x49, 0x45, 0x7f, 0x3e, 0x00, 0x00, 0x40, 0x44, 0x7f, 0x7f, 0x40, 0x40, 0x00,
    0x00, 0x62, 0x73, 0x51, 0x49, 0x4f, 0x46, 0x00, 0x00, 0x22, 0x63, 0x49, 0x49, 0x7f, 0x36, 0x00,
    0x00, 0x18, 0x18, 0x14, 0x16, 0x7f, 0x7f, 0x10, 0x00, 0x27, 0x67, 0x45, 0x45, 0x7d, 0x39, 0x00,
    0x00, 0x3e, 0x7f, 0x49, 0x49, 0x7b, 0x32, 0x00, 0x00, 0x03, 0x03, 0x79, 0x7d, 0x07, 0x03, 0x00,
    0x00, 0x36, 0x7f, 0x49, 0x49, 0x7f, 0x36, 0x00, 0x00, 0x26, 0x6f, 0x49, 0x49, 0x7f, 0x3e, 0x00,
    0x00, 0x00, 0x00, 0x24, 0x24, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0xe4, 0x64, 0x00, 0x00, 0x00,
    0x00, 0x08, 0x1c, 0x36, 0x63, 0x41, 0x41, 0x00, 0x00, 0x14, 0x14, 0x14, 0x14, 0x14, 0x14, 0x00,
    0x00, 0x41, 0x41, 0x63, 0x36, 0x1c, 0x08, 0x00, 0x00, 0x02, 0x03, 0x51, 0x59, 0x0f, 0x06, 0x00,
    0x00, 0x3e, 0x7f, 0x41, 0x4d, 0x4f, 0x2e, 0x00, 0x00, 0x7c, 0x7e, 0x0b, 0x0b, 0x7e, 0x7c, 0x00,
    0x00, 0x7f, 0x7f, 0x49, 0x49, 0x7f, 0x36, 0x00, 0x00, 0x3e, 0x7f, 0x41, 0x41, 0x63, 0x22, 0x00,
    0x00, 0x7f, 0x7f, 0x41, 0x63, 0x3e, 0x1c, 0x00, 0x00, 0x7f, 0x7f, 0x49, 0x49, 0x41, 0x41, 0x00,
    0x00, 0x7f, 0x7f, 0x09, 0x09, 0x01, 0x01, 0x00, 0x00, 0x3e, 0x7f, 0x41, 0x49, 0x7b, 0x3a, 0x00,
    0x00, 0x7f, 0x7f, 0x08, 0x08, 0x7f, 0x7f, 0x00, 0x00, 0x00, 0x41, 0x7f, 0x7f, 0x41, 0x00, 0x00,
    0x00, 0x20, 0x60, 0x41, 0x7f, 0x3f, 0x01, 0x00, 0x00, 0x7f, 0x7f, 0x1c, 0x36, 0x63, 0x41, 0x00,
    0x00, 0x7f, 0x7f, 0x40, 0x40, 0x40, 0x40, 0x00, 0x00, 0x7f, 0x7f, 0x06, 0x0c, 0x06, 0x7f, 0x7f,
    0x00, 0x7f, 0x7f, 0x0e, 0x1c, 0x7f, 0x7f, 0x00, 0x00, 0x3e, 0x7f, 0x41, 0x41, 0x7f, 0x3e, 0x00,
    0x00, 0x7f, 0x7f, 0x09, 0x09, 0x0f, 0x06, 0x00, 0x00, 0x1e, 0x3f, 0x21, 0x61, 0x7f, 0x5e, 0x00,
    0x00, 0x7f, 0x7f, 0x19, 0x39, 0x6f, 0x46, 0x00, 0x00, 0x26, 0x6f, 0x49, 0x49, 0x7b, 0x32, 0x00,
    0x00, 0x01, 0x01, 0x7f, 0x7f, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x7f, 0x40, 0x40, 0x7f, 0x3f, 0x00,
    0x00, 0x1f, 0x3f, 0x60, 0x60, 0x3f, 0x1f, 0x00, 0x00, 0x7f, 0x7f, 0x30, 0x18, 0x30, 0x7f, 0x7f,
    0x00, 0x63, 0x77, 0x1c, 0x1c, 0x77, 0x63, 0x00, 0x00, 0x07, 0x0f, 0x78, 0x78, 0x0f, 0x07, 0x00,
    0x00, 0x61, 0x71, 0x59, 0x4d, 0x47, 0x43, 0x00, 0x00, 0x00, 0x7f, 0x7f, 0x41, 0x41, 0x00, 0x00,
    0x00, 0x02, 0x06, 0x0c, 0x18, 0x30, 0x60, 0x40, 0x00, 0x00, 0x41, 0x41, 0x7f, 0x7f, 0x00, 0x00,
    0x00, 0x08, 0x0c, 0x06, 0x06, 0x0c, 0x08, 0x00, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0, 0xc0,
    0x00, 0x00, 0x01, 0x03, 0x06, 0x04, 0x00, 0x00, 0x00, 0x20, 0x74, 0x54, 0x54, 0x7c, 0x78, 0x00,
    0x00, 0x7f, 0x7f, 0x44, 0x44, 0x7c, 0x38, 0x00, 0x00, 0x38, 0x7c, 0x44, 0x44, 0x6c, 0x28, 0x00,
    0x00, 0x38, 0x7c, 0x44, 0x44, 0x7f, 0x7f, 0x00, 0x00, 0x38, 0x7c, 0x54, 0x54, 0x5c, 0x58, 0x00,
    0x00, 0x08, 0x7e, 0x7f, 0x09, 0x03, 0x02, 0x00, 0x00, 0x98, 0xbc, 0xa4, 0xa4, 0xfc, 0x7c, 0x00,
    0x00, 0x7f, 0x7f, 0x04, 0x04, 0x7c, 0x78, 0x00, 0x00, 0x00, 0x00, 0x7d, 0x7d, 0x00, 0x00, 0x00,
    0x00, 0x40, 0xc0, 0x80, 0x80, 0xfd, 0x7d, 0x00, 0x00, 0x7f, 0x7f, 0x30, 0x38, 0x6c, 0x44, 0x00,
    0x00, 0x00, 0x41, 0x7f, 0x7f, 0x40, 0x00, 0x00, 0x00, 0x7c, 0x7c, 0x18, 0x30, 0x18, 0x7c, 0x7c,
    0x00, 0x7c, 0x7c, 0x04, 0x04, 0x7c, 0x78, 0x00, 0x00, 0x38, 0x7c, 0x44, 0x44, 0x7c, 0x38, 0x00,
    0x00, 0xfc, 0xfc, 0x24, 0x24, 0x3c, 0x18, 0x00, 0x00, 0x18, 0x3c, 0x24, 0x24, 0xfc, 0xfc, 0x00,
    0x00, 0x7c, 0x7c, 0x04, 0x04, 0x0c, 0x08, 0x00, 0x00, 0x48, 0x5c, 0x54, 0x54, 0x74, 0x20, 0x00,
    0x04, 0x04, 0x3f, 0x7f, 0x44, 0x64, 0x20, 0x00, 0x00, 0x3c, 0x7c, 0x40, 0x40, 0x7c, 0x3c, 0x00,
    0x00, 0x1c, 0x3c, 0x60, 0x60, 0x3c, 0x1c, 0x00, 0x00, 0x1c, 0x7c, 0x30, 0x18, 0x30, 0x7c, 0x1c,
    0x00, 0x44, 0x6c, 0x38, 0x38, 0x6c, 0x44, 0x00, 0x00, 0x9c, 0xbc, 0xa0, 0xa0, 0xfc, 0x7c, 0x00,
    0x00, 0x44, 0x64, 0x74, 0x5c, 0x4c, 0x44, 0x00, 0x00, 0x08, 0x08, 0x3e, 0x77, 0x41, 0x41, 0x00,
    0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0x41, 0x41, 0x77, 0x3e, 0x08, 0x08, 0x00,
    0x00, 0x02, 0x03, 0x01, 0x03, 0x02, 0x03, 0x01, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55, 0xaa, 0x55,
];

/// The shape of a frame buffer: size, stride (in pixels, already rounded) and format.
#[derive(Clone, Copy)]
struct Geom {
    w: i64,
    h: i64,
    stride: usize,
    fmt: u8,
}

impl Geom {
    /// Validate MicroPython's constructor arguments and round the stride; gives the geometry and
    /// the number of bytes the buffer needs.
    fn new(vm: &mut Vm, w: i64, h: i64, fmt: i64, stride: i64) -> PyResult<(Geom, usize)> {
        if w < 1 || h < 1 || w > 0xffff || h > 0xffff || stride > 0xffff || stride < w {
            return Err(vm.err_args(ExcKind::ValueError, Vec::new()));
        }
        let (w, h, mut stride) = (w as usize, h as usize, stride as usize);
        let mut bpp = 1;
        let mut height_required = h;
        let mut width_required = w;
        let mut strides_required = h - 1;
        match fmt {
            0 => {
                height_required = (h + 7) & !7;
                strides_required = height_required - 8;
            }
            3 | 4 => {
                stride = (stride + 7) & !7;
                width_required = (w + 7) & !7;
            }
            5 => {
                stride = (stride + 3) & !3;
                width_required = (w + 3) & !3;
                bpp = 2;
            }
            2 => {
                stride = (stride + 1) & !1;
                width_required = (w + 1) & !1;
                bpp = 4;
            }
            6 => bpp = 8,
            1 => bpp = 16,
            _ => return Err(vm.value_error("invalid format")),
        }
        // In u64: on 32-bit targets the product can pass usize::MAX (then no buffer is big enough).
        let bits = (strides_required as u64 * stride as u64
            + (height_required - strides_required) as u64 * width_required as u64)
            * bpp as u64;
        let g = Geom {
            w: w as i64,
            h: h as i64,
            stride,
            fmt: fmt as u8,
        };
        Ok((g, usize::try_from(bits / 8).unwrap_or(usize::MAX)))
    }

    /// The byte index and bit shift of a pixel known to be inside the buffer's size.
    #[inline]
    fn locate(&self, x: usize, y: usize) -> (usize, u32) {
        match self.fmt {
            MVLSB => ((y >> 3) * self.stride + x, (y & 7) as u32),
            MHLSB => ((x + y * self.stride) >> 3, 7 - (x & 7) as u32),
            MHMSB => ((x + y * self.stride) >> 3, (x & 7) as u32),
            GS2_HMSB => ((x + y * self.stride) >> 2, ((x & 3) << 1) as u32),
            GS4_HMSB => ((x + y * self.stride) >> 1, if x & 1 == 1 { 0 } else { 4 }),
            RGB565 => ((x + y * self.stride) * 2, 0),
            _ => (x + y * self.stride, 0),
        }
    }

    /// Read a pixel (0 outside the buffer's bytes).
    fn get(&self, buf: &[u8], x: i64, y: i64) -> u32 {
        if x < 0 || y < 0 || x >= self.w || y >= self.h {
            return 0;
        }
        let (i, sh) = self.locate(x as usize, y as usize);
        let b = buf.get(i).copied().unwrap_or(0) as u32;
        match self.fmt {
            MVLSB | MHLSB | MHMSB => (b >> sh) & 1,
            GS2_HMSB => (b >> sh) & 3,
            GS4_HMSB => (b >> sh) & 0xf,
            RGB565 => b | (buf.get(i + 1).copied().unwrap_or(0) as u32) << 8,
            _ => b,
        }
    }

    /// Write a pixel (ignored outside the frame or the buffer's bytes).
    fn set(&self, buf: &mut [u8], x: i64, y: i64, col: u32) {
        if x < 0 || y < 0 || x >= self.w || y >= self.h {
            return;
        }
        let (i, sh) = self.locate(x as usize, y as usize);
        if self.fmt == RGB565 {
            if let Some(s) = buf.get_mut(i..i + 2) {
                s.copy_from_slice(&(col as u16).to_le_bytes());
            }
            return;
        }
        let Some(b) = buf.get_mut(i) else { return };
        *b = match self.fmt {
            MVLSB | MHLSB | MHMSB => (*b & !(1 << sh)) | (((col != 0) as u8) << sh),
            GS2_HMSB => (*b & !(3 << sh)) | (((col & 3) as u8) << sh),
            GS4_HMSB => (*b & !(0xf << sh)) | (((col & 0xf) as u8) << sh),
            _ => col as u8,
        };
    }

    /// Fill a rectangle, clipped to the frame.
    fn fill_rect(&self, buf: &mut [u8], x: i64, y: i64, w: i64, h: i64, col: u32) {
        if h < 1
            || w < 1
            || x.saturating_add(w) <= 0
            || y.saturating_add(h) <= 0
            || y >= self.h
            || x >= self.w
        {
            return;
        }
        let xend = self.w.min(x.saturating_add(w));
        let yend = self.h.min(y.saturating_add(h));
        let (x0, y0) = (x.max(0), y.max(0));
        if self.fmt == GS8 && self.stride > 0 {
            for yy in y0..yend {
                let start = x0 as usize + yy as usize * self.stride;
                let end = xend as usize + yy as usize * self.stride;
                if let Some(s) = buf.get_mut(start..end) {
                    s.fill(col as u8);
                }
            }
            return;
        }
        for yy in y0..yend {
            for xx in x0..xend {
                self.set(buf, xx, yy, col);
            }
        }
    }

    /// MicroPython's Bresenham line (same pixels), walking only the steps whose major coordinate
    /// is inside the frame.
    fn line(&self, buf: &mut [u8], x1: i64, y1: i64, x2: i64, y2: i64, col: u32) {
        let (x1, y1, x2i, y2i) = (x1 as i128, y1 as i128, x2 as i128, y2 as i128);
        let (mut dx, mut sx) = (x2i - x1, 1i128);
        if dx <= 0 {
            dx = -dx;
            sx = -1;
        }
        let (mut dy, mut sy) = (y2i - y1, 1i128);
        if dy <= 0 {
            dy = -dy;
            sy = -1;
        }
        let steep = dy > dx;
        let (a0, b0) = if steep { (y1, x1) } else { (x1, y1) };
        let (da, db, sa, sb) = if steep {
            (dy, dx, sy, sx)
        } else {
            (dx, dy, sx, sy)
        };
        let limit = if steep { self.h } else { self.w } as i128;
        // Step i draws at major coordinate a0 + sa * i, for i in 0..da.
        let (lo, hi) = if sa > 0 {
            ((-a0).max(0), da.min(limit - a0))
        } else {
            ((a0 - limit + 1).max(0), da.min(a0 + 1))
        };
        if lo < hi {
            let e0 = 2 * db - da;
            // Minor steps taken before step i.
            let k = if lo == 0 {
                0
            } else {
                (e0 + 2 * db * (lo - 1))
                    .div_euclid(2 * da)
                    .saturating_add(1)
                    .max(0)
            };
            let mut e = e0 + 2 * db * lo - 2 * da * k;
            let mut b = b0 + sb * k;
            let mut a = a0 + sa * lo;
            for _ in lo..hi {
                let (px, py) = if steep { (b, a) } else { (a, b) };
                if px >= 0 && py >= 0 && px < self.w as i128 && py < self.h as i128 {
                    self.set(buf, px as i64, py as i64, col);
                }
                while e >= 0 {
                    b += sb;
                    e -= 2 * da;
                }
                a += sa;
                e += 2 * db;
            }
        }
        self.set(buf, x2, y2, col);
    }

    /// The four quadrant points (or spans, when filling) of an ellipse at offset (x, y).
    fn ellipse_points(&self, buf: &mut [u8], c: (i128, i128), x: i128, y: i128, col: u32, m: u8) {
        let (cx, cy) = c;
        if m & 0x10 != 0 {
            let spans = [
                (1, cx, cy - y),
                (2, cx - x, cy - y),
                (4, cx - x, cy + y),
                (8, cx, cy + y),
            ];
            for (bit, sx, sy) in spans {
                if m & bit != 0 {
                    self.fill_rect(buf, sat(sx), sat(sy), sat(x + 1), 1, col);
                }
            }
        } else {
            let pts = [
                (1, cx + x, cy - y),
                (2, cx - x, cy - y),
                (4, cx - x, cy + y),
                (8, cx + x, cy + y),
            ];
            for (bit, px, py) in pts {
                if m & bit != 0 {
                    self.set(buf, sat(px), sat(py), col);
                }
            }
        }
    }

    /// MicroPython's midpoint ellipse (two point sets), quadrant mask `m` (0x10 = fill).
    fn ellipse(&self, buf: &mut [u8], c: (i128, i128), a: i128, b: i128, col: u32, m: u8) {
        let a = a.clamp(-MAX_RADIUS, MAX_RADIUS);
        let b = b.clamp(-MAX_RADIUS, MAX_RADIUS);
        if a == 0 && b == 0 {
            if m & 0xf != 0 {
                self.set(buf, sat(c.0), sat(c.1), col);
            }
            return;
        }
        let two_a2 = 2 * a * a;
        let two_b2 = 2 * b * b;
        let (mut x, mut y) = (a, 0i128);
        let mut xchange = b * b * (1 - 2 * a);
        let mut ychange = a * a;
        let mut err = 0i128;
        let mut stopx = two_b2 * a;
        let mut stopy = 0i128;
        while stopx >= stopy {
            self.ellipse_points(buf, c, x, y, col, m);
            y += 1;
            stopy += two_a2;
            err += ychange;
            ychange += two_a2;
            if 2 * err + xchange > 0 {
                x -= 1;
                stopx -= two_b2;
                err += xchange;
                xchange += two_b2;
            }
        }
        x = 0;
        y = b;
        xchange = b * b;
        ychange = a * a * (1 - 2 * b);
        err = 0;
        stopx = 0;
        stopy = two_a2 * b;
        while stopx <= stopy {
            self.ellipse_points(buf, c, x, y, col, m);
            x += 1;
            stopx += two_b2;
            err += xchange;
            xchange += two_b2;
            if 2 * err + ychange > 0 {
                y -= 1;
                stopy -= two_a2;
                err += ychange;
                ychange += two_a2;
            }
        }
    }
}

/// Saturate an i128 to i64.
#[inline]
fn sat(v: i128) -> i64 {
    v.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// Where a frame buffer's bytes live.
#[derive(Clone)]
enum Storage {
    /// A bytearray, from `start`, `len` bytes (a memoryview's window).
    Bytes(Obj, usize, usize),
    /// An `array.array`.
    Array(Obj),
}

impl Storage {
    /// The writable storage of a buffer object, if it is one.
    fn of(v: &Value) -> Option<Storage> {
        if let Some((o, s, l)) = crate::objmemoryview::writable_bytes(v) {
            return Some(Storage::Bytes(o, s, l));
        }
        if let Value::Obj(o) = v {
            if let PyObject::Native(n) = &**o {
                if n.data.try_borrow().is_ok_and(|d| d.is::<ArrayData>()) {
                    return Some(Storage::Array(o.clone()));
                }
            }
        }
        None
    }

    /// Current length in bytes.
    fn len(&self) -> usize {
        match self {
            Storage::Bytes(o, s, l) => match &**o {
                PyObject::ByteArray(b) => b.borrow().len().saturating_sub(*s).min(*l),
                _ => 0,
            },
            Storage::Array(o) => match &**o {
                PyObject::Native(n) => n
                    .data
                    .try_borrow()
                    .ok()
                    .and_then(|d| d.downcast_ref::<ArrayData>().map(|a| a.data.len()))
                    .unwrap_or(0),
                _ => 0,
            },
        }
    }

    /// When `other` lives in the same object: its window (start, length) in that object.
    fn offset_in_same(&self, other: &Storage) -> Option<(usize, usize)> {
        match (self, other) {
            (Storage::Bytes(a, _, _), Storage::Bytes(b, s, l)) if Rc::ptr_eq(a, b) => {
                Some((*s, *l))
            }
            (Storage::Array(a), Storage::Array(b)) if Rc::ptr_eq(a, b) => Some((0, usize::MAX)),
            _ => None,
        }
    }

    /// Run `f` on the whole underlying object's bytes and this storage's window in them.
    fn with_whole<R>(&self, f: impl FnOnce(&mut [u8], (usize, usize)) -> R) -> R {
        match self {
            Storage::Bytes(o, s, l) => {
                if let PyObject::ByteArray(b) = &**o {
                    if let Ok(mut v) = b.try_borrow_mut() {
                        let end = s.saturating_add(*l).min(v.len());
                        let start = (*s).min(end);
                        return f(&mut v, (start, end));
                    }
                }
                f(&mut [], (0, 0))
            }
            Storage::Array(_) => self.with(|b| {
                let n = b.len();
                f(b, (0, n))
            }),
        }
    }

    /// Run `f` on the bytes (an empty slice if the storage is busy or gone).
    fn with<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        match self {
            Storage::Bytes(o, s, l) => {
                if let PyObject::ByteArray(b) = &**o {
                    if let Ok(mut v) = b.try_borrow_mut() {
                        let end = s.saturating_add(*l).min(v.len());
                        let start = (*s).min(end);
                        return f(&mut v[start..end]);
                    }
                }
                f(&mut [])
            }
            Storage::Array(o) => {
                if let PyObject::Native(n) = &**o {
                    if let Ok(mut d) = n.data.try_borrow_mut() {
                        if let Some(a) = d.downcast_mut::<ArrayData>() {
                            return f(&mut a.data);
                        }
                    }
                }
                f(&mut [])
            }
        }
    }
}

/// The native state of a FrameBuffer.
#[derive(Clone)]
struct Fb {
    store: Storage,
    g: Geom,
}

/// An int argument as MicroPython's `mp_obj_get_int` takes it.
fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => Err(vm.err(
            ExcKind::OverflowError,
            "overflow converting long int to machine word",
        )),
        _ => {
            let base = vm.builtin_base(v);
            if !base.is(v) {
                return int(vm, &base);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("can't convert {} to int", tn)))
        }
    }
}

/// Ints for `args[1..=n]`.
fn ints<const N: usize>(vm: &mut Vm, args: &[Value]) -> PyResult<[i64; N]> {
    let mut out = [0i64; N];
    for (i, o) in out.iter_mut().enumerate() {
        let v = args.get(i + 1).cloned().unwrap_or(Value::None);
        *o = int(vm, &v)?;
    }
    Ok(out)
}

/// The FrameBuffer state of `v` (a FrameBuffer or subclass instance), if initialised.
fn fb_of(v: &Value) -> Option<Fb> {
    let Value::Obj(o) = v else { return None };
    let PyObject::Instance(i) = &**o else {
        return None;
    };
    let base = i.base.try_borrow().ok()?.clone();
    let Value::Obj(b) = base else { return None };
    let PyObject::Native(n) = &*b else {
        return None;
    };
    let d = n.data.try_borrow().ok()?;
    d.downcast_ref::<Fb>().cloned()
}

/// The bytes of a FrameBuffer's buffer (its buffer protocol, read side), if `v` is one.
pub fn fb_bytes(v: &Value) -> Option<Vec<u8>> {
    fb_of(v).map(|f| f.store.with(|b| b.to_vec()))
}

/// `fb.__buffer__(flags)`: a memoryview of the pixels in the buffer the FrameBuffer was made
/// on, so `memoryview(fb)` and `bytearray(fb)` see (and write) the same memory.
fn fb_buffer(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "__buffer__", 1, 2)?;
    match &f.store {
        Storage::Bytes(o, start, len) => {
            let mv = crate::objmemoryview::memoryview_of(vm, &Value::Obj(o.clone()))?;
            let end = start.saturating_add(*len);
            let sl = Value::Obj(vm.alloc(PyObject::Slice(
                Value::Int(*start as i64),
                Value::Int(end as i64),
                Value::None,
            )));
            vm.getitem(&mv, &sl)
        }
        Storage::Array(o) => crate::objmemoryview::memoryview_of(vm, &Value::Obj(o.clone())),
    }
}

/// `bytes(fb)`: a copy of the buffer's bytes.
fn fb_bytes_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "__bytes__", 1, 1)?;
    Ok(Value::bytes_vec(f.store.with(|b| b.to_vec())))
}

fn this(vm: &mut Vm, args: &[Value], name: &str, min: usize, max: usize) -> PyResult<Fb> {
    check_args(vm, name, args, min, max)?;
    match args.first().and_then(fb_of) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("FrameBuffer not initialised")),
    }
}

/// `FrameBuffer.__init__(self, buffer, width, height, format, stride=width)`.
fn fb_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("function doesn't take keyword arguments"));
    }
    check_args(vm, "FrameBuffer", args, 5, 6)?;
    let [w, h, fmt] = ints::<3>(vm, &args[1..])?;
    let stride = match args.get(5) {
        Some(s) => int(vm, s)?,
        None => w,
    };
    let (g, need) = Geom::new(vm, w, h, fmt, stride)?;
    let state = make_state(vm, &args[1], g, need, true)?;
    let Value::Obj(o) = &args[0] else {
        return Err(vm.type_error("FrameBuffer not initialised"));
    };
    let PyObject::Instance(i) = &**o else {
        return Err(vm.type_error("FrameBuffer not initialised"));
    };
    let cls = vm.type_of(&args[0]);
    let native = vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(state)),
    }));
    *i.base.borrow_mut() = Value::Obj(native);
    Ok(Value::None)
}

/// The state for a buffer object, checked large enough (`writable`: must be writable storage).
fn make_state(vm: &mut Vm, buf: &Value, g: Geom, need: usize, writable: bool) -> PyResult<Fb> {
    let store = match Storage::of(buf) {
        Some(s) => s,
        None if !writable => match crate::objmemoryview::buffer_bytes(buf) {
            Some(b) => {
                let copy = vm.alloc(PyObject::ByteArray(RefCell::new(b)));
                Storage::Bytes(copy, 0, usize::MAX)
            }
            None => return Err(vm.type_error("object with buffer protocol required")),
        },
        None => return Err(vm.type_error("object with buffer protocol required")),
    };
    if store.len() < need {
        return Err(vm.err_args(ExcKind::ValueError, Vec::new()));
    }
    Ok(Fb { store, g })
}

/// A blit source or palette: a FrameBuffer, or a `(buffer, width, height, format[, stride])`
/// tuple or list; its pixels are copied so the source may share the target's memory.
fn source(vm: &mut Vm, v: &Value) -> PyResult<(Geom, Vec<u8>)> {
    if let Some(f) = fb_of(v) {
        let bytes = f.store.with(|b| b.to_vec());
        return Ok((f.g, bytes));
    }
    let items: Vec<Value> = match v {
        Value::Obj(o) => match &**o {
            PyObject::Tuple(t) => t.to_vec(),
            PyObject::List(l) => l.borrow().clone(),
            _ => return Err(vm.err_args(ExcKind::TypeError, Vec::new())),
        },
        _ => return Err(vm.err_args(ExcKind::TypeError, Vec::new())),
    };
    if items.len() < 4 || items.len() > 5 {
        return Err(vm.err_args(ExcKind::ValueError, Vec::new()));
    }
    let w = int(vm, &items[1])?;
    let h = int(vm, &items[2])?;
    let fmt = int(vm, &items[3])?;
    let stride = match items.get(4) {
        Some(s) => int(vm, s)?,
        None => w,
    };
    let (g, need) = Geom::new(vm, w, h, fmt, stride)?;
    let f = make_state(vm, &items[0], g, need, false)?;
    let bytes = f.store.with(|b| b.to_vec());
    Ok((g, bytes))
}

fn fb_fill(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "fill", 2, 2)?;
    let col = int(vm, &args[1])? as u32;
    f.store.with(|b| f.g.fill_rect(b, 0, 0, f.g.w, f.g.h, col));
    Ok(Value::None)
}

fn fb_fill_rect(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "fill_rect", 6, 6)?;
    let [x, y, w, h, c] = ints::<5>(vm, args)?;
    f.store.with(|b| f.g.fill_rect(b, x, y, w, h, c as u32));
    Ok(Value::None)
}

fn fb_pixel(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "pixel", 3, 4)?;
    let [x, y] = ints::<2>(vm, args)?;
    let inside = x >= 0 && y >= 0 && x < f.g.w && y < f.g.h;
    match args.get(3) {
        None if inside => Ok(Value::Int(f.store.with(|b| f.g.get(b, x, y)) as i64)),
        None => Ok(Value::None),
        Some(c) => {
            let c = int(vm, c)? as u32;
            if inside {
                f.store.with(|b| f.g.set(b, x, y, c));
            }
            Ok(Value::None)
        }
    }
}

fn fb_hline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "hline", 5, 5)?;
    let [x, y, w, c] = ints::<4>(vm, args)?;
    f.store.with(|b| f.g.fill_rect(b, x, y, w, 1, c as u32));
    Ok(Value::None)
}

fn fb_vline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "vline", 5, 5)?;
    let [x, y, h, c] = ints::<4>(vm, args)?;
    f.store.with(|b| f.g.fill_rect(b, x, y, 1, h, c as u32));
    Ok(Value::None)
}

fn fb_rect(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "rect", 6, 7)?;
    let [x, y, w, h, c] = ints::<5>(vm, args)?;
    let fill = match args.get(6) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let c = c as u32;
    let g = f.g;
    f.store.with(|b| {
        if fill {
            g.fill_rect(b, x, y, w, h, c);
        } else {
            g.fill_rect(b, x, y, w, 1, c);
            g.fill_rect(b, x, y.saturating_add(h).saturating_sub(1), w, 1, c);
            g.fill_rect(b, x, y, 1, h, c);
            g.fill_rect(b, x.saturating_add(w).saturating_sub(1), y, 1, h, c);
        }
    });
    Ok(Value::None)
}

fn fb_line(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "line", 6, 6)?;
    let [x1, y1, x2, y2, c] = ints::<5>(vm, args)?;
    f.store.with(|b| f.g.line(b, x1, y1, x2, y2, c as u32));
    Ok(Value::None)
}

fn fb_ellipse(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "ellipse", 6, 8)?;
    let [x, y, xr, yr, c] = ints::<5>(vm, args)?;
    let mut mask = match args.get(6) {
        Some(v) if vm.truthy(v)? => 0x10u8,
        _ => 0,
    };
    mask |= match args.get(7) {
        Some(v) => (int(vm, v)? & 0xf) as u8,
        None => 0xf,
    };
    let c = c as u32;
    f.store.with(|b| {
        f.g.ellipse(b, (x as i128, y as i128), xr as i128, yr as i128, c, mask)
    });
    Ok(Value::None)
}

/// The integers of a coordinate buffer (an array of ints, bytes, bytearray) or sequence.
fn coords(vm: &mut Vm, v: &Value) -> PyResult<Vec<i64>> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            let decoded = {
                let Ok(d) = n.data.try_borrow() else {
                    return Err(vm.type_error("object with buffer protocol required"));
                };
                d.downcast_ref::<ArrayData>()
                    .map(|a| decode_ints(a.code, &a.data))
            };
            match decoded {
                Some(Some(c)) => return Ok(c),
                Some(None) => return Err(vm.type_error("can't convert float to int")),
                None => {}
            }
        }
    }
    if let Some(b) = crate::objmemoryview::buffer_bytes(v) {
        return Ok(b.into_iter().map(i64::from).collect());
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(int(vm, it)?);
    }
    Ok(out)
}

/// Decode an array's native-endian integer items (None for float arrays).
fn decode_ints(code: u8, data: &[u8]) -> Option<Vec<i64>> {
    let size = match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' => 4,
        b'l' | b'L' => core::mem::size_of::<usize>(),
        b'q' | b'Q' => 8,
        _ => return None,
    };
    let signed = code.is_ascii_lowercase();
    Some(
        data.chunks_exact(size)
            .map(|c| {
                let mut raw = [0u8; 8];
                raw[..size].copy_from_slice(c);
                let u = u64::from_ne_bytes(raw);
                let bits = size as u32 * 8;
                if signed && bits < 64 {
                    let sh = 64 - bits;
                    ((u << sh) as i64) >> sh
                } else {
                    u as i64
                }
            })
            .collect(),
    )
}

fn fb_poly(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "poly", 5, 6)?;
    let [x, y] = ints::<2>(vm, args)?;
    let pts = coords(vm, &args[3])?;
    let n = pts.len() / 2;
    if n == 0 {
        return Ok(Value::None);
    }
    let c = int(vm, &args[4])? as u32;
    let fill = match args.get(5) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let px = |i: usize| pts[2 * i] as i128;
    let py = |i: usize| pts[2 * i + 1] as i128;
    let (x, y) = (x as i128, y as i128);
    let g = f.g;
    f.store.with(|b| {
        // Edges in MicroPython's order: from vertex 0 to the last, then backwards.
        let edges = || (0..n).map(|k| (if k == 0 { 0 } else { n - k }, n - 1 - k));
        if !fill {
            for (i, j) in edges() {
                g.line(
                    b,
                    sat(x + px(i)),
                    sat(y + py(i)),
                    sat(x + px(j)),
                    sat(y + py(j)),
                    c,
                );
            }
            return;
        }
        let (mut ymin, mut ymax) = (i128::MAX, i128::MIN);
        for i in 0..n {
            ymin = ymin.min(py(i));
            ymax = ymax.max(py(i));
        }
        // Only rows that land on screen draw anything.
        let lo = ymin.max(-y);
        let hi = ymax.min(g.h as i128 - 1 - y);
        let mut nodes: Vec<i128> = Vec::with_capacity(n);
        let mut row = lo;
        while row <= hi {
            nodes.clear();
            for (i, j) in edges() {
                let (x1, y1, x2, y2) = (px(i), py(i), px(j), py(j));
                if y1 != y2 && ((y1 > row && y2 <= row) || (y1 <= row && y2 > row)) {
                    nodes.push((32 * x1 + 32 * (x2 - x1) * (row - y1) / (y2 - y1) + 16) / 32);
                } else if row == y1.max(y2) {
                    if y1 < y2 {
                        g.set(b, sat(x + x2), sat(y + y2), c);
                    } else if y2 < y1 {
                        g.set(b, sat(x + x1), sat(y + y1), c);
                    } else {
                        g.line(b, sat(x + x1), sat(y + y1), sat(x + x2), sat(y + y2), c);
                    }
                }
            }
            nodes.sort_unstable();
            for pair in nodes.chunks_exact(2) {
                g.fill_rect(
                    b,
                    sat(x + pair[0]),
                    sat(y + row),
                    sat(pair[1] - pair[0] + 1),
                    1,
                    c,
                );
            }
            row += 1;
        }
    });
    Ok(Value::None)
}

fn fb_blit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "blit", 4, 6)?;
    // A FrameBuffer on the same memory is read in place, as MicroPython does (a blit onto an
    // overlapping area sees pixels it already wrote); anything else is copied first.
    let same = fb_of(&args[1]).and_then(|s| f.store.offset_in_same(&s.store).map(|o| (s.g, o)));
    let (sg, src) = match same {
        Some((g, _)) => (g, Vec::new()),
        None => source(vm, &args[1])?,
    };
    let x = int(vm, &args[2])?;
    let y = int(vm, &args[3])?;
    let key = match args.get(4) {
        Some(k) => int(vm, k)?,
        None => -1,
    };
    let palette = match args.get(5) {
        Some(p) if !p.is_none() => Some(source(vm, p)?),
        _ => None,
    };
    let g = f.g;
    if x >= g.w || y >= g.h || x.saturating_neg() >= sg.w || y.saturating_neg() >= sg.h {
        return Ok(Value::None);
    }
    let (x0, y0) = (x.max(0), y.max(0));
    let (sx0, mut sy) = (x.saturating_neg().max(0), y.saturating_neg().max(0));
    let x0end = g.w.min(x.saturating_add(sg.w));
    let y0end = g.h.min(y.saturating_add(sg.h));
    f.store.with_whole(|whole, (ts, te)| {
        for ty in y0..y0end {
            for (sx, tx) in (sx0..).zip(x0..x0end) {
                let mut col = match same {
                    Some((_, (ss, sl))) => {
                        let end = ss.saturating_add(sl).min(whole.len());
                        sg.get(whole.get(ss.min(end)..end).unwrap_or(&[]), sx, sy)
                    }
                    None => sg.get(&src, sx, sy),
                };
                if let Some((pg, pb)) = &palette {
                    col = pg.get(pb, col as i64, 0);
                }
                if col != key as u32 {
                    if let Some(t) = whole.get_mut(ts..te) {
                        g.set(t, tx, ty, col);
                    }
                }
            }
            sy += 1;
        }
    });
    Ok(Value::None)
}

fn fb_scroll(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "scroll", 3, 3)?;
    let [xs, ys] = ints::<2>(vm, args)?;
    let g = f.g;
    let (sx, xend, dx) = if xs < 0 {
        let e = g.w.saturating_add(xs);
        if e <= 0 {
            return Ok(Value::None);
        }
        (0, e, 1)
    } else {
        let e = xs - 1;
        if e >= g.w - 1 {
            return Ok(Value::None);
        }
        (g.w - 1, e, -1)
    };
    let (mut y, yend, dy) = if ys < 0 {
        let e = g.h.saturating_add(ys);
        if e <= 0 {
            return Ok(Value::None);
        }
        (0, e, 1)
    } else {
        let e = ys - 1;
        if e >= g.h - 1 {
            return Ok(Value::None);
        }
        (g.h - 1, e, -1)
    };
    f.store.with(|b| {
        while y != yend {
            let mut x = sx;
            while x != xend {
                let c = g.get(b, x - xs, y - ys);
                g.set(b, x, y, c);
                x += dx;
            }
            y += dy;
        }
    });
    Ok(Value::None)
}

fn fb_text(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let f = this(vm, args, "text", 4, 5)?;
    let s = vm.builtin_base(&args[1]);
    let Value::Str(s) = s else {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("can't convert '{}' object to str implicitly", tn)));
    };
    let x = int(vm, &args[2])?;
    let y0 = int(vm, &args[3])?;
    let col = match args.get(4) {
        Some(c) => int(vm, c)? as u32,
        None => 1,
    };
    let g = f.g;
    f.store.with(|b| {
        let mut x0 = x;
        for &ch in s.as_str().as_bytes() {
            if x0 >= g.w {
                break;
            }
            let ch = if (32..=127).contains(&ch) { ch } else { 127 };
            let glyph = &FONT[(ch as usize - 32) * 8..(ch as usize - 32) * 8 + 8];
            for &column in glyph {
                if x0 >= 0 && x0 < g.w {
                    let mut bits = column;
                    let mut yy = y0;
                    while bits != 0 {
                        if bits & 1 != 0 {
                            g.set(b, x0, yy, col);
                        }
                        bits >>= 1;
                        yy = yy.saturating_add(1);
                    }
                }
                x0 = x0.saturating_add(1);
            }
        }
    });
    Ok(Value::None)
}

/// `FrameBuffer1(buffer, width, height[, stride])`: a MONO_VLSB FrameBuffer (legacy).
fn framebuffer1(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "FrameBuffer1", args, 3, 4)?;
    let module = vm
        .sys_module("framebuf")
        .or_else(|| vm.sys_module("uframebuf"))
        .unwrap_or(Value::None);
    let Some(cls) = vm.getattr_opt(&module, "FrameBuffer")? else {
        return Err(vm.type_error("FrameBuffer"));
    };
    let stride = args.get(3).cloned().unwrap_or_else(|| args[1].clone());
    let full = [
        args[0].clone(),
        args[1].clone(),
        args[2].clone(),
        Value::Int(0),
        stride,
    ];
    vm.call(&cls, &full)
}

/// Create the `framebuf` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("framebuf");
    let cls = types::new_type(
        "FrameBuffer",
        alloc::vec![vm.types.object.clone()],
        Layout::Object,
        false,
    );
    types::set_attr(&cls, "__module__", Value::str("framebuf"));
    types::add_methods(
        &cls,
        &[
            ("__init__", fb_init),
            ("__bytes__", fb_bytes_m),
            ("__buffer__", fb_buffer),
            ("fill", fb_fill),
            ("fill_rect", fb_fill_rect),
            ("pixel", fb_pixel),
            ("hline", fb_hline),
            ("vline", fb_vline),
            ("rect", fb_rect),
            ("line", fb_line),
            ("ellipse", fb_ellipse),
            ("poly", fb_poly),
            ("blit", fb_blit),
            ("scroll", fb_scroll),
            ("text", fb_text),
        ],
    );
    module_set(&m, "FrameBuffer", Value::Obj(cls));
    module_set(&m, "FrameBuffer1", builtin_fn("FrameBuffer1", framebuffer1));
    for (name, v) in [
        ("MVLSB", MVLSB),
        ("MONO_VLSB", MVLSB),
        ("RGB565", RGB565),
        ("GS2_HMSB", GS2_HMSB),
        ("GS4_HMSB", GS4_HMSB),
        ("GS8", GS8),
        ("MONO_HLSB", MHLSB),
        ("MONO_HMSB", MHMSB),
    ] {
        module_set(&m, name, Value::Int(v as i64));
    }
    Ok(m)
}

//! The REPL protocols from the host side: interrupt, raw REPL, raw-paste with flow control (and
//! the plain raw-mode fallback), exec/eval with stdout and the exception text kept apart, soft
//! reset, and following a program's output.
//!
//! Invariant between operations while in the raw REPL: the board has printed its `>` prompt and
//! the host has consumed it.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::{Error, Transport};

/// The raw REPL's greeting, ending with its prompt.
const GREETING: &[u8] = b"raw REPL; CTRL-B to exit\r\n>";
/// Bytes written at once in plain raw mode (no flow control there).
const PLAIN_CHUNK: usize = 256;

/// What a piece of code printed, and the exception text if it raised (empty when it did not).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecOutput {
    /// Everything the code wrote to stdout.
    pub stdout: Vec<u8>,
    /// The traceback of an uncaught exception, or empty.
    pub stderr: Vec<u8>,
}

impl ExecOutput {
    /// stdout when the code ran without an exception, else [`Error::Exception`].
    pub fn into_result(self) -> Result<Vec<u8>, Error> {
        if self.stderr.is_empty() {
            Ok(self.stdout)
        } else {
            Err(Error::Exception(
                String::from_utf8_lossy(&self.stderr).into_owned(),
            ))
        }
    }
}

/// A connection to a board over transport `T`, speaking the raw REPL protocols.
pub struct RawRepl<T> {
    t: T,
    /// Bytes received but not yet consumed.
    buf: Vec<u8>,
    pos: usize,
    /// How long the board may stay silent (milliseconds) while an answer is awaited.
    pub timeout_ms: u32,
    /// Whether the host has put the board in the raw REPL.
    in_raw: bool,
    /// Whether the board supports raw-paste: unknown until first tried.
    raw_paste: Option<bool>,
    /// Raw-paste window sizes announced by the board (the last one), for inspection by tests.
    pub last_window: Option<u16>,
}

impl<T: Transport> RawRepl<T> {
    /// A connection over `t`, with a 10-second timeout (mpremote's).
    pub fn new(t: T) -> Self {
        RawRepl {
            t,
            buf: Vec::new(),
            pos: 0,
            timeout_ms: 10_000,
            in_raw: false,
            raw_paste: None,
            last_window: None,
        }
    }

    /// The transport.
    pub fn transport(&mut self) -> &mut T {
        &mut self.t
    }

    /// Give back the transport.
    pub fn into_inner(self) -> T {
        self.t
    }

    /// Whether the host believes the board is in the raw REPL.
    pub fn in_raw_repl(&self) -> bool {
        self.in_raw
    }

    /// Whether the board answered raw-paste with `R\x01` (None: not tried yet).
    pub fn raw_paste_supported(&self) -> Option<bool> {
        self.raw_paste
    }

    async fn fill(&mut self, timeout_ms: u32) -> Result<bool, Error> {
        if self.pos >= self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        }
        let mut tmp = [0u8; 512];
        let n = self.t.read(&mut tmp, timeout_ms).await?;
        self.buf.extend_from_slice(&tmp[..n.min(tmp.len())]);
        Ok(n > 0)
    }

    /// The next byte, waiting at most `timeout_ms`; None on timeout.
    async fn next_byte(&mut self, timeout_ms: u32) -> Result<Option<u8>, Error> {
        if self.pos >= self.buf.len() && !self.fill(timeout_ms).await? {
            return Ok(None);
        }
        let b = self.buf.get(self.pos).copied();
        self.pos += 1;
        Ok(b)
    }

    async fn byte(&mut self, what: &str) -> Result<u8, Error> {
        match self.next_byte(self.timeout_ms).await? {
            Some(b) => Ok(b),
            None => Err(Error::Timeout(what.to_string())),
        }
    }

    async fn read_exact(&mut self, n: usize, what: &str) -> Result<Vec<u8>, Error> {
        let mut v = Vec::with_capacity(n);
        while v.len() < n {
            v.push(self.byte(what).await?);
        }
        Ok(v)
    }

    /// Read until the data received ends with `ending` (the board stays silent at most the
    /// timeout between bytes); returns everything read, `ending` included.
    async fn read_until(&mut self, ending: &[u8], what: &str) -> Result<Vec<u8>, Error> {
        let mut v = Vec::new();
        while !v.ends_with(ending) {
            v.push(self.byte(what).await?);
        }
        Ok(v)
    }

    /// Discard input until the board has been silent for `quiet_ms` (or a bounded amount was
    /// discarded, so a board that never stops printing cannot hold the host forever).
    async fn drain(&mut self, quiet_ms: u32) -> Result<(), Error> {
        self.buf.clear();
        self.pos = 0;
        let mut rounds = 0;
        while rounds < 1000 && self.fill(quiet_ms).await? {
            self.buf.clear();
            self.pos = 0;
            rounds += 1;
        }
        Ok(())
    }

    async fn send(&mut self, data: &[u8]) -> Result<(), Error> {
        self.t.write(data).await?;
        self.t.flush().await
    }

    /// Interrupt whatever runs on the board (Ctrl-C twice) and discard its output.
    pub async fn interrupt(&mut self) -> Result<(), Error> {
        self.send(b"\r\x03\x03").await?;
        self.drain(100).await
    }

    /// Interrupt the board and enter the raw REPL, soft-resetting it first when asked (a fresh
    /// interpreter state, as mpremote does by default).
    pub async fn enter_raw_repl(&mut self, soft_reset: bool) -> Result<(), Error> {
        self.interrupt().await?;
        self.send(b"\r\x01").await?;
        self.read_until(GREETING, "the raw REPL greeting").await?;
        self.in_raw = true;
        if soft_reset {
            self.soft_reset_raw().await?;
        }
        Ok(())
    }

    /// Leave the raw REPL for the friendly one.
    pub async fn exit_raw_repl(&mut self) -> Result<(), Error> {
        self.send(b"\r\x02").await?;
        self.in_raw = false;
        Ok(())
    }

    /// Soft-reset the board from the raw REPL (entering it first if needed): a fresh interpreter,
    /// `boot.py` run again.
    pub async fn soft_reset(&mut self) -> Result<(), Error> {
        if !self.in_raw {
            return self.enter_raw_repl(true).await;
        }
        self.soft_reset_raw().await
    }

    async fn soft_reset_raw(&mut self) -> Result<(), Error> {
        self.send(b"\x04").await?;
        self.read_until(b"soft reboot\r\n", "the soft reboot")
            .await?;
        self.read_until(GREETING, "the raw REPL after a soft reboot")
            .await?;
        Ok(())
    }

    /// Send `code` to the raw REPL and have it compiled and started, without reading its output:
    /// by raw-paste when the board supports it, else in plain raw mode.
    pub async fn exec_no_follow(&mut self, code: &[u8]) -> Result<(), Error> {
        if !self.in_raw {
            self.enter_raw_repl(false).await?;
        }
        if self.raw_paste != Some(false) {
            self.send(b"\x05A\x01").await?;
            let answer = self.read_exact(2, "the raw-paste answer").await?;
            match answer.as_slice() {
                b"R\x01" => {
                    self.raw_paste = Some(true);
                    return self.raw_paste_write(code).await;
                }
                b"R\x00" => {
                    // Understood but not supported: plain raw mode from now on.
                    self.raw_paste = Some(false);
                }
                b"ra" => {
                    // Firmware without raw-paste took the bytes as a line and re-entered raw
                    // mode.
                    self.read_until(b"w REPL; CTRL-B to exit\r\n>", "the raw REPL greeting")
                        .await?;
                    self.raw_paste = Some(false);
                }
                other => {
                    return Err(Error::Protocol(format!(
                        "unexpected answer to raw-paste: {:?}",
                        String::from_utf8_lossy(other)
                    )))
                }
            }
        }
        for chunk in code.chunks(PLAIN_CHUNK) {
            self.t.write(chunk).await?;
        }
        self.send(b"\x04").await?;
        // Some boards re-print the `>` prompt after `R\x00`.
        loop {
            match self.byte("the OK of plain raw mode").await? {
                b'>' => continue,
                b'O' => break,
                other => {
                    return Err(Error::Protocol(format!(
                        "expected OK from the raw REPL, got {:?}",
                        char::from(other)
                    )))
                }
            }
        }
        if self.byte("the OK of plain raw mode").await? != b'K' {
            return Err(Error::Protocol("expected OK from the raw REPL".to_string()));
        }
        Ok(())
    }

    /// Raw-paste: the board announces a window; every `\x01` it sends grants another window, a
    /// `\x04` means it stopped accepting (a compile-stopping error), acknowledged with `\x04`.
    async fn raw_paste_write(&mut self, code: &[u8]) -> Result<(), Error> {
        let w = self.read_exact(2, "the raw-paste window size").await?;
        let window = usize::from(u16::from_le_bytes([w[0], w[1]]));
        self.last_window = Some(window as u16);
        if window == 0 {
            return Err(Error::Protocol("raw-paste window of 0 bytes".to_string()));
        }
        let mut remain = window;
        let mut i = 0;
        while i < code.len() {
            // Take every flow-control byte already received; wait for one when out of room.
            loop {
                let b = if remain == 0 {
                    Some(self.byte("raw-paste flow control").await?)
                } else {
                    self.next_byte(0).await?
                };
                match b {
                    None => break,
                    Some(0x01) => remain += window,
                    Some(0x04) => {
                        self.send(b"\x04").await?;
                        return Ok(());
                    }
                    Some(other) => {
                        return Err(Error::Protocol(format!(
                            "unexpected byte {:#04x} during raw-paste",
                            other
                        )))
                    }
                }
            }
            let end = code.len().min(i + remain);
            self.send(&code[i..end]).await?;
            remain -= end - i;
            i = end;
        }
        self.send(b"\x04").await?;
        let ack = self.read_until(b"\x04", "the end of raw-paste").await?;
        if ack.iter().any(|&b| b != 0x01 && b != 0x04) {
            return Err(Error::Protocol(
                "garbage at the end of raw-paste".to_string(),
            ));
        }
        Ok(())
    }

    /// Read a running program's output until it ends: stdout goes to `on_stdout` as it arrives,
    /// the exception text (if any) is returned. `timeout_ms` bounds the silence between bytes
    /// (None: wait forever, for programs that run long).
    pub async fn follow(
        &mut self,
        timeout_ms: Option<u32>,
        on_stdout: &mut dyn FnMut(&[u8]),
    ) -> Result<Vec<u8>, Error> {
        let mut pending: Vec<u8> = Vec::new();
        loop {
            let b = match timeout_ms {
                Some(t) => self.next_byte(t).await?,
                None => self.next_byte(1000).await?,
            };
            let Some(b) = b else {
                if !pending.is_empty() {
                    on_stdout(&pending);
                    pending.clear();
                }
                if timeout_ms.is_some() {
                    return Err(Error::Timeout("the program's output".to_string()));
                }
                continue;
            };
            if b == 0x04 {
                break;
            }
            pending.push(b);
            if self.pos >= self.buf.len() || pending.len() >= 256 {
                on_stdout(&pending);
                pending.clear();
            }
        }
        if !pending.is_empty() {
            on_stdout(&pending);
        }
        let mut err = self.read_until(b"\x04", "the exception text").await?;
        err.pop();
        self.read_until(b">", "the raw REPL prompt").await?;
        Ok(err)
    }

    /// Run `code` and collect what it printed and the exception text, apart.
    pub async fn exec(&mut self, code: &[u8]) -> Result<ExecOutput, Error> {
        self.exec_no_follow(code).await?;
        let mut stdout = Vec::new();
        let timeout = self.timeout_ms;
        let stderr = self
            .follow(Some(timeout), &mut |d| stdout.extend_from_slice(d))
            .await?;
        Ok(ExecOutput { stdout, stderr })
    }

    /// Run `code`; its stdout, or [`Error::Exception`] with the traceback if it raised.
    pub async fn exec_ok(&mut self, code: &str) -> Result<Vec<u8>, Error> {
        self.exec(code.as_bytes()).await?.into_result()
    }

    /// Evaluate `expr` on the board: the `repr` of its value.
    pub async fn eval(&mut self, expr: &str) -> Result<String, Error> {
        let out = self.exec_ok(&format!("print(repr({}))", expr)).await?;
        let s = String::from_utf8_lossy(&out);
        Ok(s.trim_end_matches(['\r', '\n']).to_string())
    }
}

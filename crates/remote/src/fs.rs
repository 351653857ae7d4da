//! File operations on the board, built on `exec` the way mpremote does them: code using `os`,
//! `open`, `binascii` and `hashlib` runs on the board and prints a small line-based answer.
//! Binary data travels as base64 in chunks; `put` writes a temporary file and renames it into
//! place only once its content is verified, so a failed transfer never leaves a half-written file
//! under the real name.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::codec::{base64_decode, base64_encode, hex, py_str, sha256, unhex};
use crate::protocol::RawRepl;
use crate::{Error, Transport};

/// Bytes of file data per exec round trip (before base64).
pub const CHUNK: usize = 1024;

/// One directory entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    /// The entry's name (no directory part).
    pub name: String,
    /// Size in bytes (0 for directories).
    pub size: u64,
    /// Whether it is a directory.
    pub is_dir: bool,
}

/// What `os.stat` says about a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    /// `st_mode`.
    pub mode: u32,
    /// Size in bytes.
    pub size: u64,
    /// Modification time (the board's epoch).
    pub mtime: i64,
}

impl Stat {
    /// Whether the path is a directory.
    pub fn is_dir(&self) -> bool {
        self.mode & 0x4000 != 0
    }
}

/// The result of a put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// The file was written.
    Written,
    /// The board already had the same content (same SHA-256): nothing was sent.
    Unchanged,
}

/// Wrap `body` (one-space indented lines) so an OSError prints `!E errno` instead of raising.
fn guarded(body: &str) -> String {
    let mut s = String::from("import os\ntry:\n");
    for line in body.lines() {
        s.push(' ');
        s.push_str(line);
        s.push('\n');
    }
    s.push_str("except OSError as e:\n print('!E', e.args[0])\n");
    s
}

/// The lines of an answer, or the OSError it reports.
fn answer_lines(out: &[u8], path: &str) -> Result<Vec<String>, Error> {
    let text = String::from_utf8_lossy(out);
    let mut lines = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if let Some(code) = line.strip_prefix("!E ") {
            let errno = code.trim().parse().unwrap_or(5);
            return Err(Error::Os {
                errno,
                path: path.to_string(),
            });
        }
        lines.push(line.to_string());
    }
    Ok(lines)
}

/// The temporary name `put` writes before renaming: `.NAME.part` in the same directory.
pub fn temp_name(path: &str) -> String {
    match path.rfind('/') {
        Some(i) => format!("{}/.{}.part", &path[..i], &path[i + 1..]),
        None => format!(".{}.part", path),
    }
}

impl<T: Transport> RawRepl<T> {
    async fn guarded_lines(&mut self, body: &str, path: &str) -> Result<Vec<String>, Error> {
        let out = self.exec_ok(&guarded(body)).await?;
        answer_lines(&out, path)
    }

    /// List a directory: names, sizes, and which entries are directories.
    pub async fn ls(&mut self, dir: &str) -> Result<Vec<DirEntry>, Error> {
        let body = format!(
            "import binascii\nfor f in os.ilistdir({}):\n print(binascii.hexlify(f[0].encode()).decode(), f[1], f[3] if len(f) > 3 else 0)",
            py_str(dir)
        );
        let mut entries = Vec::new();
        for line in self.guarded_lines(&body, dir).await? {
            let mut parts = line.split(' ');
            let (Some(h), Some(kind), Some(size)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let name = unhex(h)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .ok_or_else(|| Error::Protocol(format!("bad listing line {:?}", line)))?;
            let kind: u32 = kind.parse().unwrap_or(0);
            let is_dir = kind & 0x4000 != 0;
            let size = if is_dir { 0 } else { size.parse().unwrap_or(0) };
            entries.push(DirEntry { name, size, is_dir });
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(entries)
    }

    /// `os.stat(path)`.
    pub async fn stat(&mut self, path: &str) -> Result<Stat, Error> {
        let body = format!("s = os.stat({})\nprint(s[0], s[6], s[8])", py_str(path));
        let lines = self.guarded_lines(&body, path).await?;
        let bad = || Error::Protocol("bad stat answer".to_string());
        let line = lines.last().ok_or_else(bad)?;
        let mut it = line.split(' ');
        let mode = it.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let size = it.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let mtime = it.next().and_then(|v| v.parse().ok()).unwrap_or(0);
        Ok(Stat { mode, size, mtime })
    }

    /// SHA-256 of a file on the board, or None when the board has no `hashlib.sha256`.
    pub async fn hash(&mut self, path: &str) -> Result<Option<[u8; 32]>, Error> {
        let body = format!(
            "try:\n import hashlib, binascii\n h = hashlib.sha256()\nexcept (ImportError, AttributeError):\n h = None\nif h is None:\n print('!N')\nelse:\n f = open({}, 'rb')\n while 1:\n  d = f.read({})\n  if not d:\n   break\n  h.update(d)\n f.close()\n print(binascii.hexlify(h.digest()).decode())",
            py_str(path),
            CHUNK
        );
        let lines = self.guarded_lines(&body, path).await?;
        let line = lines.last().map(String::as_str).unwrap_or("");
        if line == "!N" {
            return Ok(None);
        }
        let digest = unhex(line.trim())
            .and_then(|d| <[u8; 32]>::try_from(d).ok())
            .ok_or_else(|| Error::Protocol(format!("bad hash answer {:?}", line)))?;
        Ok(Some(digest))
    }

    /// Read a file in chunks, handing each to `on_chunk`; the total length is checked against
    /// `os.stat`, and the content against the board's SHA-256 when it has one.
    pub async fn read_file_with(
        &mut self,
        path: &str,
        on_chunk: &mut dyn FnMut(&[u8]),
    ) -> Result<u64, Error> {
        let st = self.stat(path).await?;
        if st.is_dir() {
            return Err(Error::Os {
                errno: 21,
                path: path.to_string(),
            });
        }
        let open = format!(
            "import binascii\n_f = open({}, 'rb')\n_r = _f.read\n_b = binascii.b2a_base64",
            py_str(path)
        );
        self.guarded_lines(&open, path).await?;
        let step = format!(
            "_d = _r({})\nif _d:\n print(_b(_d).decode(), end='')\nelse:\n _f.close()\n print('!.')",
            CHUNK
        );
        let mut total: u64 = 0;
        let mut digest_input: Vec<u8> = Vec::new();
        loop {
            let out = self.exec_ok(&step).await?;
            if out.starts_with(b"!.") {
                break;
            }
            let data = base64_decode(&out)
                .filter(|d| !d.is_empty() && d.len() <= CHUNK)
                .ok_or_else(|| Error::Corrupt(format!("bad data chunk from {}", path)))?;
            total += data.len() as u64;
            if total > st.size {
                return Err(Error::Corrupt(format!("{} is longer than its size", path)));
            }
            digest_input.extend_from_slice(&data);
            on_chunk(&data);
        }
        if total != st.size {
            return Err(Error::Corrupt(format!(
                "{}: got {} bytes of {}",
                path, total, st.size
            )));
        }
        if let Some(remote) = self.hash(path).await? {
            if remote != sha256(&digest_input) {
                return Err(Error::Corrupt(format!("{}: SHA-256 mismatch", path)));
            }
        }
        Ok(total)
    }

    /// A whole file's content.
    pub async fn read_file(&mut self, path: &str) -> Result<Vec<u8>, Error> {
        let mut data = Vec::new();
        self.read_file_with(path, &mut |d| data.extend_from_slice(d))
            .await?;
        Ok(data)
    }

    /// Write `data` to `path` on the board. With `skip_unchanged`, nothing is sent when the
    /// board's file already has the same SHA-256. The data goes to a temporary file first (see
    /// [`temp_name`]), is verified, and is renamed into place; on failure the temporary file is
    /// removed when the board can still be reached, and `path` is untouched.
    pub async fn write_file(
        &mut self,
        path: &str,
        data: &[u8],
        skip_unchanged: bool,
    ) -> Result<PutOutcome, Error> {
        if skip_unchanged {
            match self.hash(path).await {
                Ok(Some(h)) if h == sha256(data) => return Ok(PutOutcome::Unchanged),
                Ok(_) | Err(Error::Os { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        let tmp = temp_name(path);
        match self.write_temp(&tmp, path, data).await {
            Ok(()) => Ok(PutOutcome::Written),
            Err(e) => {
                self.cleanup_temp(&tmp, &e).await;
                Err(e)
            }
        }
    }

    async fn write_temp(&mut self, tmp: &str, path: &str, data: &[u8]) -> Result<(), Error> {
        let open = format!(
            "import binascii\n_f = open({}, 'wb')\n_w = _f.write\n_a = binascii.a2b_base64",
            py_str(tmp)
        );
        self.guarded_lines(&open, path).await?;
        for chunk in data.chunks(CHUNK) {
            // A bytes literal: micropython-lib's pure-Python binascii (frozen into some ports) takes
            // no str.
            let code = format!("_w(_a(b'{}'))", base64_encode(chunk));
            self.exec_ok(&code).await?;
        }
        self.guarded_lines("_f.close()", path).await?;
        // Verify what landed before it replaces anything.
        let st = self.stat(tmp).await?;
        if st.size != data.len() as u64 {
            return Err(Error::Corrupt(format!(
                "{}: wrote {} bytes of {}",
                path,
                st.size,
                data.len()
            )));
        }
        if let Some(h) = self.hash(tmp).await? {
            if h != sha256(data) {
                return Err(Error::Corrupt(format!(
                    "{}: SHA-256 mismatch ({} on the board)",
                    path,
                    hex(&h)
                )));
            }
        }
        let rename = format!(
            "try:\n os.rename({t}, {p})\nexcept OSError:\n os.remove({p})\n os.rename({t}, {p})",
            t = py_str(tmp),
            p = py_str(path)
        );
        self.guarded_lines(&rename, path).await?;
        Ok(())
    }

    /// Best effort after a failed put: close and remove the temporary file.
    async fn cleanup_temp(&mut self, tmp: &str, cause: &Error) {
        if matches!(cause, Error::Disconnected | Error::Io(_)) {
            return;
        }
        let saved = self.timeout_ms;
        self.timeout_ms = saved.min(2000);
        if matches!(cause, Error::Timeout(_) | Error::Protocol(_))
            && self.enter_raw_repl(false).await.is_err()
        {
            self.timeout_ms = saved;
            return;
        }
        let code = format!(
            "try:\n _f.close()\nexcept Exception:\n pass\nimport os\ntry:\n os.remove({})\nexcept OSError:\n pass",
            py_str(tmp)
        );
        let _ = self.exec(code.as_bytes()).await;
        self.timeout_ms = saved;
    }

    /// Create a directory.
    pub async fn mkdir(&mut self, path: &str) -> Result<(), Error> {
        self.guarded_lines(&format!("os.mkdir({})", py_str(path)), path)
            .await
            .map(drop)
    }

    /// Remove a file.
    pub async fn rm(&mut self, path: &str) -> Result<(), Error> {
        self.guarded_lines(&format!("os.remove({})", py_str(path)), path)
            .await
            .map(drop)
    }

    /// Remove an empty directory.
    pub async fn rmdir(&mut self, path: &str) -> Result<(), Error> {
        self.guarded_lines(&format!("os.rmdir({})", py_str(path)), path)
            .await
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_stay_in_the_directory() {
        assert_eq!(temp_name("main.py"), ".main.py.part");
        assert_eq!(temp_name("/lib/x.py"), "/lib/.x.py.part");
    }

    #[test]
    fn answers_report_os_errors() {
        assert_eq!(
            answer_lines(b"!E 2\r\n", "x"),
            Err(Error::Os {
                errno: 2,
                path: "x".to_string()
            })
        );
        assert_eq!(
            answer_lines(b"a\r\nb\r\n", "x"),
            Ok(alloc::vec!["a".to_string(), "b".to_string()])
        );
    }
}

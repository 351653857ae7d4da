//! The DTLS 1.2 record layer (RFC 6347 section 4.1) and handshake message framing (section
//! 4.2.2-4.2.3): record headers with epochs and 48-bit sequence numbers, the anti-replay window,
//! handshake fragments and their reassembly, and a bounds-checked reader for message contents.
//! Nothing here panics on any input: malformed data is reported as None and dropped by the caller.

use std::collections::BTreeMap;

/// Record content types.
pub(super) const CT_CCS: u8 = 20;
/// Alert records.
pub(super) const CT_ALERT: u8 = 21;
/// Handshake records.
pub(super) const CT_HANDSHAKE: u8 = 22;
/// Application data records.
pub(super) const CT_APP: u8 = 23;

/// Record header length.
pub(super) const HEADER: usize = 13;
/// Handshake message header length.
pub(super) const HS_HEADER: usize = 12;
/// Largest record body accepted (2^14 plus the largest expansion RFC 6347 allows).
const MAX_BODY: usize = 16384 + 2048;
/// Largest handshake message accepted (a certificate chain of several large certificates).
pub(super) const MAX_HS_MSG: usize = 64 * 1024;
/// Largest 48-bit sequence number.
pub(super) const MAX_SEQ: u64 = (1 << 48) - 1;

/// One record of a datagram.
pub(super) struct Record<'a> {
    /// Content type.
    pub ct: u8,
    /// Epoch (0: unprotected).
    pub epoch: u16,
    /// The 48-bit sequence number.
    pub seq: u64,
    /// The (protected) body.
    pub body: &'a [u8],
}

impl Record<'_> {
    /// Epoch and sequence as one 64-bit number (the AEAD's sequence input).
    pub fn full_seq(&self) -> u64 {
        ((self.epoch as u64) << 48) | self.seq
    }
}

/// The records of a datagram; parsing stops at the first malformed header (the rest of the
/// datagram is discarded, RFC 6347 section 4.1.2.7).
pub(super) fn records(mut d: &[u8]) -> Vec<Record<'_>> {
    let mut out = Vec::new();
    while d.len() >= HEADER {
        let ct = d[0];
        let version_ok = d[1] == 0xfe && (d[2] == 0xfd || d[2] == 0xff);
        let epoch = u16::from_be_bytes([d[3], d[4]]);
        let seq = d[5..11].iter().fold(0u64, |a, &b| (a << 8) | b as u64);
        let len = u16::from_be_bytes([d[11], d[12]]) as usize;
        if !version_ok || !(CT_CCS..=CT_APP).contains(&ct) || len > MAX_BODY {
            break;
        }
        let Some(body) = d.get(HEADER..HEADER + len) else {
            break;
        };
        out.push(Record {
            ct,
            epoch,
            seq,
            body,
        });
        d = &d[HEADER + len..];
    }
    out
}

/// A record header for a body of `len` bytes.
pub(super) fn header(ct: u8, epoch: u16, seq: u64, len: usize) -> [u8; HEADER] {
    let mut h = [0u8; HEADER];
    h[0] = ct;
    h[1] = 0xfe;
    h[2] = 0xfd;
    h[3..5].copy_from_slice(&epoch.to_be_bytes());
    h[5..11].copy_from_slice(&seq.to_be_bytes()[2..]);
    h[11..].copy_from_slice(&(len as u16).to_be_bytes());
    h
}

/// The anti-replay window of one epoch (RFC 6347 section 4.1.2.6, 64 records wide).
#[derive(Default)]
pub(super) struct Replay {
    top: u64,
    bits: u64,
    any: bool,
}

impl Replay {
    /// The record `seq` has not been seen and is not too old.
    pub fn fresh(&self, seq: u64) -> bool {
        if !self.any || seq > self.top {
            return true;
        }
        let d = self.top - seq;
        d < 64 && self.bits & (1 << d) == 0
    }

    /// Note an authenticated record.
    pub fn mark(&mut self, seq: u64) {
        if !self.any {
            self.any = true;
            self.top = seq;
            self.bits = 1;
        } else if seq > self.top {
            let shift = seq - self.top;
            self.bits = if shift >= 64 { 0 } else { self.bits << shift };
            self.bits |= 1;
            self.top = seq;
        } else if self.top - seq < 64 {
            self.bits |= 1 << (self.top - seq);
        }
    }
}

/// A bounds-checked reader of message contents.
pub(super) struct Reader<'a>(pub &'a [u8]);

impl<'a> Reader<'a> {
    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }

    /// A big-endian integer of `n` bytes (n <= 4).
    pub fn uint(&mut self, n: usize) -> Option<usize> {
        Some(
            self.take(n)?
                .iter()
                .fold(0usize, |a, &b| (a << 8) | b as usize),
        )
    }

    /// A byte.
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    /// A 16-bit number.
    pub fn u16(&mut self) -> Option<u16> {
        Some(self.uint(2)? as u16)
    }

    /// A vector with an `n`-byte length prefix.
    pub fn vec(&mut self, n: usize) -> Option<&'a [u8]> {
        let len = self.uint(n)?;
        self.take(len)
    }

    /// Nothing is left.
    pub fn done(&self) -> bool {
        self.0.is_empty()
    }
}

/// Append `data` with an `n`-byte length prefix.
pub(super) fn put_vec(out: &mut Vec<u8>, n: usize, data: &[u8]) {
    let len = data.len().to_be_bytes();
    out.extend_from_slice(&len[len.len() - n..]);
    out.extend_from_slice(data);
}

/// A complete handshake message with its header (offset 0, fragment length = length): the form
/// that enters the handshake transcript and that flights keep for retransmission.
pub(super) fn hs_message(ty: u8, seq: u16, body: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(HS_HEADER + body.len());
    m.push(ty);
    let len = (body.len() as u32).to_be_bytes();
    m.extend_from_slice(&len[1..]);
    m.extend_from_slice(&seq.to_be_bytes());
    m.extend_from_slice(&[0, 0, 0]);
    m.extend_from_slice(&len[1..]);
    m.extend_from_slice(body);
    m
}

/// Fragments of a complete message (as made by `hs_message`), each at most `max` body bytes.
pub(super) fn fragments(msg: &[u8], max: usize) -> Vec<Vec<u8>> {
    let (head, body) = msg.split_at(HS_HEADER.min(msg.len()));
    let max = max.max(1);
    let mut out = Vec::new();
    let mut off = 0;
    loop {
        let n = (body.len() - off).min(max);
        let mut f = Vec::with_capacity(HS_HEADER + n);
        f.extend_from_slice(&head[..6.min(head.len())]);
        f.extend_from_slice(&(off as u32).to_be_bytes()[1..]);
        f.extend_from_slice(&(n as u32).to_be_bytes()[1..]);
        f.extend_from_slice(&body[off..off + n]);
        out.push(f);
        off += n;
        if off >= body.len() {
            return out;
        }
    }
}

/// One handshake fragment from a record.
pub(super) struct Fragment<'a> {
    /// Message type.
    pub ty: u8,
    /// Length of the whole message.
    pub len: usize,
    /// message_seq.
    pub seq: u16,
    /// Where this fragment goes in the message.
    pub off: usize,
    /// The fragment's bytes.
    pub data: &'a [u8],
}

/// The fragments of a handshake record (None if any is malformed: the record is dropped).
pub(super) fn parse_fragments(mut body: &[u8]) -> Option<Vec<Fragment<'_>>> {
    let mut out = Vec::new();
    while !body.is_empty() {
        let mut r = Reader(body);
        let ty = r.u8()?;
        let len = r.uint(3)?;
        let seq = r.u16()?;
        let off = r.uint(3)?;
        let flen = r.uint(3)?;
        let data = r.take(flen)?;
        if len > MAX_HS_MSG || off.checked_add(flen)? > len {
            return None;
        }
        out.push(Fragment {
            ty,
            len,
            seq,
            off,
            data,
        });
        body = r.0;
    }
    Some(out)
}

/// A handshake message being reassembled.
struct Partial {
    ty: u8,
    buf: Vec<u8>,
    /// Which bytes have arrived.
    have: Vec<bool>,
    missing: usize,
}

/// Reassembly of incoming handshake messages, in message_seq order.
#[derive(Default)]
pub(super) struct Reassembly {
    parts: BTreeMap<u16, Partial>,
}

/// How many messages ahead of the next expected one are buffered.
const AHEAD: u16 = 16;

impl Reassembly {
    /// Add a fragment of message `f.seq` (the next expected being `next`). A fragment that
    /// disagrees with earlier ones of the same message (type or length: one of them is forged or
    /// stale) starts the message afresh, so a bogus fragment cannot block the handshake.
    pub fn add(&mut self, f: &Fragment<'_>, next: u16) {
        if f.seq < next || f.seq - next >= AHEAD {
            return;
        }
        let fresh = || Partial {
            ty: f.ty,
            buf: vec![0; f.len],
            have: vec![false; f.len],
            missing: f.len,
        };
        let p = self.parts.entry(f.seq).or_insert_with(fresh);
        if p.ty != f.ty || p.buf.len() != f.len {
            *p = fresh();
        }
        for (i, &b) in f.data.iter().enumerate() {
            let at = f.off + i;
            if let (Some(h), Some(d)) = (p.have.get_mut(at), p.buf.get_mut(at)) {
                if !*h {
                    *h = true;
                    *d = b;
                    p.missing -= 1;
                }
            }
        }
    }

    /// The message `next` if all of it has arrived: (type, body).
    pub fn take(&mut self, next: u16) -> Option<(u8, Vec<u8>)> {
        if self.parts.get(&next)?.missing != 0 {
            return None;
        }
        let p = self.parts.remove(&next)?;
        Some((p.ty, p.buf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replay_window() {
        let mut r = Replay::default();
        assert!(r.fresh(5));
        r.mark(5);
        assert!(!r.fresh(5));
        assert!(r.fresh(4));
        r.mark(100);
        assert!(!r.fresh(5));
        assert!(r.fresh(99));
        r.mark(99);
        assert!(!r.fresh(99));
        assert!(!r.fresh(30));
    }

    #[test]
    fn fragments_reassemble() {
        let body: Vec<u8> = (0..1000u32).map(|i| i as u8).collect();
        let msg = hs_message(11, 3, &body);
        let mut frs = fragments(&msg, 300);
        frs.reverse();
        let mut re = Reassembly::default();
        for f in &frs {
            let parsed = parse_fragments(f).unwrap();
            re.add(&parsed[0], 3);
        }
        assert_eq!(re.take(3), Some((11, body)));
    }

    #[test]
    fn garbage_is_dropped() {
        let mut seed = 12345u32;
        for _ in 0..2000 {
            let n = (seed % 64) as usize;
            let d: Vec<u8> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                    (seed >> 16) as u8
                })
                .collect();
            for r in records(&d) {
                let _ = parse_fragments(r.body);
            }
            let _ = parse_fragments(&d);
        }
    }
}

//! DTLS 1.2 cryptography on ring: the cipher suites (AES-GCM per RFC 5288/5289, ChaCha20-Poly1305
//! per RFC 7905, all with ECDHE key exchange per RFC 8422), the TLS 1.2 PRF (RFC 5246 section 5),
//! record protection with DTLS's epoch-and-sequence nonces, ECDHE over X25519 and P-256, and the
//! stateless cookie of HelloVerifyRequest.

use ring::aead::{self, Aad, LessSafeKey, Nonce, UnboundKey};
use ring::agreement::{self, EphemeralPrivateKey, UnparsedPublicKey};
use ring::rand::{SecureRandom, SystemRandom};
use ring::{digest, hmac};

/// One DTLS cipher suite.
pub(super) struct Suite {
    /// The IANA number.
    pub id: u16,
    /// mbedTLS's name (as get_ciphers lists it).
    pub name: &'static str,
    /// The record protection.
    aead: &'static aead::Algorithm,
    /// Key length in bytes.
    key_len: usize,
    /// The PRF and handshake hash are SHA-384 (else SHA-256).
    pub sha384: bool,
    /// Authenticated by ECDSA (else RSA) certificates.
    pub ecdsa: bool,
}

impl Suite {
    /// ChaCha20-Poly1305 (a 12-byte implicit IV XORed with the sequence; no explicit nonce).
    fn chacha(&self) -> bool {
        *self.aead == aead::CHACHA20_POLY1305
    }

    /// Length of the implicit IV taken from the key block.
    fn iv_len(&self) -> usize {
        if self.chacha() {
            12
        } else {
            4
        }
    }
}

/// The supported suites, in the order a server prefers them.
pub(super) static SUITES: [Suite; 6] = [
    Suite {
        id: 0xc02b,
        name: "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256",
        aead: &aead::AES_128_GCM,
        key_len: 16,
        sha384: false,
        ecdsa: true,
    },
    Suite {
        id: 0xc02f,
        name: "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256",
        aead: &aead::AES_128_GCM,
        key_len: 16,
        sha384: false,
        ecdsa: false,
    },
    Suite {
        id: 0xc02c,
        name: "TLS-ECDHE-ECDSA-WITH-AES-256-GCM-SHA384",
        aead: &aead::AES_256_GCM,
        key_len: 32,
        sha384: true,
        ecdsa: true,
    },
    Suite {
        id: 0xc030,
        name: "TLS-ECDHE-RSA-WITH-AES-256-GCM-SHA384",
        aead: &aead::AES_256_GCM,
        key_len: 32,
        sha384: true,
        ecdsa: false,
    },
    Suite {
        id: 0xcca9,
        name: "TLS-ECDHE-ECDSA-WITH-CHACHA20-POLY1305-SHA256",
        aead: &aead::CHACHA20_POLY1305,
        key_len: 32,
        sha384: false,
        ecdsa: true,
    },
    Suite {
        id: 0xcca8,
        name: "TLS-ECDHE-RSA-WITH-CHACHA20-POLY1305-SHA256",
        aead: &aead::CHACHA20_POLY1305,
        key_len: 32,
        sha384: false,
        ecdsa: false,
    },
];

/// Named groups (RFC 8422 / RFC 7748 numbers).
pub(super) const GROUP_X25519: u16 = 29;
/// secp256r1.
pub(super) const GROUP_P256: u16 = 23;

/// Random bytes from the system (all zero if the system source fails, which ring reports only
/// when the kernel has none).
pub(super) fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    let _ = SystemRandom::new().fill(&mut b);
    b
}

/// The TLS 1.2 PRF: P_SHA256 or P_SHA384 of `secret` over `label` + `seed`, `n` bytes.
pub(super) fn prf(sha384: bool, secret: &[u8], label: &[u8], seed: &[u8], n: usize) -> Vec<u8> {
    let alg = if sha384 {
        hmac::HMAC_SHA384
    } else {
        hmac::HMAC_SHA256
    };
    let key = hmac::Key::new(alg, secret);
    let mut ls = Vec::with_capacity(label.len() + seed.len());
    ls.extend_from_slice(label);
    ls.extend_from_slice(seed);
    let mut a = hmac::sign(&key, &ls);
    let mut out = Vec::with_capacity(n + 48);
    while out.len() < n {
        let mut ctx = hmac::Context::with_key(&key);
        ctx.update(a.as_ref());
        ctx.update(&ls);
        out.extend_from_slice(ctx.sign().as_ref());
        a = hmac::sign(&key, a.as_ref());
    }
    out.truncate(n);
    out
}

/// The handshake hash of the suite over `data`.
pub(super) fn hash(sha384: bool, data: &[u8]) -> Vec<u8> {
    let alg = if sha384 {
        &digest::SHA384
    } else {
        &digest::SHA256
    };
    digest::digest(alg, data).as_ref().to_vec()
}

/// The cookie for a client: an HMAC of its address and hello random under the context's secret.
pub(super) fn cookie(secret: &[u8; 32], addr: &[u8], client_random: &[u8]) -> Vec<u8> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret);
    let mut ctx = hmac::Context::with_key(&key);
    ctx.update(addr);
    ctx.update(client_random);
    ctx.sign().as_ref()[..20].to_vec()
}

/// Constant-time comparison of two byte strings.
pub(super) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn group_alg(group: u16) -> Option<&'static agreement::Algorithm> {
    match group {
        GROUP_X25519 => Some(&agreement::X25519),
        GROUP_P256 => Some(&agreement::ECDH_P256),
        _ => None,
    }
}

/// A fresh ECDHE key pair for `group`: the private key and the public point to send.
pub(super) fn ecdhe_keypair(group: u16) -> Option<(EphemeralPrivateKey, Vec<u8>)> {
    let alg = group_alg(group)?;
    let k = EphemeralPrivateKey::generate(alg, &SystemRandom::new()).ok()?;
    let public = k.compute_public_key().ok()?.as_ref().to_vec();
    Some((k, public))
}

/// The shared secret of our private key and the peer's public point (None if the point is
/// invalid).
pub(super) fn ecdhe_agree(group: u16, mine: EphemeralPrivateKey, peer: &[u8]) -> Option<Vec<u8>> {
    let alg = group_alg(group)?;
    agreement::agree_ephemeral(mine, &UnparsedPublicKey::new(alg, peer), |k| k.to_vec()).ok()
}

/// The record protection of one direction of one epoch.
pub(super) struct Keys {
    key: LessSafeKey,
    iv: [u8; 12],
    chacha: bool,
}

/// Record protection overhead: explicit nonce (GCM) and tag.
pub(super) const MAX_OVERHEAD: usize = 8 + 16;

/// The additional data of a record: the 64-bit epoch-and-sequence, type, version and length.
fn aad(seq: u64, ct: u8, len: usize) -> [u8; 13] {
    let mut a = [0u8; 13];
    a[..8].copy_from_slice(&seq.to_be_bytes());
    a[8] = ct;
    a[9] = 0xfe;
    a[10] = 0xfd;
    a[11..].copy_from_slice(&(len as u16).to_be_bytes());
    a
}

impl Keys {
    fn nonce(&self, seq: u64, explicit: Option<&[u8]>) -> Option<Nonce> {
        let mut n = self.iv;
        if self.chacha {
            for (d, s) in n[4..].iter_mut().zip(seq.to_be_bytes()) {
                *d ^= s;
            }
        } else {
            let e = explicit?;
            n[4..].copy_from_slice(e.get(..8)?);
        }
        Some(Nonce::assume_unique_for_key(n))
    }

    /// Protect `plain` as the body of record `seq` (epoch << 48 | sequence) of type `ct`.
    pub fn seal(&self, seq: u64, ct: u8, plain: &[u8]) -> Vec<u8> {
        let explicit = seq.to_be_bytes();
        let Some(nonce) = self.nonce(seq, Some(&explicit)) else {
            return Vec::new();
        };
        let mut body = plain.to_vec();
        let aad = aad(seq, ct, plain.len());
        if self
            .key
            .seal_in_place_append_tag(nonce, Aad::from(aad), &mut body)
            .is_err()
        {
            return Vec::new();
        }
        if self.chacha {
            return body;
        }
        let mut out = Vec::with_capacity(body.len() + 8);
        out.extend_from_slice(&explicit);
        out.extend_from_slice(&body);
        out
    }

    /// The plaintext of a protected record body (None if it does not authenticate).
    pub fn open(&self, seq: u64, ct: u8, body: &[u8]) -> Option<Vec<u8>> {
        let (explicit, rest) = if self.chacha {
            (None, body)
        } else {
            (Some(body.get(..8)?), body.get(8..)?)
        };
        let plain_len = rest.len().checked_sub(16)?;
        let nonce = self.nonce(seq, explicit)?;
        let mut buf = rest.to_vec();
        let aad = aad(seq, ct, plain_len);
        let n = self
            .key
            .open_in_place(nonce, Aad::from(aad), &mut buf)
            .ok()?
            .len();
        buf.truncate(n);
        Some(buf)
    }
}

/// The four traffic keys of a connection: (client write, server write).
pub(super) fn traffic_keys(
    suite: &Suite,
    master: &[u8],
    client_random: &[u8],
    server_random: &[u8],
) -> Option<(Keys, Keys)> {
    let iv_len = suite.iv_len();
    let mut seed = server_random.to_vec();
    seed.extend_from_slice(client_random);
    let kb = prf(
        suite.sha384,
        master,
        b"key expansion",
        &seed,
        2 * suite.key_len + 2 * iv_len,
    );
    let (ck, rest) = kb.split_at(suite.key_len);
    let (sk, rest) = rest.split_at(suite.key_len);
    let (civ, siv) = rest.split_at(iv_len);
    let make = |k: &[u8], iv: &[u8]| -> Option<Keys> {
        let key = LessSafeKey::new(UnboundKey::new(suite.aead, k).ok()?);
        let mut full = [0u8; 12];
        full[..iv.len()].copy_from_slice(iv);
        Some(Keys {
            key,
            iv: full,
            chacha: suite.chacha(),
        })
    };
    Some((make(ck, civ)?, make(sk, siv)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_round_trip() {
        for s in &SUITES {
            let (c, _) = traffic_keys(s, &[7u8; 48], &[1u8; 32], &[2u8; 32]).unwrap();
            let seq = (1u64 << 48) | 5;
            let body = c.seal(seq, 23, b"hello");
            assert_eq!(c.open(seq, 23, &body).as_deref(), Some(&b"hello"[..]));
            assert!(c.open(seq + 1, 23, &body).is_none());
            assert!(c.open(seq, 23, &body[..3]).is_none());
        }
    }

    #[test]
    fn prf_known_answer() {
        // The TLS 1.2 PRF (SHA-256) test vector circulated on the IETF TLS list.
        let secret = [
            0x9b, 0xbe, 0x43, 0x6b, 0xa9, 0x40, 0xf0, 0x17, 0xb1, 0x76, 0x52, 0x84, 0x9a, 0x71,
            0xdb, 0x35,
        ];
        let seed = [
            0xa0, 0xba, 0x9f, 0x93, 0x6c, 0xda, 0x31, 0x18, 0x27, 0xa6, 0xf7, 0x96, 0xff, 0xd5,
            0x19, 0x8c,
        ];
        let out = prf(false, &secret, b"test label", &seed, 16);
        assert_eq!(
            out,
            [
                0xe3, 0xf2, 0x29, 0xba, 0x72, 0x7b, 0xe1, 0x7b, 0x8d, 0x12, 0x26, 0x20, 0x55, 0x7c,
                0xd4, 0x53
            ]
        );
    }
}

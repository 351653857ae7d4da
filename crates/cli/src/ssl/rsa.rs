//! RSA signing for keys ring refuses (moduli under 2048 bits, which MicroPython accepts and its
//! tests use): RSASSA-PSS (TLS 1.3 and 1.2) and PKCS#1 v1.5 (TLS 1.2) with SHA-256, over a small
//! Montgomery-multiplication big-number core. The exponentiation runs the same multiplications
//! whatever the exponent's bits are (a masked select, no branch on secret data); keys this
//! short are weak whatever the code, and are only offered where ring cannot serve.

use std::sync::Arc;

use ring::digest::{digest, SHA256};
use ring::rand::{SecureRandom, SystemRandom};
use rustls::pki_types::PrivateKeyDer;
use rustls::sign::{Signer, SigningKey};
use rustls::{SignatureAlgorithm, SignatureScheme};

/// One DER element: (tag, contents, rest).
fn der(d: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    super::der_any(d)
}

/// An unsigned big number: little-endian 64-bit limbs.
type Limbs = Vec<u64>;

fn from_be(bytes: &[u8], limbs: usize) -> Option<Limbs> {
    let bytes = match bytes.iter().position(|&b| b != 0) {
        Some(i) => &bytes[i..],
        None => &[],
    };
    if bytes.len() > limbs * 8 {
        return None;
    }
    let mut out = vec![0u64; limbs];
    for (i, &b) in bytes.iter().rev().enumerate() {
        out[i / 8] |= (b as u64) << (8 * (i % 8));
    }
    Some(out)
}

fn to_be(x: &[u64], len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len];
    for (i, o) in out.iter_mut().rev().enumerate() {
        if let Some(limb) = x.get(i / 8) {
            *o = (limb >> (8 * (i % 8))) as u8;
        }
    }
    out
}

/// `a - b` over equal lengths: the difference and the final borrow (0 or 1).
fn sub(a: &[u64], b: &[u64]) -> (Limbs, u64) {
    let mut borrow = 0u64;
    let out = a
        .iter()
        .zip(b)
        .map(|(&x, &y)| {
            let (d1, b1) = x.overflowing_sub(y);
            let (d2, b2) = d1.overflowing_sub(borrow);
            borrow = (b1 | b2) as u64;
            d2
        })
        .collect();
    (out, borrow)
}

/// `mask` all ones selects `a`, all zeros `b`.
fn select(mask: u64, a: &[u64], b: &[u64]) -> Limbs {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| (x & mask) | (y & !mask))
        .collect()
}

/// A modulus prepared for Montgomery multiplication.
struct Modulus {
    n: Limbs,
    /// `-n^-1 mod 2^64`.
    n0: u64,
    /// `R^2 mod n` with `R = 2^(64 * limbs)`.
    r2: Limbs,
}

impl Modulus {
    fn new(n: Limbs) -> Option<Modulus> {
        if n.first().is_none_or(|&l| l & 1 == 0) {
            return None;
        }
        let mut inv = 1u64;
        for _ in 0..6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(n[0].wrapping_mul(inv)));
        }
        let l = n.len();
        // R^2 mod n by doubling 1, reducing after each step (x < n throughout).
        let mut x = vec![0u64; l];
        x[0] = 1;
        for _ in 0..128 * l {
            let mut carry = 0u64;
            for limb in x.iter_mut() {
                let nc = *limb >> 63;
                *limb = (*limb << 1) | carry;
                carry = nc;
            }
            let (d, borrow) = sub(&x, &n);
            // Keep the difference when 2x >= n: a carry out, or no borrow.
            let keep = (carry | (borrow ^ 1)).wrapping_neg();
            x = select(keep, &d, &x);
        }
        Some(Modulus {
            n0: inv.wrapping_neg(),
            r2: x,
            n,
        })
    }

    /// `a * b / R mod n` (both below n).
    fn mul(&self, a: &[u64], b: &[u64]) -> Limbs {
        let l = self.n.len();
        let mut t = vec![0u64; l + 2];
        for &ai in a.iter().take(l) {
            let mut carry = 0u64;
            for j in 0..l {
                let s = t[j] as u128 + (ai as u128) * (b[j] as u128) + carry as u128;
                t[j] = s as u64;
                carry = (s >> 64) as u64;
            }
            let s = t[l] as u128 + carry as u128;
            t[l] = s as u64;
            t[l + 1] = (s >> 64) as u64;
            let m = t[0].wrapping_mul(self.n0);
            let s = t[0] as u128 + (m as u128) * (self.n[0] as u128);
            let mut carry = (s >> 64) as u64;
            for j in 1..l {
                let s = t[j] as u128 + (m as u128) * (self.n[j] as u128) + carry as u128;
                t[j - 1] = s as u64;
                carry = (s >> 64) as u64;
            }
            let s = t[l] as u128 + carry as u128;
            t[l - 1] = s as u64;
            t[l] = t[l + 1] + (s >> 64) as u64;
            t[l + 1] = 0;
        }
        let hi = t[l];
        let lo = &t[..l];
        let (d, borrow) = sub(lo, &self.n);
        // t >= n when it overflowed one limb or the subtraction did not borrow.
        let keep = ((hi != 0) as u64 | (borrow ^ 1)).wrapping_neg();
        select(keep, &d, lo)
    }

    /// `base^exp mod n` (base below n; exp big-endian bytes).
    fn pow(&self, base: &[u64], exp: &[u8]) -> Limbs {
        let l = self.n.len();
        let mut one = vec![0u64; l];
        one[0] = 1;
        let b = self.mul(base, &self.r2);
        let mut acc = self.mul(&one, &self.r2);
        for &byte in exp {
            for bit in (0..8).rev() {
                acc = self.mul(&acc, &acc);
                let t = self.mul(&acc, &b);
                let mask = (((byte >> bit) & 1) as u64).wrapping_neg();
                acc = select(mask, &t, &acc);
            }
        }
        self.mul(&acc, &one)
    }
}

/// An RSA private key: the modulus and private exponent are all the signing needs.
pub struct RsaKey {
    modulus: Modulus,
    /// Modulus size in bits and bytes.
    bits: usize,
    len: usize,
    d: Vec<u8>,
}

impl std::fmt::Debug for RsaKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RsaKey({} bits)", self.bits)
    }
}

/// The INTEGER contents of `d` without its sign byte, and the rest.
fn der_uint(d: &[u8]) -> Option<(&[u8], &[u8])> {
    match der(d)? {
        (0x02, v, rest) => Some((v.strip_prefix(&[0]).unwrap_or(v), rest)),
        _ => None,
    }
}

impl RsaKey {
    /// Parse a PKCS#1 RSAPrivateKey, or one inside PKCS#8.
    pub fn from_key(key: &PrivateKeyDer<'_>) -> Option<RsaKey> {
        match key {
            PrivateKeyDer::Pkcs1(k) => Self::from_pkcs1(k.secret_pkcs1_der()),
            PrivateKeyDer::Pkcs8(k) => {
                let (_, info, _) = der(k.secret_pkcs8_der())?;
                let (_, rest) = der_uint(info)?;
                let (tag, alg, rest) = der(rest)?;
                let (_, oid, _) = der(alg)?;
                // rsaEncryption, 1.2.840.113549.1.1.1.
                const RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
                if tag != 0x30 || oid != RSA {
                    return None;
                }
                match der(rest)? {
                    (0x04, inner, _) => Self::from_pkcs1(inner),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn from_pkcs1(d: &[u8]) -> Option<RsaKey> {
        let (_, seq, _) = der(d)?;
        let (_, rest) = der_uint(seq)?; // version
        let (n, rest) = der_uint(rest)?;
        let (_, rest) = der_uint(rest)?; // public exponent
        let (dexp, _) = der_uint(rest)?;
        let lead = *n.first()?;
        let bits = n.len() * 8 - lead.leading_zeros() as usize;
        if !(512..=8192).contains(&bits) {
            return None;
        }
        let len = n.len();
        let limbs = len.div_ceil(8);
        Some(RsaKey {
            modulus: Modulus::new(from_be(n, limbs)?)?,
            bits,
            len,
            d: dexp.to_vec(),
        })
    }

    /// The signature of an encoded message (EM as an integer below n).
    fn raw_sign(&self, em: &[u8]) -> Option<Vec<u8>> {
        let m = from_be(em, self.modulus.n.len())?;
        let s = self.modulus.pow(&m, &self.d);
        Some(to_be(&s, self.len))
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256.
    fn sign_pkcs1(&self, msg: &[u8]) -> Option<Vec<u8>> {
        const PREFIX: &[u8] = &[
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x05, 0x00, 0x04, 0x20,
        ];
        let h = digest(&SHA256, msg);
        let t_len = PREFIX.len() + 32;
        if self.len < t_len + 11 {
            return None;
        }
        let mut em = vec![0xffu8; self.len];
        em[0] = 0;
        em[1] = 1;
        em[self.len - t_len - 1] = 0;
        em[self.len - t_len..self.len - 32].copy_from_slice(PREFIX);
        em[self.len - 32..].copy_from_slice(h.as_ref());
        self.raw_sign(&em)
    }

    /// RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt.
    fn sign_pss(&self, msg: &[u8]) -> Option<Vec<u8>> {
        let em_bits = self.bits - 1;
        let em_len = em_bits.div_ceil(8);
        let (h_len, s_len) = (32, 32);
        if em_len < h_len + s_len + 2 {
            return None;
        }
        let m_hash = digest(&SHA256, msg);
        let mut salt = [0u8; 32];
        SystemRandom::new().fill(&mut salt).ok()?;
        let mut m2 = vec![0u8; 8];
        m2.extend_from_slice(m_hash.as_ref());
        m2.extend_from_slice(&salt);
        let h = digest(&SHA256, &m2);
        let db_len = em_len - h_len - 1;
        let mut db = vec![0u8; db_len];
        db[db_len - s_len - 1] = 1;
        db[db_len - s_len..].copy_from_slice(&salt);
        // MGF1 over H.
        let mut counter = 0u32;
        let mut off = 0;
        while off < db_len {
            let mut seed = h.as_ref().to_vec();
            seed.extend_from_slice(&counter.to_be_bytes());
            for (x, m) in db[off..].iter_mut().zip(digest(&SHA256, &seed).as_ref()) {
                *x ^= m;
            }
            off += h_len;
            counter += 1;
        }
        db[0] &= 0xff >> (8 * em_len - em_bits);
        let mut em = db;
        em.extend_from_slice(h.as_ref());
        em.push(0xbc);
        self.raw_sign(&em)
    }
}

/// A signer for one scheme.
#[derive(Debug)]
struct RsaSigner {
    key: Arc<RsaKey>,
    scheme: SignatureScheme,
}

impl Signer for RsaSigner {
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, rustls::Error> {
        let r = match self.scheme {
            SignatureScheme::RSA_PSS_SHA256 => self.key.sign_pss(message),
            _ => self.key.sign_pkcs1(message),
        };
        r.ok_or_else(|| rustls::Error::General("RSA signing failed".into()))
    }

    fn scheme(&self) -> SignatureScheme {
        self.scheme
    }
}

/// The rustls signing key of an RsaKey.
#[derive(Debug)]
pub struct SmallRsa(pub Arc<RsaKey>);

impl SigningKey for SmallRsa {
    fn choose_scheme(&self, offered: &[SignatureScheme]) -> Option<Box<dyn Signer>> {
        let k = &self.0;
        let pss_fits = (k.bits - 1).div_ceil(8) >= 66;
        [
            SignatureScheme::RSA_PSS_SHA256,
            SignatureScheme::RSA_PKCS1_SHA256,
        ]
        .into_iter()
        .filter(|s| *s != SignatureScheme::RSA_PSS_SHA256 || pss_fits)
        .find(|s| offered.contains(s))
        .map(|scheme| {
            Box::new(RsaSigner {
                key: k.clone(),
                scheme,
            }) as Box<dyn Signer>
        })
    }

    fn algorithm(&self) -> SignatureAlgorithm {
        SignatureAlgorithm::RSA
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test key (tests/py/ssl/) and its public key as RSAPublicKey DER.
    fn test_key(name: &str) -> (RsaKey, Vec<u8>) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/py/ssl/");
        let bytes = std::fs::read(format!("{}{}", dir, name)).expect("test key");
        let key = PrivateKeyDer::try_from(bytes.clone()).expect("key");
        // The public key for ring's verifier: the modulus and exponent as RSAPublicKey DER.
        let (_, seq, _) = der(&bytes).expect("seq");
        let (_, rest) = der_uint(seq).expect("version");
        let (_, n_rest) = der(rest).map(|(_, _, r)| ((), r)).expect("n");
        let n_elem = &rest[..rest.len() - n_rest.len()];
        let (_, e_rest) = der(n_rest).map(|(_, _, r)| ((), r)).expect("e");
        let e_elem = &n_rest[..n_rest.len() - e_rest.len()];
        let mut body = n_elem.to_vec();
        body.extend_from_slice(e_elem);
        let mut public = match body.len() {
            n if n < 0x80 => vec![0x30, n as u8],
            n if n < 0x100 => vec![0x30, 0x81, n as u8],
            n => vec![0x30, 0x82, (n >> 8) as u8, n as u8],
        };
        public.extend_from_slice(&body);
        (RsaKey::from_key(&key).expect("rsa key"), public)
    }

    #[test]
    fn small_key_signature_verifies_with_ring() {
        // ring signs with no RSA key under 2048 bits but still verifies PKCS#1 ones of 1024.
        let (key, public) = test_key("rsa1024_key.der");
        assert_eq!(key.bits, 1024);
        let msg = b"a transcript";
        let sig = key.sign_pkcs1(msg).expect("pkcs1");
        ring::signature::UnparsedPublicKey::new(
            &ring::signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
            &public,
        )
        .verify(msg, &sig)
        .expect("PKCS#1 signature verifies");
        assert!(key.sign_pss(msg).is_some());
    }

    #[test]
    fn signatures_verify_with_ring() {
        let (key, public) = test_key("rsa_key.der");
        let msg = b"the handshake transcript";
        let pss = key.sign_pss(msg).expect("pss");
        ring::signature::UnparsedPublicKey::new(
            &ring::signature::RSA_PSS_2048_8192_SHA256,
            &public,
        )
        .verify(msg, &pss)
        .expect("PSS signature verifies");
        let pkcs1 = key.sign_pkcs1(msg).expect("pkcs1");
        ring::signature::UnparsedPublicKey::new(
            &ring::signature::RSA_PKCS1_2048_8192_SHA256,
            &public,
        )
        .verify(msg, &pkcs1)
        .expect("PKCS#1 signature verifies");
    }

    #[test]
    fn small_numbers() {
        // 3^5 mod 7 = 5; 10^3 mod 13 = 12 (single-limb moduli).
        let m = Modulus::new(vec![7]).expect("odd");
        assert_eq!(m.pow(&[3], &[5]), vec![5]);
        let m = Modulus::new(vec![13]).expect("odd");
        assert_eq!(m.pow(&[10], &[3]), vec![12]);
        assert!(Modulus::new(vec![8]).is_none());
        assert_eq!(
            to_be(&from_be(&[1, 2, 3], 1).expect("fits"), 3),
            vec![1, 2, 3]
        );
    }
}

//! The `tls` module of the native port: MicroPython's TLS layer (`tls.SSLContext` and the
//! `SSLSocket` it wraps streams in), built on rustls with the ring crypto provider. The frozen
//! `ssl` module (crates/vm/src/frozen/ssl.py) is MicroPython's `ssl` API on top of it.
//!
//! An `SSLSocket` wraps any stream object with `readinto`/`write` (and optionally `ioctl`,
//! `setblocking`): a socket, or a Python object as MicroPython's tests use. The TLS engine is
//! driven without threads: each read or write moves ciphertext between rustls and the stream,
//! and a stream that would block (its `readinto`/`write` return None) makes the operation return
//! None, so non-blocking sockets work with `select.poll` and asyncio, the handshake continuing
//! across wake-ups. Like MicroPython's mbedTLS binding, a poll request is redirected to the
//! direction the handshake needs next (`ioctl(MP_STREAM_POLL, ...)`), and errors carry
//! MicroPython's codes and messages (`OSError(-30592, 'MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE')`,
//! `ValueError` with mbedTLS's certificate verification text).

use std::any::Any;
use std::cell::RefCell;
use std::io::{Read, Write};
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::WebPkiClientVerifier;
use rustls::{
    CertificateError, ClientConfig, ClientConnection, Connection, DigitallySignedStruct,
    RootCertStore, ServerConfig, ServerConnection, SignatureScheme, SupportedCipherSuite,
};

use ferropy_vm::exceptions::ExcKind;
use ferropy_vm::modbuiltins::{builtin_fn, check_args, check_kw, kwarg};
use ferropy_vm::modstruct::module_set;
use ferropy_vm::types;
use ferropy_vm::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use ferropy_vm::{PyErr, PyResult, Vm};

mod dtls;
mod dtls_crypto;
mod dtls_handshake;
mod dtls_record;
mod rsa;

/// MicroPython's stream poll flags and ioctl requests.
const POLL_RD: i64 = 0x01;
const POLL_WR: i64 = 0x04;
const POLL_NVAL: i64 = 0x20;
const STREAM_POLL: i64 = 3;
const STREAM_CLOSE: i64 = 4;

/// `verify_mode` values (mbedTLS's numbering, as MicroPython exposes it).
const CERT_NONE: i64 = 0;
const CERT_OPTIONAL: i64 = 1;
const CERT_REQUIRED: i64 = 2;

/// mbedTLS error codes MicroPython programs see (and its tests print).
const ERR_FATAL_ALERT: (i64, &str) = (-30592, "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE");
const ERR_CONN_EOF: (i64, &str) = (-29312, "MBEDTLS_ERR_SSL_CONN_EOF");
const ERR_NO_CLIENT_CERT: (i64, &str) = (-29824, "MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE");
const ERR_BAD_CONFIG: (i64, &str) = (-24192, "MBEDTLS_ERR_SSL_BAD_CONFIG");
const ERR_INVALID_RECORD: (i64, &str) = (-29184, "MBEDTLS_ERR_SSL_INVALID_RECORD");
const ERR_HANDSHAKE_FAILURE: (i64, &str) = (-28800, "MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE");

/// Bytes asked of the underlying stream per read (one maximal TLS record and its overhead).
const READ_CHUNK: usize = 16 * 1024 + 512;

/// A fatal TLS error, kept so every later operation raises it again.
#[derive(Clone)]
enum Fatal {
    /// `OSError(code, name)`.
    Os(i64, String),
    /// `ValueError(message)` (certificate verification failures).
    Value(String),
}

impl Fatal {
    fn raise(&self, vm: &mut Vm) -> PyErr {
        match self {
            Fatal::Os(code, msg) => vm.err_args(
                ExcKind::OSError,
                vec![Value::Int(*code), Value::string(msg.clone())],
            ),
            Fatal::Value(msg) => vm.value_error(msg.clone()),
        }
    }
}

fn os_code((code, name): (i64, &str)) -> Fatal {
    Fatal::Os(code, name.to_string())
}

/// mbedTLS's text for a certificate verification failure (`mbedtls_x509_crt_verify_info` with a
/// newline prefix, as MicroPython raises it).
fn verify_text(e: &CertificateError) -> String {
    let what = match e {
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
            "The certificate Common Name (CN) does not match with the expected CN".to_string()
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            "The certificate validity has expired".to_string()
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            "The certificate validity starts in the future".to_string()
        }
        CertificateError::UnknownIssuer | CertificateError::BadSignature => {
            "The certificate is not correctly signed by the trusted CA".to_string()
        }
        CertificateError::Revoked => "The certificate has been revoked (is on a CRL)".to_string(),
        // A CA certificate presented as the server's own but not trusted directly.
        other if format!("{:?}", other).contains("CaUsedAsEndEntity") => {
            "The certificate is not correctly signed by the trusted CA".to_string()
        }
        other => format!("The certificate could not be verified ({:?})", other),
    };
    format!("\n{}\n", what)
}

/// The Python-level error for a rustls error.
fn fatal_of(e: &rustls::Error) -> Fatal {
    use rustls::Error as E;
    match e {
        E::InvalidCertificate(c) => Fatal::Value(verify_text(c)),
        E::AlertReceived(_) => os_code(ERR_FATAL_ALERT),
        E::NoCertificatesPresented => os_code(ERR_NO_CLIENT_CERT),
        E::InvalidMessage(_)
        | E::InappropriateMessage { .. }
        | E::InappropriateHandshakeMessage { .. }
        | E::DecryptError => os_code(ERR_INVALID_RECORD),
        E::PeerIncompatible(_) | E::PeerMisbehaved(_) => os_code(ERR_HANDSHAKE_FAILURE),
        other => Fatal::Os(libc::EIO as i64, format!("TLS error: {}", other)),
    }
}

// ---------------------------------------------------------------------------------------------
// Certificates and keys.

/// The first DER element of `d` (a tag, a definite length and the contents) and the rest.
fn der_element(d: &[u8]) -> Option<(&[u8], &[u8])> {
    match der_any(d)? {
        (0x30, _, rest) => Some((&d[..d.len() - rest.len()], rest)),
        _ => None,
    }
}

/// The bytes of a str/bytes argument (MicroPython's `mp_obj_str_get_data` and its message).
fn data_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) => Ok(s.as_str().as_bytes().to_vec()),
        Value::Obj(o) if matches!(&**o, PyObject::Bytes(_) | PyObject::ByteArray(_)) => {
            Ok(ferropy_vm::objmemoryview::buffer_bytes(v).unwrap_or_default())
        }
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("can't convert '{}' object to str implicitly", tn)))
        }
    }
}

fn is_pem(d: &[u8]) -> bool {
    d.windows(11).any(|w| w == b"-----BEGIN ")
}

/// Certificates from PEM text (any number) or DER (one or more concatenated).
fn parse_certs(vm: &mut Vm, v: &Value) -> PyResult<Vec<CertificateDer<'static>>> {
    let d = data_of(vm, v)?;
    let mut out = Vec::new();
    if is_pem(&d) {
        for c in CertificateDer::pem_slice_iter(&d) {
            match c {
                Ok(c) => out.push(c),
                Err(_) => return Err(vm.value_error("invalid cert")),
            }
        }
    } else {
        let mut rest = &d[..];
        while !rest.is_empty() {
            let Some((one, r)) = der_element(rest) else {
                return Err(vm.value_error("invalid cert"));
            };
            out.push(CertificateDer::from(one.to_vec()));
            rest = r;
        }
    }
    if out.is_empty() {
        return Err(vm.value_error("invalid cert"));
    }
    Ok(out)
}

/// A private key in PEM or DER (PKCS#1, SEC1 or PKCS#8).
fn parse_key(vm: &mut Vm, v: &Value) -> PyResult<PrivateKeyDer<'static>> {
    let d = data_of(vm, v)?;
    let key = if is_pem(&d) {
        PrivateKeyDer::from_pem_slice(&d).ok()
    } else {
        match der_element(&d) {
            Some((one, _)) => PrivateKeyDer::try_from(one.to_vec()).ok(),
            None => None,
        }
    };
    key.ok_or_else(|| vm.value_error("invalid key"))
}

/// One DER element of any tag: (tag, contents, rest).
fn der_any(d: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = d.split_first()?;
    let (&l0, rest) = rest.split_first()?;
    let (len, rest) = if l0 < 0x80 {
        (l0 as usize, rest)
    } else {
        let n = (l0 & 0x7f) as usize;
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n].iter().fold(0usize, |a, &b| (a << 8) | b as usize);
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

/// What the host-name and validity checks of a certificate need from it.
struct CertInfo {
    not_before: i64,
    not_after: i64,
    /// The subject's common name.
    cn: Option<String>,
    /// The certificate has a subjectAltName extension.
    has_san: bool,
}

/// Seconds since the epoch of a UTCTime (`YYMMDDHHMMSSZ`) or GeneralizedTime
/// (`YYYYMMDDHHMMSSZ`).
fn der_time(tag: u8, v: &[u8]) -> Option<i64> {
    let s = std::str::from_utf8(v).ok()?;
    let s = s.strip_suffix('Z')?;
    let (year, rest) = match tag {
        0x17 => {
            let yy: i64 = s.get(..2)?.parse().ok()?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, s.get(2..)?)
        }
        0x18 => (s.get(..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    let num = |r: std::ops::Range<usize>| -> Option<i64> { rest.get(r)?.parse().ok() };
    let (mo, d, h, mi, se) = (num(0..2)?, num(2..4)?, num(4..6)?, num(6..8)?, num(8..10)?);
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if mo <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    Some(days * 86400 + h * 3600 + mi * 60 + se)
}

/// The validity, common name and subjectAltName presence of a DER certificate.
fn cert_info(der: &[u8]) -> Option<CertInfo> {
    let (_, cert, _) = der_any(der)?;
    let (_, tbs, _) = der_any(cert)?;
    // [0] version (optional), serial, signature algorithm, issuer: skipped.
    let (tag, _, mut r) = der_any(tbs)?;
    if tag == 0xa0 {
        r = der_any(r)?.2;
    }
    r = der_any(r)?.2;
    r = der_any(r)?.2;
    let (_, validity, r) = der_any(r)?;
    let (t1, v1, vr) = der_any(validity)?;
    let (t2, v2, _) = der_any(vr)?;
    let (_, subject, mut r) = der_any(r)?;
    let mut cn = None;
    let mut names = subject;
    while let Some((_, set, more)) = der_any(names) {
        if let Some((_, atv, _)) = der_any(set) {
            if let Some((0x06, oid, val)) = der_any(atv) {
                if oid == [0x55, 0x04, 0x03] {
                    if let Some((_, v, _)) = der_any(val) {
                        cn = std::str::from_utf8(v).ok().map(|s| s.to_string());
                    }
                }
            }
        }
        names = more;
    }
    let mut has_san = false;
    while let Some((tag, body, more)) = der_any(r) {
        if tag == 0xa3 {
            if let Some((_, mut exts, _)) = der_any(body) {
                while let Some((_, ext, next)) = der_any(exts) {
                    if let Some((0x06, oid, _)) = der_any(ext) {
                        if oid == [0x55, 0x1d, 0x11] {
                            has_san = true;
                        }
                    }
                    exts = next;
                }
            }
        }
        r = more;
    }
    Some(CertInfo {
        not_before: der_time(t1, v1)?,
        not_after: der_time(t2, v2)?,
        cn,
        has_san,
    })
}

/// The validity period check of a certificate (mbedTLS reports expiry this way too).
fn check_validity(info: &CertInfo, now: UnixTime) -> Result<(), rustls::Error> {
    let now = now.as_secs() as i64;
    if now > info.not_after {
        return Err(rustls::Error::InvalidCertificate(CertificateError::Expired));
    }
    if now < info.not_before {
        return Err(rustls::Error::InvalidCertificate(
            CertificateError::NotValidYet,
        ));
    }
    Ok(())
}

/// The certificate is valid for `name`: its subjectAltName (as the web PKI checks it) or, for a
/// certificate without one, its common name (as mbedTLS and OpenSSL still accept).
fn name_matches(der: &CertificateDer<'_>, info: &CertInfo, name: &ServerName<'_>) -> bool {
    if let Ok(ee) = webpki::EndEntityCert::try_from(der) {
        if ee.verify_is_valid_for_subject_name(name).is_ok() {
            return true;
        }
    }
    match (name, &info.cn) {
        (ServerName::DnsName(d), Some(cn)) if !info.has_san => d.as_ref().eq_ignore_ascii_case(cn),
        _ => false,
    }
}

/// The signing key of a private key: ring's, or ours for an RSA key ring refuses (under 2048
/// bits).
fn signing_key(
    p: &CryptoProvider,
    key: &PrivateKeyDer<'static>,
) -> Option<Arc<dyn rustls::sign::SigningKey>> {
    if let Ok(k) = p.key_provider.load_private_key(key.clone_key()) {
        return Some(k);
    }
    rsa::RsaKey::from_key(key)
        .map(|k| Arc::new(rsa::SmallRsa(Arc::new(k))) as Arc<dyn rustls::sign::SigningKey>)
}

// ---------------------------------------------------------------------------------------------
// Verifiers.

/// The client's view of the server certificate: with CERT_REQUIRED the web PKI checks against the
/// loaded CA certificates (chain, validity, host name); otherwise the peer is not authenticated
/// at all (its handshake signature proves nothing without a trusted certificate, so it is not
/// checked either, which also admits keys too small for ring, as MicroPython's tests use).
///
/// A loaded CA certificate that is itself the server's certificate (a self-signed certificate
/// trusted directly, the usual set-up of small devices) is accepted when valid now and for the
/// host name, although the web PKI refuses a CA certificate as an end entity.
#[derive(Debug)]
struct PeerVerifier {
    required: bool,
    webpki: Option<Arc<WebPkiServerVerifier>>,
    roots: Vec<CertificateDer<'static>>,
    algs: WebPkiSupportedAlgorithms,
    /// Where the presented chain is kept for the context's verify_callback (run by the socket
    /// once rustls returns, as Python cannot run inside rustls).
    seen: Option<Seen>,
}

/// The certificate chain a peer presented (end entity first), for verify_callback.
type Seen = Arc<std::sync::Mutex<Vec<Vec<u8>>>>;

impl ServerCertVerifier for PeerVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if !self.required {
            return Ok(ServerCertVerified::assertion());
        }
        if let Some(seen) = &self.seen {
            if let Ok(mut v) = seen.lock() {
                v.push(end_entity.as_ref().to_vec());
                v.extend(intermediates.iter().map(|c| c.as_ref().to_vec()));
            }
        }
        let info = cert_info(end_entity.as_ref());
        if let Some(info) = &info {
            if self.roots.iter().any(|r| r.as_ref() == end_entity.as_ref()) {
                check_validity(info, now)?;
                if !name_matches(end_entity, info, server_name) {
                    return Err(rustls::Error::InvalidCertificate(
                        CertificateError::NotValidForName,
                    ));
                }
                return Ok(ServerCertVerified::assertion());
            }
        }
        let r = match &self.webpki {
            Some(v) => v.verify_server_cert(end_entity, intermediates, server_name, ocsp, now),
            None => Err(rustls::Error::InvalidCertificate(
                CertificateError::UnknownIssuer,
            )),
        };
        match (r, &info) {
            // A chain that verified, for a certificate naming its host only in the common name.
            (
                Err(rustls::Error::InvalidCertificate(
                    CertificateError::NotValidForName
                    | CertificateError::NotValidForNameContext { .. },
                )),
                Some(info),
            ) if name_matches(end_entity, info, server_name) => Ok(ServerCertVerified::assertion()),
            (r, _) => r,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        if !self.required {
            return Ok(HandshakeSignatureValid::assertion());
        }
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algs)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        if !self.required {
            return Ok(HandshakeSignatureValid::assertion());
        }
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algs)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algs.supported_schemes()
    }
}

/// The server's view of client certificates: the web PKI's verifier, which also accepts a
/// client certificate that is one of the loaded CA certificates itself (see PeerVerifier).
#[derive(Debug)]
struct ClientVerifier {
    inner: Arc<dyn ClientCertVerifier>,
    roots: Vec<CertificateDer<'static>>,
}

impl ClientCertVerifier for ClientVerifier {
    fn offer_client_auth(&self) -> bool {
        self.inner.offer_client_auth()
    }

    fn client_auth_mandatory(&self) -> bool {
        self.inner.client_auth_mandatory()
    }

    fn root_hint_subjects(&self) -> &[rustls::DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        if self.roots.iter().any(|r| r.as_ref() == end_entity.as_ref()) {
            if let Some(info) = cert_info(end_entity.as_ref()) {
                check_validity(&info, now)?;
                return Ok(ClientCertVerified::assertion());
            }
        }
        self.inner
            .verify_client_cert(end_entity, intermediates, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// The server's certificate and key (None: no certificate loaded, and any handshake fails).
/// Unlike rustls's own single-certificate set-up, the key is not checked against the
/// certificate, as mbedTLS does not: a mismatch fails the peer's signature check instead.
#[derive(Debug)]
struct ServerCert(Option<Arc<rustls::sign::CertifiedKey>>);

impl rustls::server::ResolvesServerCert for ServerCert {
    fn resolve(
        &self,
        _hello: rustls::server::ClientHello<'_>,
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        self.0.clone()
    }
}

// ---------------------------------------------------------------------------------------------
// SSLContext.

/// The state of one `SSLContext`.
struct Ctx {
    /// PROTOCOL_TLS_SERVER (else client).
    server: bool,
    /// CERT_NONE / CERT_OPTIONAL / CERT_REQUIRED.
    verify_mode: i64,
    /// verify_callback(cert, depth), called for each certificate the server presents.
    callback: Value,
    /// Trusted CA certificates (load_verify_locations).
    roots: Vec<CertificateDer<'static>>,
    /// Own certificate chain and key (load_cert_chain).
    chain: Vec<CertificateDer<'static>>,
    key: Option<PrivateKeyDer<'static>>,
    /// Cipher suites chosen by set_ciphers (None: the provider's defaults).
    suites: Option<Vec<SupportedCipherSuite>>,
    /// The SSLSocket type wrap_socket makes.
    sock_cls: Obj,
    /// PROTOCOL_DTLS_CLIENT/SERVER: the SSLSocket type of DTLS sockets and the secret of the
    /// server's HelloVerifyRequest cookies.
    dtls: Option<(Obj, [u8; 32])>,
}

fn with_ctx<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut Ctx) -> R) -> PyResult<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(c) = d.downcast_mut::<Ctx>() {
                    return Ok(f(c));
                }
            }
        }
    }
    Err(vm.type_error("SSLContext object expected"))
}

fn provider(suites: &Option<Vec<SupportedCipherSuite>>) -> Arc<CryptoProvider> {
    let mut p = rustls::crypto::ring::default_provider();
    if let Some(s) = suites {
        p.cipher_suites = s.clone();
    }
    Arc::new(p)
}

fn bad_config(vm: &mut Vm) -> PyErr {
    os_code(ERR_BAD_CONFIG).raise(vm)
}

fn root_store(certs: &[CertificateDer<'static>]) -> RootCertStore {
    let mut roots = RootCertStore::empty();
    for c in certs {
        // Certificates were checked when loaded; one rustls cannot use is left out.
        let _ = roots.add(c.clone());
    }
    roots
}

/// The client's check of the server certificate, from the context's settings.
fn peer_verifier(c: &Ctx, p: &Arc<CryptoProvider>, seen: Option<Seen>) -> Arc<PeerVerifier> {
    let required = c.verify_mode == CERT_REQUIRED;
    let webpki = if required && !c.roots.is_empty() {
        WebPkiServerVerifier::builder_with_provider(Arc::new(root_store(&c.roots)), p.clone())
            .build()
            .ok()
    } else {
        None
    };
    Arc::new(PeerVerifier {
        required,
        webpki,
        roots: c.roots.clone(),
        algs: p.signature_verification_algorithms,
        seen,
    })
}

/// The server's check of client certificates, from the context's settings.
fn client_cert_verifier(
    vm: &mut Vm,
    c: &Ctx,
    p: &Arc<CryptoProvider>,
) -> PyResult<Arc<dyn ClientCertVerifier>> {
    if c.verify_mode == CERT_NONE {
        return Ok(WebPkiClientVerifier::no_client_auth());
    }
    let b = WebPkiClientVerifier::builder_with_provider(Arc::new(root_store(&c.roots)), p.clone());
    let b = if c.verify_mode == CERT_OPTIONAL {
        b.allow_unauthenticated()
    } else {
        b
    };
    match b.build() {
        Ok(v) => Ok(Arc::new(ClientVerifier {
            inner: v,
            roots: c.roots.clone(),
        })),
        Err(_) if c.verify_mode == CERT_OPTIONAL => Ok(WebPkiClientVerifier::no_client_auth()),
        Err(_) => {
            Err(vm.value_error("CERT_REQUIRED requires CA certificates (load_verify_locations)"))
        }
    }
}

/// A client connection made from the context's settings.
fn client_conn(
    vm: &mut Vm,
    c: &Ctx,
    hostname: Option<String>,
    seen: Option<Seen>,
) -> PyResult<Connection> {
    let p = provider(&c.suites);
    let verifier = peer_verifier(c, &p, seen);
    let Ok(b) =
        ClientConfig::builder_with_provider(p.clone()).with_protocol_versions(rustls::ALL_VERSIONS)
    else {
        return Err(bad_config(vm));
    };
    let b = b.dangerous().with_custom_certificate_verifier(verifier);
    let cfg = match &c.key {
        Some(k) if !c.chain.is_empty() => match signing_key(&p, k) {
            Some(key) => {
                b.with_client_cert_resolver(Arc::new(rustls::sign::SingleCertAndKey::from(
                    rustls::sign::CertifiedKey::new(c.chain.clone(), key),
                )))
            }
            None => return Err(vm.value_error("invalid key")),
        },
        _ => b.with_no_client_auth(),
    };
    // Without a host name no SNI is sent (rustls sends none for an address).
    let name = hostname
        .and_then(|h| ServerName::try_from(h).ok())
        .unwrap_or(ServerName::IpAddress(
            std::net::Ipv4Addr::UNSPECIFIED.into(),
        ));
    match ClientConnection::new(Arc::new(cfg), name) {
        Ok(conn) => Ok(Connection::Client(conn)),
        Err(e) => Err(fatal_of(&e).raise(vm)),
    }
}

/// A server connection made from the context's settings.
fn server_conn(vm: &mut Vm, c: &Ctx) -> PyResult<Connection> {
    let p = provider(&c.suites);
    let client_verifier = client_cert_verifier(vm, c, &p)?;
    let Ok(b) =
        ServerConfig::builder_with_provider(p.clone()).with_protocol_versions(rustls::ALL_VERSIONS)
    else {
        return Err(bad_config(vm));
    };
    let b = b.with_client_cert_verifier(client_verifier);
    let certified = match &c.key {
        Some(k) if !c.chain.is_empty() => match signing_key(&p, k) {
            Some(key) => Some(Arc::new(rustls::sign::CertifiedKey::new(
                c.chain.clone(),
                key,
            ))),
            None => return Err(vm.value_error("invalid key")),
        },
        _ => None,
    };
    let cfg = b.with_cert_resolver(Arc::new(ServerCert(certified)));
    match ServerConnection::new(Arc::new(cfg)) {
        Ok(conn) => Ok(Connection::Server(conn)),
        Err(e) => Err(fatal_of(&e).raise(vm)),
    }
}

/// `SSLContext(protocol)`.
fn ctx_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "SSLContext", args, 2, 2)?;
    let Value::Obj(cls) = &args[0] else {
        return Err(vm.type_error("SSLContext.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let protocol = vm.to_index(&args[1])?;
    if !(0..=3).contains(&protocol) {
        return Err(vm.value_error("invalid protocol"));
    }
    let server = protocol & 1 == 1;
    let (Some(Value::Obj(sock_cls)), Some(Value::Obj(dtls_cls))) = (
        types::lookup_str(&cls, "_socket_type"),
        types::lookup_str(&cls, "_dtls_socket_type"),
    ) else {
        return Err(vm.type_error("SSLContext subclass lost its socket type"));
    };
    let dtls = (protocol & 2 != 0).then(|| (dtls_cls, dtls_crypto::random()));
    let ctx = Ctx {
        server,
        verify_mode: if server { CERT_NONE } else { CERT_REQUIRED },
        roots: Vec::new(),
        chain: Vec::new(),
        key: None,
        suites: None,
        callback: Value::None,
        sock_cls,
        dtls,
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(ctx) as Box<dyn Any>),
    }))))
}

fn ctx_verify_mode(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "verify_mode", args, 1, 1)?;
    let m = with_ctx(vm, &args[0], |c| c.verify_mode)?;
    Ok(Value::Int(m))
}

fn ctx_verify_callback(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "verify_callback", args, 1, 1)?;
    with_ctx(vm, &args[0], |c| c.callback.clone())
}

/// `__setattr__`: only `verify_mode` and `verify_callback` can be set (AttributeError for anything else, as
/// MicroPython's fixed-attribute object).
fn ctx_setattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "__setattr__", args, 3, 3)?;
    let name = match &args[1] {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Err(vm.type_error("attribute name must be string")),
    };
    if name == "verify_callback" {
        let f = args[2].clone();
        with_ctx(vm, &args[0], |c| c.callback = f)?;
        return Ok(Value::None);
    }
    if name != "verify_mode" {
        return Err(vm.attribute_error(format!("'SSLContext' object has no attribute '{}'", name)));
    }
    let m = vm.to_index(&args[2])?;
    if !(CERT_NONE..=CERT_REQUIRED).contains(&m) {
        return Err(vm.value_error("invalid verify_mode"));
    }
    with_ctx(vm, &args[0], |c| c.verify_mode = m)?;
    Ok(Value::None)
}

/// `load_cert_chain(cert, key)`: the own certificate (chain) and private key, as PEM or DER
/// bytes. The key is checked first, then the certificate, as MicroPython does.
fn ctx_load_cert_chain(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "load_cert_chain", args, 3, 3)?;
    let key = parse_key(vm, &args[2])?;
    let chain = parse_certs(vm, &args[1])?;
    if signing_key(&rustls::crypto::ring::default_provider(), &key).is_none() {
        return Err(vm.value_error("invalid key"));
    }
    with_ctx(vm, &args[0], |c| {
        c.chain = chain;
        c.key = Some(key);
    })?;
    Ok(Value::None)
}

/// `load_verify_locations(cadata)`: trusted CA certificates, as PEM or DER bytes.
fn ctx_load_verify_locations(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "load_verify_locations", kw, &["cadata"])?;
    check_args(vm, "load_verify_locations", args, 1, 2)?;
    let Some(data) = args.get(1).or_else(|| kwarg(kw, "cadata")).cloned() else {
        return Err(vm.type_error("load_verify_locations() missing argument 'cadata'"));
    };
    let certs = parse_certs(vm, &data)?;
    let mut probe = RootCertStore::empty();
    for c in &certs {
        if probe.add(c.clone()).is_err() {
            return Err(vm.value_error("invalid cert"));
        }
    }
    with_ctx(vm, &args[0], |c| c.roots.extend(certs))?;
    Ok(Value::None)
}

/// mbedTLS's name for a cipher suite (`TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256`,
/// `TLS1-3-AES-128-GCM-SHA256`).
fn suite_name(s: &SupportedCipherSuite) -> String {
    let n = s.suite().as_str().unwrap_or("UNKNOWN");
    let n = match n.strip_prefix("TLS13_") {
        Some(rest) => format!("TLS1-3-{}", rest),
        None => n.to_string(),
    };
    n.replace('_', "-")
}

/// `get_ciphers()`: the names of the cipher suites this build supports.
fn ctx_get_ciphers(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "get_ciphers", args, 1, 1)?;
    if with_ctx(vm, &args[0], |c| c.dtls.is_some())? {
        let names = dtls_crypto::SUITES
            .iter()
            .map(|s| Value::str(s.name))
            .collect();
        return Ok(vm.new_list(names));
    }
    let names = rustls::crypto::ring::ALL_CIPHER_SUITES
        .iter()
        .map(|s| Value::string(suite_name(s)))
        .collect();
    Ok(vm.new_list(names))
}

/// `set_ciphers(names)`: restrict the cipher suites to the given list (mbedTLS or rustls names).
fn ctx_set_ciphers(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "set_ciphers", args, 2, 2)?;
    let items = match &args[1] {
        Value::Obj(o) => match &**o {
            PyObject::Tuple(t) => Some(t.to_vec()),
            PyObject::List(l) => Some(l.borrow().to_vec()),
            _ => None,
        },
        _ => None,
    };
    let Some(items) = items else {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("object '{}' isn't a tuple or list", tn)));
    };
    if items.is_empty() {
        return Err(bad_config(vm));
    }
    let mut chosen = Vec::new();
    for it in &items {
        let Value::Str(name) = it else {
            let tn = vm.type_name(it);
            return Err(vm.type_error(format!("can't convert '{}' object to str implicitly", tn)));
        };
        let want = name.as_str().replace('_', "-").to_ascii_uppercase();
        let want = want.replace("TLS13-", "TLS1-3-");
        match rustls::crypto::ring::ALL_CIPHER_SUITES
            .iter()
            .find(|s| suite_name(s) == want)
        {
            Some(s) => chosen.push(*s),
            None => return Err(bad_config(vm)),
        }
    }
    with_ctx(vm, &args[0], |c| c.suites = Some(chosen))?;
    Ok(Value::None)
}

/// `wrap_socket(sock, *, server_side=False, do_handshake_on_connect=True, server_hostname=None)`.
fn ctx_wrap_socket(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(
        vm,
        "wrap_socket",
        kw,
        &["server_side", "do_handshake_on_connect", "server_hostname"],
    )?;
    check_args(vm, "wrap_socket", args, 2, 2)?;
    let sock = args[1].clone();
    let server_side = match kwarg(kw, "server_side") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let handshake = match kwarg(kw, "do_handshake_on_connect") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let hostname = match kwarg(kw, "server_hostname") {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("can't convert '{}' object to str implicitly", tn)));
        }
    };
    for m in ["readinto", "write"] {
        if vm.getattr_opt(&sock, m)?.is_none() {
            return Err(vm.type_error("stream operation not supported"));
        }
    }
    // Take the context's settings out so no borrow is held while building (no Python runs, but
    // the configuration is built from owned data).
    let (server, mode, cls) = with_ctx(vm, &args[0], |c| {
        (c.server, c.verify_mode, c.sock_cls.clone())
    })?;
    if !server && !server_side && mode == CERT_REQUIRED && hostname.is_none() {
        return Err(vm.value_error("CERT_REQUIRED requires server_hostname"));
    }
    let snapshot = with_ctx(vm, &args[0], |c| Ctx {
        server: c.server,
        verify_mode: c.verify_mode,
        roots: c.roots.clone(),
        chain: c.chain.clone(),
        key: c.key.as_ref().map(|k| k.clone_key()),
        suites: c.suites.clone(),
        callback: c.callback.clone(),
        sock_cls: c.sock_cls.clone(),
        dtls: c.dtls.clone(),
    })?;
    if snapshot.dtls.is_some() {
        return dtls::wrap(vm, &snapshot, sock, handshake, hostname);
    }
    let callback = snapshot.callback.clone();
    let seen = match callback {
        Value::None => None,
        _ => Some(Seen::default()),
    };
    let conn = if server {
        server_conn(vm, &snapshot)?
    } else {
        client_conn(vm, &snapshot, hostname, seen.clone())?
    };
    let rbuf = Value::Obj(vm.alloc(PyObject::ByteArray(RefCell::new(vec![0u8; READ_CHUNK]))));
    let st = Tls {
        conn,
        sock,
        out: Vec::new(),
        rbuf,
        pending_in: Vec::new(),
        poll_mask: 0,
        fatal: None,
        eof: false,
        callback,
        seen,
    };
    let obj = Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(SslSock {
            st: Some(Box::new(st)),
            closed: false,
        }) as Box<dyn Any>),
    })));
    if handshake {
        loop {
            let r = with_tls(vm, &obj, |vm, st| {
                if let Some(f) = &st.fatal {
                    return Err(f.raise(vm));
                }
                handshake_step(vm, st)
            })?;
            if r.is_none() {
                break;
            }
            vm.check_interrupt()?;
            vm.port.sleep_us(1000);
        }
    }
    Ok(obj)
}

fn ctx_repr(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::str("<SSLContext>"))
}

// ---------------------------------------------------------------------------------------------
// SSLSocket.

/// The TLS state of one open SSLSocket.
struct Tls {
    conn: Connection,
    /// The wrapped stream.
    sock: Value,
    /// Ciphertext the stream has not taken yet.
    out: Vec<u8>,
    /// The bytearray the stream reads into.
    rbuf: Value,
    /// Ciphertext read from the stream that rustls has not taken yet.
    pending_in: Vec<u8>,
    /// The direction the handshake needs next (POLL_RD/POLL_WR), 0 when none.
    poll_mask: i64,
    /// A fatal error: raised again by every later operation.
    fatal: Option<Fatal>,
    /// The stream has ended.
    eof: bool,
    /// The context's verify_callback and the chain the verifier kept for it.
    callback: Value,
    seen: Option<Seen>,
}

/// The native data of an SSLSocket: the state is taken out while an operation runs (so Python
/// code the stream runs never meets a held borrow).
struct SslSock {
    st: Option<Box<Tls>>,
    closed: bool,
}

fn ebadf(vm: &mut Vm) -> PyErr {
    ferropy_vm::vfs::os_error(vm, libc::EBADF, None)
}

/// Run `f` on the socket's TLS state (OSError EBADF once closed).
fn with_tls<R>(
    vm: &mut Vm,
    v: &Value,
    f: impl FnOnce(&mut Vm, &mut Tls) -> PyResult<R>,
) -> PyResult<R> {
    let taken = take_state(v);
    let Some(mut st) = taken else {
        if is_sslsock(v) {
            return Err(ebadf(vm));
        }
        return Err(vm.type_error("SSLSocket object expected"));
    };
    let r = f(vm, &mut st);
    put_state(v, st);
    r
}

fn native_sock(v: &Value, f: impl FnOnce(&mut SslSock)) -> bool {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(s) = d.downcast_mut::<SslSock>() {
                    f(s);
                    return true;
                }
            }
        }
    }
    false
}

fn is_sslsock(v: &Value) -> bool {
    native_sock(v, |_| {})
}

fn take_state(v: &Value) -> Option<Box<Tls>> {
    let mut out = None;
    native_sock(v, |s| {
        if !s.closed {
            out = s.st.take();
        }
    });
    out
}

fn put_state(v: &Value, st: Box<Tls>) {
    native_sock(v, |s| {
        if !s.closed && s.st.is_none() {
            s.st = Some(st);
        }
    });
}

/// True when an error means "the stream would block" (EAGAIN).
fn is_again(vm: &mut Vm, e: &PyErr) -> bool {
    let v = e.0.clone();
    matches!(vm.getattr_opt(&v, "errno"), Ok(Some(Value::Int(n))) if n == libc::EAGAIN as i64)
}

/// Give pending ciphertext to the stream. Ok(true) when all of it was taken.
fn flush(vm: &mut Vm, st: &mut Tls) -> PyResult<bool> {
    while st.conn.wants_write() {
        if st.conn.write_tls(&mut st.out).is_err() {
            break;
        }
    }
    while !st.out.is_empty() {
        let b = Value::bytes(&st.out);
        let r = match vm.call_method(&st.sock, "write", &[b]) {
            Ok(r) => r,
            Err(e) if is_again(vm, &e) => return Ok(false),
            Err(e) => return Err(e),
        };
        let n = match r {
            Value::None => return Ok(false),
            v => vm.to_index(&v)?,
        };
        if n <= 0 {
            return Ok(false);
        }
        let n = (n as usize).min(st.out.len());
        st.out.drain(..n);
    }
    Ok(true)
}

/// Record a fatal error (sending the alert rustls queued, if the stream takes it) and raise it.
fn fail(vm: &mut Vm, st: &mut Tls, f: Fatal) -> PyErr {
    st.fatal = Some(f.clone());
    let _ = flush(vm, st);
    f.raise(vm)
}

/// Read ciphertext from the stream into rustls: Ok(None) when the stream would block, Ok(Some(0))
/// at its end. Ciphertext rustls cannot take yet (its plaintext buffer is full) waits in
/// `pending_in` and goes first next time.
fn fill(vm: &mut Vm, st: &mut Tls) -> PyResult<Option<usize>> {
    if st.pending_in.is_empty() {
        if st.eof {
            return Ok(Some(0));
        }
        let r = match vm.call_method(&st.sock, "readinto", std::slice::from_ref(&st.rbuf)) {
            Ok(r) => r,
            Err(e) if is_again(vm, &e) => return Ok(None),
            Err(e) => return Err(e),
        };
        let n = match r {
            Value::None => return Ok(None),
            v => vm.to_index(&v)?.max(0) as usize,
        };
        if n == 0 {
            st.eof = true;
            // Tell rustls the transport ended (a read of nothing).
            let _ = st.conn.read_tls(&mut &[][..]);
            return Ok(Some(0));
        }
        let ok = match &st.rbuf {
            Value::Obj(o) => match &**o {
                PyObject::ByteArray(b) => match b.borrow().get(..n) {
                    Some(d) => {
                        st.pending_in.extend_from_slice(d);
                        true
                    }
                    None => false,
                },
                _ => false,
            },
            _ => false,
        };
        if !ok {
            return Err(vm.value_error("readinto() returned a bad count"));
        }
    }
    let mut fed = 0;
    while fed < st.pending_in.len() {
        let mut rest = &st.pending_in[fed..];
        match st.conn.read_tls(&mut rest) {
            Ok(0) => break,
            Ok(k) => fed += k,
            // Plaintext waiting to be read: the rest of the ciphertext waits too.
            Err(_) if fed > 0 || plaintext_pending(&mut st.conn) => break,
            Err(e) => {
                let f = Fatal::Os(libc::EIO as i64, format!("TLS error: {}", e));
                return Err(fail(vm, st, f));
            }
        }
        let r = st.conn.process_new_packets();
        run_verify_callback(vm, st)?;
        if let Err(e) = r {
            let f = fatal_of(&e);
            return Err(fail(vm, st, f));
        }
    }
    st.pending_in.drain(..fed);
    Ok(Some(fed.max(1)))
}

/// Call verify_callback(cert, depth) for the chain the verifier kept, the highest depth first (as
/// mbedTLS does); a non-zero result fails the connection with OSError(result).
fn run_verify_callback(vm: &mut Vm, st: &mut Tls) -> PyResult<()> {
    let chain = match &st.seen {
        Some(seen) => match seen.lock() {
            Ok(mut v) => std::mem::take(&mut *v),
            Err(_) => Vec::new(),
        },
        None => return Ok(()),
    };
    let f = st.callback.clone();
    for (depth, der) in chain.iter().enumerate().rev() {
        let r = vm.call(&f, &[Value::bytes(der), Value::Int(depth as i64)])?;
        let code = match r {
            Value::None => 0,
            v => vm.to_index(&v)?,
        };
        if code != 0 {
            let f = Fatal::Os(code, "verify_callback failed".to_string());
            return Err(fail(vm, st, f));
        }
    }
    Ok(())
}

/// rustls holds decrypted data not read yet.
fn plaintext_pending(conn: &mut Connection) -> bool {
    conn.process_new_packets()
        .map(|s| s.plaintext_bytes_to_read() > 0)
        .unwrap_or(false)
}

/// Advance the handshake as far as the stream allows: Ok(None) once it is complete,
/// Ok(Some(POLL_RD / POLL_WR)) when the stream would block in that direction.
fn handshake_step(vm: &mut Vm, st: &mut Tls) -> PyResult<Option<i64>> {
    loop {
        if !flush(vm, st)? {
            return Ok(Some(POLL_WR));
        }
        if !st.conn.is_handshaking() {
            return Ok(None);
        }
        match fill(vm, st)? {
            None => return Ok(Some(POLL_RD)),
            Some(0) => return Err(fail(vm, st, os_code(ERR_CONN_EOF))),
            Some(_) => {}
        }
    }
}

/// The start of every read and write: a fatal error is raised again and a handshake in progress
/// is advanced. False when the caller would block; `poll_mask` is then `other` if the handshake
/// waits for that direction (a read that needs to write, or a write that needs to read).
fn begin_io(vm: &mut Vm, st: &mut Tls, other: i64) -> PyResult<bool> {
    st.poll_mask = 0;
    if let Some(f) = &st.fatal {
        return Err(f.raise(vm));
    }
    if st.conn.is_handshaking() {
        if let Some(wait) = handshake_step(vm, st)? {
            if wait == other {
                st.poll_mask = other;
            }
            return Ok(false);
        }
    }
    Ok(true)
}

/// Up to `max` bytes of plaintext: Ok(None) when the stream would block, an empty vector at the
/// end of the stream.
fn read_some(vm: &mut Vm, st: &mut Tls, max: usize) -> PyResult<Option<Vec<u8>>> {
    if !begin_io(vm, st, POLL_WR)? {
        return Ok(None);
    }
    // Output left over from an earlier write (or a key update) goes first, if it can.
    flush(vm, st)?;
    let mut buf = vec![0u8; max.min(READ_CHUNK)];
    loop {
        if buf.is_empty() {
            return Ok(Some(buf));
        }
        match st.conn.reader().read(&mut buf) {
            Ok(n) => {
                buf.truncate(n);
                return Ok(Some(buf));
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            // The peer closed without close_notify: the end of the stream all the same.
            Err(_) => return Ok(Some(Vec::new())),
        }
        match fill(vm, st)? {
            None => return Ok(None),
            Some(0) => {
                if st
                    .conn
                    .reader()
                    .read(&mut buf)
                    .map(|n| n > 0)
                    .unwrap_or(false)
                {
                    continue;
                }
                return Ok(Some(Vec::new()));
            }
            Some(_) => {}
        }
        // Reading may have produced records to send (a key update, a post-handshake message).
        flush(vm, st)?;
    }
}

/// Write plaintext: the count taken, or Ok(None) when the stream would block.
fn write_some(vm: &mut Vm, st: &mut Tls, data: &[u8]) -> PyResult<Option<usize>> {
    if !begin_io(vm, st, POLL_RD)? {
        return Ok(None);
    }
    if !flush(vm, st)? {
        return Ok(None);
    }
    let n = match st.conn.writer().write(data) {
        Ok(n) => n,
        Err(e) => {
            let f = Fatal::Os(libc::EIO as i64, format!("TLS error: {}", e));
            return Err(fail(vm, st, f));
        }
    };
    // What the stream cannot take now stays queued (a poll then waits for writability too).
    flush(vm, st)?;
    Ok(Some(n))
}

fn me(args: &[Value]) -> Value {
    args.first().cloned().unwrap_or(Value::None)
}

/// The size argument of read()/recv(): None or negative means "all".
fn size_of(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = vm.to_index(v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

/// `read([n])`: up to n bytes (all until the end without n); None when nothing could be read
/// from a non-blocking stream.
fn s_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "read", args, 1, 2)?;
    let n = size_of(vm, args.get(1))?;
    let obj = me(args);
    with_tls(vm, &obj, |vm, st| {
        let mut out = Vec::new();
        loop {
            let want = match n {
                Some(n) => n - out.len(),
                None => READ_CHUNK,
            };
            if want == 0 {
                break;
            }
            match read_some(vm, st, want)? {
                None => {
                    if out.is_empty() {
                        return Ok(Value::None);
                    }
                    break;
                }
                Some(b) if b.is_empty() => break,
                Some(b) => out.extend_from_slice(&b),
            }
        }
        Ok(Value::bytes_vec(out))
    })
}

/// `recv(n)`: one read of up to n bytes (None when a non-blocking stream has nothing).
fn s_recv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "recv", args, 2, 3)?;
    let n = size_of(vm, args.get(1))?.unwrap_or(READ_CHUNK);
    let obj = me(args);
    with_tls(vm, &obj, |vm, st| match read_some(vm, st, n)? {
        None => Ok(Value::None),
        Some(b) => Ok(Value::bytes_vec(b)),
    })
}

/// `readinto(buf[, n])`: fill buf (or its first n bytes); the count, or None.
fn s_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "readinto", args, 2, 3)?;
    let Some((target, start, len)) = ferropy_vm::objmemoryview::writable_bytes(&args[1]) else {
        return Err(vm.type_error("object with buffer protocol required"));
    };
    let len = match args.get(2) {
        Some(v) => (vm.to_index(v)?.max(0) as usize).min(len),
        None => len,
    };
    let obj = me(args);
    let got = with_tls(vm, &obj, |vm, st| {
        let mut out = Vec::new();
        while out.len() < len {
            match read_some(vm, st, len - out.len())? {
                None => {
                    if out.is_empty() {
                        return Ok(None);
                    }
                    break;
                }
                Some(b) if b.is_empty() => break,
                Some(b) => out.extend_from_slice(&b),
            }
        }
        Ok(Some(out))
    })?;
    let Some(got) = got else {
        return Ok(Value::None);
    };
    if let PyObject::ByteArray(ba) = &*target {
        if let Ok(mut ba) = ba.try_borrow_mut() {
            if let Some(dst) = ba.get_mut(start..start + got.len()) {
                dst.copy_from_slice(&got);
            }
        }
    }
    Ok(Value::Int(got.len() as i64))
}

/// `readline()`: one line (with its b"\n"), the rest at the end of the stream; None when a
/// non-blocking stream has nothing yet.
fn s_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "readline", args, 1, 2)?;
    let limit = size_of(vm, args.get(1))?;
    let obj = me(args);
    with_tls(vm, &obj, |vm, st| {
        let mut out = Vec::new();
        while limit.is_none_or(|l| out.len() < l) {
            match read_some(vm, st, 1)? {
                None => {
                    if out.is_empty() {
                        return Ok(Value::None);
                    }
                    break;
                }
                Some(b) if b.is_empty() => break,
                Some(b) => {
                    out.extend_from_slice(&b);
                    if b.last() == Some(&b'\n') {
                        break;
                    }
                }
            }
        }
        Ok(Value::bytes_vec(out))
    })
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) => Ok(s.as_str().as_bytes().to_vec()),
        _ => ferropy_vm::objmemoryview::buffer_bytes(v)
            .ok_or_else(|| vm.type_error("object with buffer protocol required")),
    }
}

/// `write(buf)`: write all of buf (a blocking stream) or as much as the stream takes; the
/// count, or None when nothing could be written.
fn s_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "write", args, 2, 2)?;
    let data = data_arg(vm, &args[1])?;
    let obj = me(args);
    with_tls(vm, &obj, |vm, st| {
        let mut off = 0;
        while off < data.len() {
            match write_some(vm, st, &data[off..])? {
                None | Some(0) => {
                    if off == 0 {
                        return Ok(Value::None);
                    }
                    break;
                }
                Some(n) => off += n,
            }
        }
        if data.is_empty() {
            // An empty write still advances the handshake.
            if write_some(vm, st, &[])?.is_none() {
                return Ok(Value::None);
            }
        }
        Ok(Value::Int(off as i64))
    })
}

/// `send(buf)`: one write; the count taken (None when the stream would block).
fn s_send(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "send", args, 2, 2)?;
    let data = data_arg(vm, &args[1])?;
    let obj = me(args);
    with_tls(vm, &obj, |vm, st| match write_some(vm, st, &data)? {
        None => Ok(Value::None),
        Some(n) => Ok(Value::Int(n as i64)),
    })
}

/// Close: a close_notify to the peer once the handshake is done (if the stream takes it), then
/// the stream's own close (its `ioctl(MP_STREAM_CLOSE)`, or `close()`).
fn close(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let mut st = None;
    native_sock(obj, |s| {
        if !s.closed {
            s.closed = true;
            st = s.st.take();
        }
    });
    let Some(mut st) = st else {
        return Ok(Value::Int(0));
    };
    if st.fatal.is_none() && !st.conn.is_handshaking() {
        st.conn.send_close_notify();
        let _ = flush(vm, &mut st);
    }
    let sock = st.sock.clone();
    drop(st);
    if vm.getattr_opt(&sock, "ioctl")?.is_some() {
        return vm.call_method(&sock, "ioctl", &[Value::Int(STREAM_CLOSE), Value::Int(0)]);
    }
    if vm.getattr_opt(&sock, "close")?.is_some() {
        vm.call_method(&sock, "close", &[])?;
    }
    Ok(Value::Int(0))
}

fn s_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "close", args, 1, 1)?;
    if !is_sslsock(&args[0]) {
        return Err(vm.type_error("SSLSocket object expected"));
    }
    close(vm, &args[0])?;
    Ok(Value::None)
}

/// `ioctl(request, arg)`: MP_STREAM_POLL (redirected to the direction the handshake needs) and
/// MP_STREAM_CLOSE; OSError EINVAL for anything else.
fn s_ioctl(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ioctl", args, 3, 3)?;
    let req = vm.to_index(&args[1])?;
    let arg = vm.to_index(&args[2])?;
    let obj = me(args);
    match req {
        STREAM_CLOSE => close(vm, &obj),
        STREAM_POLL => {
            let Some(mut st) = take_state(&obj) else {
                return Ok(Value::Int(POLL_NVAL));
            };
            let r = poll(vm, &mut st, arg);
            put_state(&obj, st);
            r
        }
        _ => Err(ferropy_vm::vfs::os_error(vm, libc::EINVAL, None)),
    }
}

fn poll(vm: &mut Vm, st: &mut Tls, arg: i64) -> PyResult {
    if st.fatal.is_some() {
        return Ok(Value::Int(POLL_NVAL));
    }
    let rdwr = POLL_RD | POLL_WR;
    let asked = arg & rdwr;
    let mut want = arg;
    let mut redirect = 0;
    if st.poll_mask != 0 && asked != 0 {
        want = (arg & !rdwr) | st.poll_mask;
        redirect = st.poll_mask;
    } else if !st.out.is_empty() && asked != 0 {
        want = arg | POLL_WR;
        redirect = POLL_WR;
    }
    let readable = plaintext_pending(&mut st.conn) || !st.pending_in.is_empty();
    poll_stream(vm, &st.sock, readable, want, asked, redirect)
}

/// The end of a TLS or DTLS socket's poll for `want` (the events asked, `asked`, possibly
/// redirected to the direction the handshake needs, `redirect`): readable when the engine has
/// plaintext, plus what the wrapped stream reports (its `ioctl`; a stream without one, such as
/// io.BytesIO, is always ready); a redirected direction that is ready reports as the one asked.
fn poll_stream(
    vm: &mut Vm,
    sock: &Value,
    readable: bool,
    want: i64,
    asked: i64,
    redirect: i64,
) -> PyResult {
    let mut ret = 0;
    if want & POLL_RD != 0 && readable {
        ret |= POLL_RD;
        if want == POLL_RD {
            return Ok(Value::Int(POLL_RD));
        }
    }
    if vm.getattr_opt(sock, "ioctl")?.is_some() {
        let r = vm.call_method(sock, "ioctl", &[Value::Int(STREAM_POLL), Value::Int(want)])?;
        if !matches!(r, Value::None) {
            ret |= vm.to_index(&r)?;
        }
    } else {
        ret |= want & (POLL_RD | POLL_WR);
    }
    if ret & redirect != 0 {
        ret |= asked;
    }
    Ok(Value::Int(ret))
}

/// `setblocking(flag)`: passed on to the wrapped stream.
fn s_setblocking(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "setblocking", args, 2, 2)?;
    let sock = with_tls(vm, &args[0], |_vm, st| Ok(st.sock.clone()))?;
    vm.call_method(&sock, "setblocking", &[args[1].clone()])
}

/// `settimeout(t)`: passed on to the wrapped stream.
fn s_settimeout(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "settimeout", args, 2, 2)?;
    let sock = with_tls(vm, &args[0], |_vm, st| Ok(st.sock.clone()))?;
    vm.call_method(&sock, "settimeout", &[args[1].clone()])
}

/// `getpeercert(binary_form=False)`: the peer's certificate as DER bytes (None before the
/// handshake or when the peer sent none); only the binary form exists, as in MicroPython.
fn s_getpeercert(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getpeercert", args, 1, 2)?;
    let binary = match args.get(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !binary {
        return Err(vm.err(ExcKind::NotImplementedError, ""));
    }
    with_tls(vm, &args[0], |_vm, st| {
        Ok(match st.conn.peer_certificates().and_then(|c| c.first()) {
            Some(c) => Value::bytes(c.as_ref()),
            None => Value::None,
        })
    })
}

/// `cipher()`: (cipher suite name, protocol version), e.g. ('TLS1-3-AES-256-GCM-SHA384',
/// 'TLSv1.3'); None before the handshake.
fn s_cipher(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "cipher", args, 1, 1)?;
    let (suite, ver) = with_tls(vm, &args[0], |_vm, st| {
        Ok((
            st.conn.negotiated_cipher_suite().map(|s| suite_name(&s)),
            st.conn.protocol_version(),
        ))
    })?;
    let Some(suite) = suite else {
        return Ok(Value::None);
    };
    let ver = match ver {
        Some(rustls::ProtocolVersion::TLSv1_3) => "TLSv1.3",
        Some(rustls::ProtocolVersion::TLSv1_2) => "TLSv1.2",
        _ => "unknown",
    };
    Ok(vm.new_tuple(vec![Value::string(suite), Value::str(ver)]))
}

fn s_enter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(me(args))
}

fn s_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    close(vm, &me(args))?;
    Ok(Value::None)
}

fn s_repr(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::str("<SSLSocket>"))
}

/// Build the `tls` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("tls");
    let object = vm.types.object.clone();

    let sock_cls = types::new_type("SSLSocket", vec![object.clone()], Layout::Other, false);
    types::add_methods(
        &sock_cls,
        &[
            ("read", s_read),
            ("readinto", s_readinto),
            ("readline", s_readline),
            ("write", s_write),
            ("recv", s_recv),
            ("send", s_send),
            ("sendall", s_write),
            ("close", s_close),
            ("setblocking", s_setblocking),
            ("settimeout", s_settimeout),
            ("ioctl", s_ioctl),
            ("getpeercert", s_getpeercert),
            ("cipher", s_cipher),
            ("__enter__", s_enter),
            ("__exit__", s_exit),
            ("__repr__", s_repr),
        ],
    );
    types::set_attr(&sock_cls, "__module__", Value::str("tls"));

    let ctx_cls = types::new_type("SSLContext", vec![object], Layout::Other, false);
    types::add_static_methods(&ctx_cls, &[("__new__", ctx_new)]);
    types::add_methods(
        &ctx_cls,
        &[
            ("load_cert_chain", ctx_load_cert_chain),
            ("load_verify_locations", ctx_load_verify_locations),
            ("get_ciphers", ctx_get_ciphers),
            ("set_ciphers", ctx_set_ciphers),
            ("wrap_socket", ctx_wrap_socket),
            ("__setattr__", ctx_setattr),
            ("__repr__", ctx_repr),
        ],
    );
    let getter = builtin_fn("verify_mode", ctx_verify_mode);
    let prop = Value::Obj(vm.alloc(PyObject::Property {
        fget: getter,
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    }));
    types::set_attr(&ctx_cls, "verify_mode", prop);
    let getter = builtin_fn("verify_callback", ctx_verify_callback);
    let prop = Value::Obj(vm.alloc(PyObject::Property {
        fget: getter,
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    }));
    types::set_attr(&ctx_cls, "verify_callback", prop);
    types::set_attr(&ctx_cls, "_socket_type", Value::Obj(sock_cls));
    types::set_attr(
        &ctx_cls,
        "_dtls_socket_type",
        Value::Obj(dtls::socket_type(vm.types.object.clone())),
    );
    types::set_attr(&ctx_cls, "__module__", Value::str("tls"));
    module_set(&m, "SSLContext", Value::Obj(ctx_cls));

    for (name, v) in [
        ("PROTOCOL_TLS_CLIENT", 0),
        ("PROTOCOL_TLS_SERVER", 1),
        ("PROTOCOL_DTLS_CLIENT", 2),
        ("PROTOCOL_DTLS_SERVER", 3),
        ("CERT_NONE", CERT_NONE),
        ("CERT_OPTIONAL", CERT_OPTIONAL),
        ("CERT_REQUIRED", CERT_REQUIRED),
    ] {
        module_set(&m, name, Value::Int(v));
    }
    // MicroPython code tests for this name to know the full TLS feature set (CERT_OPTIONAL,
    // PKCS#8 keys) is there; it names the library actually in use.
    module_set(&m, "MBEDTLS_VERSION", Value::str("rustls 0.23 (ring)"));
    Ok(m)
}

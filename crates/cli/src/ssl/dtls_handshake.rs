//! The DTLS 1.2 connection state machine (RFC 6347 over RFC 5246's handshake, with ECDHE per
//! RFC 8422 and extended_master_secret per RFC 7627), for both roles. It knows no sockets: the
//! caller feeds it datagrams (`handle_datagram`), drives its retransmission timer (`on_timer`),
//! and sends what it queues in `out`; decrypted application records land in `app_in`.
//!
//! A server answers a ClientHello without a valid cookie with a HelloVerifyRequest and keeps no
//! state for it; the cookie is an HMAC of the client's address and hello random under a
//! per-context secret. Flights are retransmitted on a timer (1 s, doubling, giving up past 60 s)
//! and when the peer's previous flight arrives again. Bad records are dropped silently;
//! handshake failures send a fatal alert and are kept in `fatal`.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ring::agreement::EphemeralPrivateKey;
use rustls::client::danger::ServerCertVerifier;
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::danger::ClientCertVerifier;
use rustls::sign::SigningKey;
use rustls::{SignatureAlgorithm, SignatureScheme};

use super::dtls_crypto::{self as crypto, Keys, Suite};
use super::dtls_record::{self as rec, put_vec, Reader};
use super::{fatal_of, os_code, Fatal};
use super::{ERR_FATAL_ALERT, ERR_HANDSHAKE_FAILURE, ERR_NO_CLIENT_CERT};

/// mbedTLS's codes for errors only DTLS reports.
const ERR_TIMEOUT: (i64, &str) = (-26624, "MBEDTLS_ERR_SSL_TIMEOUT");
const ERR_DECODE: (i64, &str) = (-29440, "MBEDTLS_ERR_SSL_DECODE_ERROR");
const ERR_UNEXPECTED: (i64, &str) = (-30464, "MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE");

/// Handshake message types.
const CLIENT_HELLO: u8 = 1;
const SERVER_HELLO: u8 = 2;
const HELLO_VERIFY: u8 = 3;
const CERTIFICATE: u8 = 11;
const SERVER_KX: u8 = 12;
const CERT_REQUEST: u8 = 13;
const HELLO_DONE: u8 = 14;
const CERT_VERIFY: u8 = 15;
const CLIENT_KX: u8 = 16;
const FINISHED: u8 = 20;

/// Alert descriptions.
const A_UNEXPECTED: u8 = 10;
const A_HANDSHAKE: u8 = 40;
const A_BAD_CERT: u8 = 42;
const A_ILLEGAL: u8 = 47;
const A_DECODE: u8 = 50;
const A_DECRYPT: u8 = 51;
const A_PROTOCOL: u8 = 70;
const A_INTERNAL: u8 = 80;

/// Extensions.
const EXT_SNI: u16 = 0;
const EXT_GROUPS: u16 = 10;
const EXT_POINTS: u16 = 11;
const EXT_SIG_ALGS: u16 = 13;
const EXT_EMS: u16 = 23;
const EXT_RENEG: u16 = 0xff01;

/// The signature schemes offered and accepted (those ring verifies).
const SCHEMES: [u16; 9] = [
    0x0403, 0x0503, 0x0807, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601,
];

/// The largest application record body a write makes.
pub(super) const MAX_APP: usize = 16384;
/// The retransmission timer's start and limit.
const TIMER_START: Duration = Duration::from_secs(1);
const TIMER_MAX: Duration = Duration::from_secs(60);

/// What a connection is made with.
pub(super) struct Config {
    /// The server role (else client).
    pub server: bool,
    /// The cipher suites allowed, in preference order.
    pub suites: Vec<&'static Suite>,
    /// The name the server's certificate is checked against (client).
    pub hostname: Option<String>,
    /// Own certificate chain.
    pub chain: Vec<CertificateDer<'static>>,
    /// Own private key (None: no certificate to present).
    pub key: Option<Arc<dyn SigningKey>>,
    /// Client: the server certificate check.
    pub server_verifier: Arc<dyn ServerCertVerifier>,
    /// Client: the server is authenticated at all (CERT_REQUIRED; otherwise neither its
    /// certificate nor its signature is checked).
    pub verify_server: bool,
    /// Server: the client certificate check (None: no certificate is asked for).
    pub client_verifier: Option<Arc<dyn ClientCertVerifier>>,
    /// Signature algorithms for handshake signatures.
    pub algs: WebPkiSupportedAlgorithms,
    /// Server: the cookie secret.
    pub cookie_key: [u8; 32],
    /// Server: the client's address (bound into its cookie).
    pub peer_addr: Vec<u8>,
    /// Largest datagram sent.
    pub mtu: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    WaitServerHello,
    WaitServerCert,
    WaitServerKx,
    WaitHelloDone,
    WaitServerCcs,
    WaitServerFinished,
    WaitClientHello,
    WaitClientCert,
    WaitClientKx,
    WaitCertVerify,
    WaitClientCcs,
    WaitClientFinished,
    Done,
}

/// One element of a flight, kept for retransmission.
enum Item {
    /// A complete handshake message and the epoch it is sent in.
    Hs(u16, Vec<u8>),
    /// ChangeCipherSpec (epoch 0).
    Ccs,
}

/// A failure: the error to raise and the alert to send (None: none, e.g. after the peer's own).
type Failure = (Fatal, Option<u8>);

fn fail<T>(code: (i64, &str), alert: u8) -> Result<T, Failure> {
    Err((os_code(code), Some(alert)))
}

fn decode<T>(v: Option<T>) -> Result<T, Failure> {
    match v {
        Some(v) => Ok(v),
        None => fail(ERR_DECODE, A_DECODE),
    }
}

/// One DTLS connection.
pub(super) struct Conn {
    cfg: Config,
    state: State,
    /// Record sequence numbers of epochs 0 and 1.
    wseq: [u64; 2],
    write_keys: Option<Keys>,
    read_epoch: u16,
    read_keys: Option<Keys>,
    /// Read keys waiting for the peer's ChangeCipherSpec.
    pending_read: Option<Keys>,
    replay: rec::Replay,
    /// Records of the next epoch that came before its ChangeCipherSpec.
    future: Vec<Vec<u8>>,
    send_seq: u16,
    recv_seq: u16,
    reasm: rec::Reassembly,
    /// The handshake messages so far (in their unfragmented form).
    transcript: Vec<u8>,
    /// The last flight sent, and the retransmission timer (deadline, interval).
    flight: Vec<Item>,
    timer: Option<(Instant, Duration)>,
    client_random: [u8; 32],
    server_random: [u8; 32],
    cookie: Vec<u8>,
    suite: Option<&'static Suite>,
    group: u16,
    ecdh: Option<EphemeralPrivateKey>,
    server_point: Vec<u8>,
    ems: bool,
    master: Vec<u8>,
    /// Client: the schemes of a CertificateRequest. Server: the client sent a certificate.
    cert_request: Option<Vec<SignatureScheme>>,
    client_cert_sent: bool,
    /// The peer's certificate chain (end entity first).
    pub peer_certs: Vec<CertificateDer<'static>>,
    /// Datagrams to send.
    pub out: VecDeque<Vec<u8>>,
    /// Application records received.
    pub app_in: VecDeque<Vec<u8>>,
    /// The peer sent close_notify.
    pub peer_closed: bool,
    /// A fatal error: the connection is dead.
    pub fatal: Option<Fatal>,
}

impl Conn {
    /// A new connection; a client queues its first ClientHello at once.
    pub fn new(cfg: Config, now: Instant) -> Conn {
        let server = cfg.server;
        let mut c = Conn {
            cfg,
            state: if server {
                State::WaitClientHello
            } else {
                State::WaitServerHello
            },
            wseq: [0; 2],
            write_keys: None,
            read_epoch: 0,
            read_keys: None,
            pending_read: None,
            replay: rec::Replay::default(),
            future: Vec::new(),
            send_seq: 0,
            recv_seq: 0,
            reasm: rec::Reassembly::default(),
            transcript: Vec::new(),
            flight: Vec::new(),
            timer: None,
            client_random: crypto::random(),
            server_random: crypto::random(),
            cookie: Vec::new(),
            suite: None,
            group: 0,
            ecdh: None,
            server_point: Vec::new(),
            ems: false,
            master: Vec::new(),
            cert_request: None,
            client_cert_sent: false,
            peer_certs: Vec::new(),
            out: VecDeque::new(),
            app_in: VecDeque::new(),
            peer_closed: false,
            fatal: None,
        };
        if !server {
            c.send_client_hello(now);
        }
        c
    }

    /// The handshake is still running.
    pub fn handshaking(&self) -> bool {
        self.state != State::Done
    }

    /// The negotiated cipher suite.
    pub fn suite_name(&self) -> Option<&'static str> {
        match self.state {
            State::Done => self.suite.map(|s| s.name),
            _ => None,
        }
    }

    /// When the retransmission timer fires next.
    pub fn deadline(&self) -> Option<Instant> {
        self.timer.map(|t| t.0)
    }

    /// Retransmit if the timer has expired (failing once past its limit).
    pub fn on_timer(&mut self, now: Instant) {
        let Some((deadline, interval)) = self.timer else {
            return;
        };
        if now < deadline || self.fatal.is_some() {
            return;
        }
        let next = interval * 2;
        if next > TIMER_MAX {
            self.timer = None;
            self.fatal = Some(os_code(ERR_TIMEOUT));
            return;
        }
        self.timer = Some((now + next, next));
        self.retransmit();
    }

    /// Queue one application record of up to MAX_APP bytes of `data`; the count taken.
    pub fn send_app(&mut self, data: &[u8]) -> usize {
        if self.state != State::Done || self.fatal.is_some() {
            return 0;
        }
        let n = data.len().min(MAX_APP);
        if let Some(r) = self.protect(rec::CT_APP, 1, &data[..n]) {
            self.out.push_back(r);
        }
        n
    }

    /// Queue a close_notify alert (once the handshake is done).
    pub fn close_notify(&mut self) {
        if self.state == State::Done && self.fatal.is_none() {
            if let Some(r) = self.protect(rec::CT_ALERT, 1, &[1, 0]) {
                self.out.push_back(r);
            }
        }
    }

    /// One record of type `ct` in `epoch`: header and (protected) body. None when the epoch's
    /// sequence numbers are used up or its keys are missing.
    fn protect(&mut self, ct: u8, epoch: u16, payload: &[u8]) -> Option<Vec<u8>> {
        let e = (epoch as usize).min(1);
        let seq = self.wseq[e];
        if seq > rec::MAX_SEQ {
            return None;
        }
        self.wseq[e] = seq + 1;
        let body = if epoch == 0 {
            payload.to_vec()
        } else {
            let full = ((epoch as u64) << 48) | seq;
            let b = self.write_keys.as_ref()?.seal(full, ct, payload);
            if b.is_empty() {
                return None;
            }
            b
        };
        let mut r = rec::header(ct, epoch, seq, body.len()).to_vec();
        r.extend_from_slice(&body);
        Some(r)
    }

    /// Send `items` in as few datagrams as the MTU allows.
    fn transmit(&mut self, items: &[Item]) {
        let frag_max = self
            .cfg
            .mtu
            .saturating_sub(rec::HEADER + rec::HS_HEADER + crypto::MAX_OVERHEAD)
            .max(64);
        let mut dgram: Vec<u8> = Vec::new();
        for it in items {
            let (ct, epoch, payloads) = match it {
                Item::Hs(e, m) => (rec::CT_HANDSHAKE, *e, rec::fragments(m, frag_max)),
                Item::Ccs => (rec::CT_CCS, 0, vec![vec![1]]),
            };
            for p in payloads {
                let Some(r) = self.protect(ct, epoch, &p) else {
                    continue;
                };
                if !dgram.is_empty() && dgram.len() + r.len() > self.cfg.mtu {
                    self.out.push_back(std::mem::take(&mut dgram));
                }
                dgram.extend_from_slice(&r);
            }
        }
        if !dgram.is_empty() {
            self.out.push_back(dgram);
        }
    }

    fn retransmit(&mut self) {
        let f = std::mem::take(&mut self.flight);
        self.transmit(&f);
        self.flight = f;
    }

    /// Make `items` the current flight and send it; `wait` starts the timer (a reply is due).
    fn send_flight(&mut self, items: Vec<Item>, wait: bool, now: Instant) {
        self.transmit(&items);
        self.flight = items;
        self.timer = if wait {
            Some((now + TIMER_START, TIMER_START))
        } else {
            None
        };
    }

    /// A handshake message with the next message_seq, added to the transcript.
    fn message(&mut self, ty: u8, body: &[u8]) -> Vec<u8> {
        let m = rec::hs_message(ty, self.send_seq, body);
        self.send_seq = self.send_seq.wrapping_add(1);
        self.transcript.extend_from_slice(&m);
        m
    }

    fn send_client_hello(&mut self, now: Instant) {
        let mut b = vec![0xfe, 0xfd];
        b.extend_from_slice(&self.client_random);
        b.push(0);
        put_vec(&mut b, 1, &self.cookie);
        let suites: Vec<u8> = self
            .cfg
            .suites
            .iter()
            .flat_map(|s| s.id.to_be_bytes())
            .collect();
        put_vec(&mut b, 2, &suites);
        b.extend_from_slice(&[1, 0]);
        let mut ext = Vec::new();
        if let Some(h) = &self.cfg.hostname {
            if h.parse::<std::net::IpAddr>().is_err() && !h.is_empty() && h.len() < 256 {
                let mut name = vec![0];
                put_vec(&mut name, 2, h.as_bytes());
                let mut list = Vec::new();
                put_vec(&mut list, 2, &name);
                add_ext(&mut ext, EXT_SNI, &list);
            }
        }
        let mut groups = Vec::new();
        put_vec(
            &mut groups,
            2,
            &[crypto::GROUP_X25519, crypto::GROUP_P256]
                .iter()
                .flat_map(|g| g.to_be_bytes())
                .collect::<Vec<u8>>(),
        );
        add_ext(&mut ext, EXT_GROUPS, &groups);
        add_ext(&mut ext, EXT_POINTS, &[1, 0]);
        let mut schemes = Vec::new();
        put_vec(&mut schemes, 2, &scheme_list());
        add_ext(&mut ext, EXT_SIG_ALGS, &schemes);
        add_ext(&mut ext, EXT_EMS, &[]);
        add_ext(&mut ext, EXT_RENEG, &[0]);
        put_vec(&mut b, 2, &ext);
        // A ClientHello answered by a HelloVerifyRequest stays out of the transcript (RFC 6347
        // section 4.2.1): each hello starts it afresh.
        self.transcript.clear();
        let m = self.message(CLIENT_HELLO, &b);
        self.send_flight(vec![Item::Hs(0, m)], true, now);
    }

    /// Feed one datagram from the peer.
    pub fn handle_datagram(&mut self, d: &[u8], now: Instant) {
        let mut again = false;
        for r in rec::records(d) {
            if self.fatal.is_some() {
                return;
            }
            if let Err((f, alert)) = self.handle_record(&r, &mut again, now) {
                self.fail_with(f, alert);
                return;
            }
        }
        // The peer sent its previous flight again: ours was lost. Only a side waiting for a
        // reply, or the server whose final flight ended the handshake, answers (so two finished
        // sides never echo each other's retransmissions).
        let answer = self.timer.is_some() || (self.cfg.server && self.state == State::Done);
        if again && answer && self.fatal.is_none() && !self.flight.is_empty() {
            self.retransmit();
        }
    }

    /// Record a fatal error, sending the alert if any.
    fn fail_with(&mut self, f: Fatal, alert: Option<u8>) {
        if let Some(a) = alert {
            let epoch = if self.write_keys.is_some() && self.state == State::Done {
                1
            } else {
                0
            };
            if let Some(r) = self.protect(rec::CT_ALERT, epoch, &[2, a]) {
                self.out.push_back(r);
            }
        }
        self.timer = None;
        self.fatal = Some(f);
    }

    fn handle_record(
        &mut self,
        r: &rec::Record<'_>,
        again: &mut bool,
        now: Instant,
    ) -> Result<(), Failure> {
        let plain = if r.epoch == 0 {
            if r.ct == rec::CT_APP || (r.ct == rec::CT_ALERT && self.read_epoch > 0) {
                return Ok(());
            }
            r.body.to_vec()
        } else if r.epoch == self.read_epoch {
            let Some(keys) = &self.read_keys else {
                return Ok(());
            };
            if !self.replay.fresh(r.seq) {
                return Ok(());
            }
            let Some(p) = keys.open(r.full_seq(), r.ct, r.body) else {
                return Ok(());
            };
            self.replay.mark(r.seq);
            p
        } else {
            // Only while the peer's ChangeCipherSpec is due (its Finished may overtake it).
            let due = self.pending_read.is_some();
            if due && r.epoch == self.read_epoch + 1 && self.future.len() < 16 {
                let mut raw = rec::header(r.ct, r.epoch, r.seq, r.body.len()).to_vec();
                raw.extend_from_slice(r.body);
                self.future.push(raw);
            }
            return Ok(());
        };
        match r.ct {
            rec::CT_CCS => {
                let expected = matches!(self.state, State::WaitServerCcs | State::WaitClientCcs);
                if plain == [1] && r.epoch == 0 && expected && self.pending_read.is_some() {
                    self.read_keys = self.pending_read.take();
                    self.read_epoch = 1;
                    self.replay = rec::Replay::default();
                    self.state = if self.cfg.server {
                        State::WaitClientFinished
                    } else {
                        State::WaitServerFinished
                    };
                    for raw in std::mem::take(&mut self.future) {
                        for r in rec::records(&raw) {
                            self.handle_record(&r, again, now)?;
                        }
                    }
                }
                Ok(())
            }
            rec::CT_ALERT => {
                if plain.len() == 2 {
                    if plain[1] == 0 {
                        self.peer_closed = true;
                    } else if plain[0] == 2 {
                        return Err((os_code(ERR_FATAL_ALERT), None));
                    }
                }
                Ok(())
            }
            rec::CT_APP => {
                if self.state == State::Done && !plain.is_empty() && self.app_in.len() < 256 {
                    self.app_in.push_back(plain);
                }
                Ok(())
            }
            _ => self.handle_handshake(&plain, again, now),
        }
    }

    fn handle_handshake(
        &mut self,
        plain: &[u8],
        again: &mut bool,
        now: Instant,
    ) -> Result<(), Failure> {
        let Some(frags) = rec::parse_fragments(plain) else {
            return Ok(());
        };
        for f in frags {
            let whole = f.off == 0 && f.data.len() == f.len;
            if self.state == State::WaitClientHello {
                if f.ty == CLIENT_HELLO && whole {
                    self.client_hello(f.seq, f.data, now)?;
                }
                continue;
            }
            if f.seq < self.recv_seq {
                *again = true;
                continue;
            }
            self.reasm.add(&f, self.recv_seq);
            while let Some((ty, body)) = self.reasm.take(self.recv_seq) {
                let seq = self.recv_seq;
                self.recv_seq = self.recv_seq.wrapping_add(1);
                self.handle_message(ty, seq, &body, now)?;
                if self.fatal.is_some() {
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    fn handle_message(
        &mut self,
        ty: u8,
        seq: u16,
        body: &[u8],
        now: Instant,
    ) -> Result<(), Failure> {
        if ty != HELLO_VERIFY {
            self.transcript
                .extend_from_slice(&rec::hs_message(ty, seq, body));
        }
        match (self.state, ty) {
            (State::WaitServerHello, HELLO_VERIFY) => {
                let mut r = Reader(body);
                decode(r.take(2))?;
                let cookie = decode(r.vec(1))?;
                if cookie.is_empty() || !self.cookie.is_empty() {
                    return fail(ERR_UNEXPECTED, A_UNEXPECTED);
                }
                self.cookie = cookie.to_vec();
                self.send_client_hello(now);
                Ok(())
            }
            (State::WaitServerHello, SERVER_HELLO) => self.server_hello(body),
            (State::WaitServerCert, CERTIFICATE) => {
                let certs = decode(parse_certs(body))?;
                if certs.is_empty() {
                    return fail(ERR_HANDSHAKE_FAILURE, A_BAD_CERT);
                }
                if self.cfg.verify_server {
                    let name = self
                        .cfg
                        .hostname
                        .clone()
                        .and_then(|h| ServerName::try_from(h).ok())
                        .unwrap_or(ServerName::IpAddress(
                            std::net::Ipv4Addr::UNSPECIFIED.into(),
                        ));
                    if let Err(e) = self.cfg.server_verifier.verify_server_cert(
                        &certs[0],
                        &certs[1..],
                        &name,
                        &[],
                        UnixTime::now(),
                    ) {
                        return Err((fatal_of(&e), Some(A_BAD_CERT)));
                    }
                }
                self.peer_certs = certs;
                self.state = State::WaitServerKx;
                Ok(())
            }
            (State::WaitServerKx, SERVER_KX) => self.server_kx(body),
            (State::WaitHelloDone, CERT_REQUEST) if self.cert_request.is_none() => {
                let mut r = Reader(body);
                decode(r.vec(1))?;
                let algs = decode(r.vec(2))?;
                decode(r.vec(2))?;
                self.cert_request = Some(
                    algs.chunks_exact(2)
                        .map(|c| SignatureScheme::from(u16::from_be_bytes([c[0], c[1]])))
                        .collect(),
                );
                Ok(())
            }
            (State::WaitHelloDone, HELLO_DONE) => self.client_final_flight(now),
            (State::WaitServerFinished, FINISHED) => {
                let n = self
                    .transcript
                    .len()
                    .saturating_sub(rec::HS_HEADER + body.len());
                self.check_finished(b"server finished", n, body)?;
                self.state = State::Done;
                self.timer = None;
                Ok(())
            }
            (State::WaitClientCert, CERTIFICATE) => self.client_cert(body),
            (State::WaitClientKx, CLIENT_KX) => {
                let mut r = Reader(body);
                let point = decode(r.vec(1))?;
                self.derive(point)?;
                self.state = if self.client_cert_sent {
                    State::WaitCertVerify
                } else {
                    State::WaitClientCcs
                };
                Ok(())
            }
            (State::WaitCertVerify, CERT_VERIFY) => {
                let mut r = Reader(body);
                let scheme = decode(r.u16())?;
                let sig = decode(r.vec(2))?;
                let n = self
                    .transcript
                    .len()
                    .saturating_sub(rec::HS_HEADER + body.len());
                let ok = self.peer_certs.first().is_some_and(|c| {
                    verify_sig(&self.cfg.algs, c, scheme, &self.transcript[..n], sig)
                });
                if !ok {
                    return fail(ERR_HANDSHAKE_FAILURE, A_DECRYPT);
                }
                self.state = State::WaitClientCcs;
                Ok(())
            }
            (State::WaitClientFinished, FINISHED) => {
                let n = self
                    .transcript
                    .len()
                    .saturating_sub(rec::HS_HEADER + body.len());
                self.check_finished(b"client finished", n, body)?;
                let fin = self.finished(b"server finished");
                let m = self.message(FINISHED, &fin);
                self.state = State::Done;
                self.send_flight(vec![Item::Ccs, Item::Hs(1, m)], false, now);
                Ok(())
            }
            // After the handshake: a renegotiation attempt (ClientHello, HelloRequest) or any
            // other new handshake message is ignored, as mbedTLS refuses renegotiation.
            (State::Done, _) => Ok(()),
            _ => fail(ERR_UNEXPECTED, A_UNEXPECTED),
        }
    }

    fn server_hello(&mut self, body: &[u8]) -> Result<(), Failure> {
        let mut r = Reader(body);
        let version = decode(r.u16())?;
        if version != 0xfefd {
            return fail(ERR_HANDSHAKE_FAILURE, A_PROTOCOL);
        }
        self.server_random.copy_from_slice(decode(r.take(32))?);
        decode(r.vec(1))?;
        let id = decode(r.u16())?;
        let Some(suite) = self.cfg.suites.iter().find(|s| s.id == id) else {
            return fail(ERR_HANDSHAKE_FAILURE, A_ILLEGAL);
        };
        self.suite = Some(suite);
        if decode(r.u8())? != 0 {
            return fail(ERR_HANDSHAKE_FAILURE, A_ILLEGAL);
        }
        if !r.done() {
            for (ty, _) in decode(parse_exts(decode(r.vec(2))?))? {
                if ty == EXT_EMS {
                    self.ems = true;
                }
            }
        }
        self.state = State::WaitServerCert;
        Ok(())
    }

    fn server_kx(&mut self, body: &[u8]) -> Result<(), Failure> {
        let mut r = Reader(body);
        if decode(r.u8())? != 3 {
            return fail(ERR_HANDSHAKE_FAILURE, A_ILLEGAL);
        }
        let group = decode(r.u16())?;
        let point = decode(r.vec(1))?;
        let params = &body[..body.len() - r.0.len()];
        let scheme = decode(r.u16())?;
        let sig = decode(r.vec(2))?;
        if group != crypto::GROUP_X25519 && group != crypto::GROUP_P256 {
            return fail(ERR_HANDSHAKE_FAILURE, A_ILLEGAL);
        }
        if self.cfg.verify_server {
            let mut signed = self.client_random.to_vec();
            signed.extend_from_slice(&self.server_random);
            signed.extend_from_slice(params);
            let ok = self
                .peer_certs
                .first()
                .is_some_and(|c| verify_sig(&self.cfg.algs, c, scheme, &signed, sig));
            if !ok {
                return fail(ERR_HANDSHAKE_FAILURE, A_DECRYPT);
            }
        }
        self.group = group;
        self.server_point = point.to_vec();
        self.state = State::WaitHelloDone;
        Ok(())
    }

    /// The master secret and traffic keys from the peer's ECDHE point (after ClientKeyExchange
    /// entered the transcript).
    fn derive(&mut self, peer_point: &[u8]) -> Result<(), Failure> {
        let Some(suite) = self.suite else {
            return fail(ERR_HANDSHAKE_FAILURE, A_INTERNAL);
        };
        let Some(mine) = self.ecdh.take() else {
            return fail(ERR_HANDSHAKE_FAILURE, A_INTERNAL);
        };
        let Some(pms) = crypto::ecdhe_agree(self.group, mine, peer_point) else {
            return fail(ERR_HANDSHAKE_FAILURE, A_ILLEGAL);
        };
        self.master = if self.ems {
            let h = crypto::hash(suite.sha384, &self.transcript);
            crypto::prf(suite.sha384, &pms, b"extended master secret", &h, 48)
        } else {
            let mut seed = self.client_random.to_vec();
            seed.extend_from_slice(&self.server_random);
            crypto::prf(suite.sha384, &pms, b"master secret", &seed, 48)
        };
        let Some((ck, sk)) = crypto::traffic_keys(
            suite,
            &self.master,
            &self.client_random,
            &self.server_random,
        ) else {
            return fail(ERR_HANDSHAKE_FAILURE, A_INTERNAL);
        };
        let (w, r) = if self.cfg.server { (sk, ck) } else { (ck, sk) };
        self.write_keys = Some(w);
        self.pending_read = Some(r);
        Ok(())
    }

    /// verify_data over the transcript so far.
    fn finished(&self, label: &[u8]) -> Vec<u8> {
        let sha384 = self.suite.is_some_and(|s| s.sha384);
        let h = crypto::hash(sha384, &self.transcript);
        crypto::prf(sha384, &self.master, label, &h, 12)
    }

    /// Check the peer's Finished against the transcript's first `n` bytes.
    fn check_finished(&self, label: &[u8], n: usize, got: &[u8]) -> Result<(), Failure> {
        let sha384 = self.suite.is_some_and(|s| s.sha384);
        let h = crypto::hash(sha384, self.transcript.get(..n).unwrap_or_default());
        let want = crypto::prf(sha384, &self.master, label, &h, 12);
        if crypto::ct_eq(&want, got) {
            Ok(())
        } else {
            fail(ERR_HANDSHAKE_FAILURE, A_DECRYPT)
        }
    }

    fn client_final_flight(&mut self, now: Instant) -> Result<(), Failure> {
        let mut items = Vec::new();
        let mut signer = None;
        if let Some(offered) = self.cert_request.clone() {
            let chosen = match &self.cfg.key {
                Some(k) if !self.cfg.chain.is_empty() => k.choose_scheme(&offered),
                _ => None,
            };
            let chain = if chosen.is_some() {
                self.cfg.chain.clone()
            } else {
                Vec::new()
            };
            let m = self.message(CERTIFICATE, &cert_list(&chain));
            items.push(Item::Hs(0, m));
            signer = chosen;
        }
        let Some((mine, point)) = crypto::ecdhe_keypair(self.group) else {
            return fail(ERR_HANDSHAKE_FAILURE, A_INTERNAL);
        };
        self.ecdh = Some(mine);
        let mut kx = Vec::new();
        put_vec(&mut kx, 1, &point);
        let m = self.message(CLIENT_KX, &kx);
        items.push(Item::Hs(0, m));
        let server_point = std::mem::take(&mut self.server_point);
        self.derive(&server_point)?;
        if let Some(s) = signer {
            let Ok(sig) = s.sign(&self.transcript) else {
                return fail(ERR_HANDSHAKE_FAILURE, A_INTERNAL);
            };
            let mut b = u16::from(s.scheme()).to_be_bytes().to_vec();
            put_vec(&mut b, 2, &sig);
            let m = self.message(CERT_VERIFY, &b);
            items.push(Item::Hs(0, m));
        }
        items.push(Item::Ccs);
        let fin = self.finished(b"client finished");
        let m = self.message(FINISHED, &fin);
        items.push(Item::Hs(1, m));
        self.state = State::WaitServerCcs;
        self.send_flight(items, true, now);
        Ok(())
    }

    /// A ClientHello at the server: a HelloVerifyRequest without a valid cookie, else the
    /// server's first flight. A malformed hello is dropped.
    fn client_hello(&mut self, seq: u16, body: &[u8], now: Instant) -> Result<(), Failure> {
        let Some(h) = parse_client_hello(body) else {
            return Ok(());
        };
        let want = crypto::cookie(&self.cfg.cookie_key, &self.cfg.peer_addr, h.random);
        if !crypto::ct_eq(&want, h.cookie) {
            let mut b = vec![0xfe, 0xff];
            put_vec(&mut b, 1, &want);
            let m = rec::hs_message(HELLO_VERIFY, seq, &b);
            self.transmit(&[Item::Hs(0, m)]);
            return Ok(());
        }
        if h.version > 0xfefd {
            return fail(ERR_HANDSHAKE_FAILURE, A_PROTOCOL);
        }
        self.client_random.copy_from_slice(h.random);
        self.transcript = rec::hs_message(CLIENT_HELLO, seq, body);
        self.recv_seq = seq.wrapping_add(1);
        self.send_seq = seq;
        let Some(key) = self.cfg.key.clone() else {
            return fail(ERR_HANDSHAKE_FAILURE, A_HANDSHAKE);
        };
        let ecdsa_key = matches!(
            key.algorithm(),
            SignatureAlgorithm::ECDSA | SignatureAlgorithm::ED25519
        );
        let Some(suite) = self
            .cfg
            .suites
            .iter()
            .find(|s| s.ecdsa == ecdsa_key && h.suites.contains(&s.id))
            .copied()
        else {
            return fail(ERR_HANDSHAKE_FAILURE, A_HANDSHAKE);
        };
        self.suite = Some(suite);
        let mut groups = vec![crypto::GROUP_P256];
        let mut offered = vec![
            SignatureScheme::ECDSA_NISTP256_SHA256,
            SignatureScheme::RSA_PKCS1_SHA256,
        ];
        let mut points = false;
        let mut reneg = h.suites.contains(&0x00ff);
        for (ty, data) in &h.exts {
            let mut r = Reader(data);
            match *ty {
                EXT_GROUPS => {
                    let l = decode(r.vec(2))?;
                    groups = l
                        .chunks_exact(2)
                        .map(|c| u16::from_be_bytes([c[0], c[1]]))
                        .collect();
                }
                EXT_SIG_ALGS => {
                    let l = decode(r.vec(2))?;
                    offered = l
                        .chunks_exact(2)
                        .map(|c| SignatureScheme::from(u16::from_be_bytes([c[0], c[1]])))
                        .collect();
                }
                EXT_POINTS => points = true,
                EXT_EMS => self.ems = true,
                EXT_RENEG => reneg = true,
                _ => {}
            }
        }
        self.group = if groups.contains(&crypto::GROUP_X25519) {
            crypto::GROUP_X25519
        } else if groups.contains(&crypto::GROUP_P256) {
            crypto::GROUP_P256
        } else {
            return fail(ERR_HANDSHAKE_FAILURE, A_HANDSHAKE);
        };
        let Some(signer) = key.choose_scheme(&offered) else {
            return fail(ERR_HANDSHAKE_FAILURE, A_HANDSHAKE);
        };
        // ServerHello.
        let mut b = vec![0xfe, 0xfd];
        b.extend_from_slice(&self.server_random);
        b.push(0);
        b.extend_from_slice(&suite.id.to_be_bytes());
        b.push(0);
        let mut ext = Vec::new();
        if reneg {
            add_ext(&mut ext, EXT_RENEG, &[0]);
        }
        if self.ems {
            add_ext(&mut ext, EXT_EMS, &[]);
        }
        if points {
            add_ext(&mut ext, EXT_POINTS, &[1, 0]);
        }
        put_vec(&mut b, 2, &ext);
        let mut items = vec![Item::Hs(0, self.message(SERVER_HELLO, &b))];
        let chain = self.cfg.chain.clone();
        items.push(Item::Hs(0, self.message(CERTIFICATE, &cert_list(&chain))));
        // ServerKeyExchange.
        let Some((mine, point)) = crypto::ecdhe_keypair(self.group) else {
            return fail(ERR_HANDSHAKE_FAILURE, A_INTERNAL);
        };
        self.ecdh = Some(mine);
        let mut params = vec![3];
        params.extend_from_slice(&self.group.to_be_bytes());
        put_vec(&mut params, 1, &point);
        let mut signed = self.client_random.to_vec();
        signed.extend_from_slice(&self.server_random);
        signed.extend_from_slice(&params);
        let Ok(sig) = signer.sign(&signed) else {
            return fail(ERR_HANDSHAKE_FAILURE, A_INTERNAL);
        };
        params.extend_from_slice(&u16::from(signer.scheme()).to_be_bytes());
        put_vec(&mut params, 2, &sig);
        items.push(Item::Hs(0, self.message(SERVER_KX, &params)));
        let ask = self
            .cfg
            .client_verifier
            .as_ref()
            .is_some_and(|v| v.offer_client_auth());
        if ask {
            let mut b = Vec::new();
            put_vec(&mut b, 1, &[1, 64]);
            put_vec(&mut b, 2, &scheme_list());
            put_vec(&mut b, 2, &[]);
            items.push(Item::Hs(0, self.message(CERT_REQUEST, &b)));
        }
        items.push(Item::Hs(0, self.message(HELLO_DONE, &[])));
        self.state = if ask {
            State::WaitClientCert
        } else {
            State::WaitClientKx
        };
        self.send_flight(items, true, now);
        Ok(())
    }

    fn client_cert(&mut self, body: &[u8]) -> Result<(), Failure> {
        let certs = decode(parse_certs(body))?;
        let Some(v) = self.cfg.client_verifier.clone() else {
            return fail(ERR_UNEXPECTED, A_UNEXPECTED);
        };
        if certs.is_empty() {
            if v.client_auth_mandatory() {
                return Err((os_code(ERR_NO_CLIENT_CERT), Some(A_HANDSHAKE)));
            }
        } else {
            if let Err(e) = v.verify_client_cert(&certs[0], &certs[1..], UnixTime::now()) {
                return Err((fatal_of(&e), Some(A_BAD_CERT)));
            }
            self.client_cert_sent = true;
            self.peer_certs = certs;
        }
        self.state = State::WaitClientKx;
        Ok(())
    }
}

/// The wire list of the signature schemes we accept.
fn scheme_list() -> Vec<u8> {
    SCHEMES.iter().flat_map(|s| s.to_be_bytes()).collect()
}

fn add_ext(out: &mut Vec<u8>, ty: u16, data: &[u8]) {
    out.extend_from_slice(&ty.to_be_bytes());
    put_vec(out, 2, data);
}

/// The (type, data) pairs of an extensions block.
fn parse_exts(d: &[u8]) -> Option<Vec<(u16, &[u8])>> {
    let mut r = Reader(d);
    let mut out = Vec::new();
    while !r.done() {
        let ty = r.u16()?;
        out.push((ty, r.vec(2)?));
    }
    Some(out)
}

/// A Certificate message body.
fn cert_list(chain: &[CertificateDer<'static>]) -> Vec<u8> {
    let mut list = Vec::new();
    for c in chain {
        put_vec(&mut list, 3, c.as_ref());
    }
    let mut b = Vec::new();
    put_vec(&mut b, 3, &list);
    b
}

fn parse_certs(body: &[u8]) -> Option<Vec<CertificateDer<'static>>> {
    let mut r = Reader(body);
    let mut list = Reader(r.vec(3)?);
    if !r.done() {
        return None;
    }
    let mut out = Vec::new();
    while !list.done() {
        out.push(CertificateDer::from(list.vec(3)?.to_vec()));
    }
    Some(out)
}

/// The parts of a ClientHello the server uses.
struct Hello<'a> {
    version: u16,
    random: &'a [u8],
    cookie: &'a [u8],
    suites: Vec<u16>,
    exts: Vec<(u16, &'a [u8])>,
}

fn parse_client_hello(body: &[u8]) -> Option<Hello<'_>> {
    let mut r = Reader(body);
    let version = r.u16()?;
    let random = r.take(32)?;
    r.vec(1)?;
    let cookie = r.vec(1)?;
    let suites = r
        .vec(2)?
        .chunks_exact(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    r.vec(1)?;
    let exts = if r.done() {
        Vec::new()
    } else {
        parse_exts(r.vec(2)?)?
    };
    Some(Hello {
        version,
        random,
        cookie,
        suites,
        exts,
    })
}

/// A handshake signature by the certificate's key checks out.
fn verify_sig(
    algs: &WebPkiSupportedAlgorithms,
    cert: &CertificateDer<'_>,
    scheme: u16,
    msg: &[u8],
    sig: &[u8],
) -> bool {
    let Ok(ee) = webpki::EndEntityCert::try_from(cert) else {
        return false;
    };
    let scheme = SignatureScheme::from(scheme);
    algs.mapping
        .iter()
        .filter(|(s, _)| *s == scheme)
        .flat_map(|(_, a)| a.iter())
        .any(|a| ee.verify_signature(*a, msg, sig).is_ok())
}

#[cfg(test)]
mod tests {
    use super::super::{signing_key, PeerVerifier};
    use super::*;
    use rustls::pki_types::PrivateKeyDer;

    const CERT: &[u8] = include_bytes!("../../../../tests/py/ssl/cert.der");
    const KEY: &[u8] = include_bytes!("../../../../tests/py/ssl/key.der");

    fn cfg(server: bool, verify: bool) -> Config {
        let p = rustls::crypto::ring::default_provider();
        let key = PrivateKeyDer::try_from(KEY.to_vec()).expect("test key");
        let verifier = Arc::new(PeerVerifier {
            required: false,
            webpki: None,
            roots: Vec::new(),
            algs: p.signature_verification_algorithms,
            seen: None,
        });
        Config {
            server,
            suites: crypto::SUITES.iter().collect(),
            hostname: Some("localhost".into()),
            chain: vec![CertificateDer::from(CERT.to_vec())],
            key: signing_key(&p, &key),
            server_verifier: verifier,
            verify_server: verify,
            client_verifier: None,
            algs: p.signature_verification_algorithms,
            cookie_key: [9; 32],
            peer_addr: vec![1, 2, 3],
            mtu: 1400,
        }
    }

    fn pair(now: Instant) -> (Conn, Conn) {
        (
            Conn::new(cfg(false, true), now),
            Conn::new(cfg(true, false), now),
        )
    }

    /// Move datagrams both ways until quiet; `keep` may alter a datagram or drop it (false).
    fn pump(c: &mut Conn, s: &mut Conn, now: Instant, keep: &mut dyn FnMut(&mut Vec<u8>) -> bool) {
        for _ in 0..50 {
            let mut moved = false;
            while let Some(mut d) = c.out.pop_front() {
                moved = true;
                if keep(&mut d) {
                    s.handle_datagram(&d, now);
                }
            }
            while let Some(mut d) = s.out.pop_front() {
                moved = true;
                if keep(&mut d) {
                    c.handle_datagram(&d, now);
                }
            }
            if !moved {
                break;
            }
        }
    }

    #[test]
    fn handshake_and_data_both_ways() {
        let now = Instant::now();
        let (mut c, mut s) = pair(now);
        pump(&mut c, &mut s, now, &mut |_| true);
        assert!(!c.handshaking() && !s.handshaking());
        assert!(c.fatal.is_none() && s.fatal.is_none());
        assert_eq!(c.send_app(b"ping"), 4);
        assert_eq!(s.send_app(b"pong"), 4);
        pump(&mut c, &mut s, now, &mut |_| true);
        assert_eq!(s.app_in.pop_front().as_deref(), Some(&b"ping"[..]));
        assert_eq!(c.app_in.pop_front().as_deref(), Some(&b"pong"[..]));
        c.close_notify();
        pump(&mut c, &mut s, now, &mut |_| true);
        assert!(s.peer_closed);
    }

    #[test]
    fn lost_flights_are_sent_again() {
        let now = Instant::now();
        let (mut c, mut s) = pair(now);
        // Lose every third datagram for a while, then none; the timers bring the flights back.
        let mut n = 0;
        let mut t = now;
        for round in 0..10 {
            pump(&mut c, &mut s, t, &mut |_| {
                n += 1;
                round >= 6 || n % 3 != 0
            });
            t += Duration::from_secs(5);
            c.on_timer(t);
            s.on_timer(t);
        }
        assert!(c.fatal.is_none() && s.fatal.is_none());
        assert!(!c.handshaking() && !s.handshaking());
    }

    #[test]
    fn renegotiation_is_ignored() {
        let now = Instant::now();
        let (mut c, mut s) = pair(now);
        pump(&mut c, &mut s, now, &mut |_| true);
        let hello = rec::hs_message(CLIENT_HELLO, c.send_seq, b"renegotiate");
        let r = c.protect(rec::CT_HANDSHAKE, 1, &hello).expect("record");
        s.handle_datagram(&r, now);
        c.send_app(b"still");
        pump(&mut c, &mut s, now, &mut |_| true);
        assert!(s.fatal.is_none());
        assert_eq!(s.app_in.pop_front().as_deref(), Some(&b"still"[..]));
    }

    #[test]
    fn timer_gives_up() {
        let now = Instant::now();
        let (mut c, _) = pair(now);
        let mut t = now;
        for _ in 0..10 {
            t += Duration::from_secs(61);
            c.on_timer(t);
        }
        assert!(matches!(c.fatal, Some(Fatal::Os(-26624, _))));
    }

    #[test]
    fn replayed_record_is_dropped() {
        let now = Instant::now();
        let (mut c, mut s) = pair(now);
        pump(&mut c, &mut s, now, &mut |_| true);
        c.send_app(b"once");
        let d = c.out.pop_front().expect("record");
        s.handle_datagram(&d, now);
        s.handle_datagram(&d, now);
        assert_eq!(s.app_in.len(), 1);
    }

    #[test]
    fn mangled_datagrams_never_panic() {
        let mut seed = 0x1234_5678u32;
        let mut rnd = move |n: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 8) % n.max(1)
        };
        for _ in 0..150 {
            let now = Instant::now();
            let (mut c, mut s) = pair(now);
            let mut t = now;
            for _ in 0..4 {
                pump(&mut c, &mut s, t, &mut |d| {
                    match rnd(6) {
                        0 if !d.is_empty() => {
                            let i = rnd(d.len() as u32) as usize;
                            d[i] ^= 1 << rnd(8);
                        }
                        1 => d.truncate(rnd(d.len() as u32 + 1) as usize),
                        2 => {
                            let extra = d.clone();
                            d.extend_from_slice(&extra);
                        }
                        3 => return false,
                        _ => {}
                    }
                    true
                });
                t += Duration::from_secs(rnd(70) as u64);
                c.on_timer(t);
                s.on_timer(t);
            }
            c.send_app(b"data");
            pump(&mut c, &mut s, t, &mut |_| true);
        }
    }
}

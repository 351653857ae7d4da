//! Green threads for `_thread`: each thread is a resumable run of the VM (its own frames, saved
//! with `Vm::save_run`), and this scheduler multiplexes them on the host's one run.
//!
//! The host (the native port's driver, the browser, the REPL) sees a single resumable run. When
//! the running thread's time slice ends (`Suspend::Yield`), it sleeps (`Suspend::Sleep`) or it
//! blocks on a lock, the scheduler saves it and resumes the next thread that can run, round
//! robin. Only when every thread waits does the host get a `Sleep` for the earliest wake-up; its
//! resume runs the scheduler again. `input()` and host awaits go to the host as usual and resume
//! the thread that asked. A thread that raises prints MicroPython's "Unhandled exception in
//! thread" report and ends; when the main thread finishes, the run finishes (threads still
//! waiting then run during later runs of the same VM, as in a REPL session).
//!
//! Switches happen only where a resumable run may suspend: at the dispatch loop's slice checks
//! and in natives called directly by it (`time.sleep`, `lock.acquire`, `with lock:`). Code
//! running under a native (a `key=` function, `__repr__`, ...) is never interrupted, so threads
//! see MicroPython's GIL semantics: every bytecode is atomic.

use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::format;

use crate::embed::{RunState, SavedRun, Suspend};
use crate::exceptions::ExcKind;
use crate::value::{Obj, PyObject, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// The main thread's identifier (`_thread.get_ident()` in the first thread).
pub const MAIN_IDENT: i64 = 1;

/// Backward jumps and calls per time slice while threads exist and the host set no slicing.
const SLICE: u32 = 2000;

/// What a thread that is not running waits for.
enum Wait {
    /// Nothing: resume it with this value.
    Ready(Value),
    /// A time (port microseconds).
    Sleep(u64),
    /// A lock to become free, until an optional deadline (port microseconds).
    Lock(Obj, Option<u64>),
    /// A port's I/O operation (a socket read, say) to complete: polled by the scheduler.
    Io(IoPoll),
    /// An I/O operation completed: resume with its result or exception.
    Done(PyResult<Value>),
}

/// A blocked I/O operation, polled by the scheduler without blocking: `None` while it would
/// still block, else its outcome, which becomes the result (or the exception) of the call that
/// blocked. It must not run Python code.
pub type IoPoll = Box<dyn FnMut(&mut Vm) -> Option<PyResult<Value>>>;

/// How often (port microseconds) the scheduler polls blocked I/O while every thread waits.
const IO_TICK: u64 = 1000;

/// How a waiting thread continues.
enum Body {
    /// Not started: call the function with these arguments.
    New(Value, Value, Value),
    /// A suspended run.
    Saved(SavedRun),
}

/// A thread that is not running.
struct Thread {
    ident: i64,
    /// When it was queued (port microseconds).
    since: u64,
    /// Its `micropython.heap_lock()` depth (the lock is per thread, as in MicroPython).
    heap_lock: u32,
    func: Value,
    body: Body,
    wait: Wait,
}

/// The scheduler's state, created by the first `_thread.start_new_thread`.
pub struct Threads {
    current: i64,
    current_func: Value,
    next_ident: i64,
    waiting: VecDeque<Thread>,
    /// Set by `lock.acquire` right before it suspends with `Suspend::Yield`.
    block: Option<(Obj, Option<u64>)>,
    /// Set by `thread_block_io` right before it suspends with `Suspend::Yield`.
    block_io: Option<IoPoll>,
    /// No thread is in the VM's frames: the host's next resume runs the scheduler.
    idle: bool,
    /// The slice budget the host had set (restored if it was 0 and no thread is left).
    host_budget: u32,
}

impl Threads {
    /// The slice budget the host had set before threads started.
    pub(crate) fn host_budget(&self) -> u32 {
        self.host_budget
    }
}

impl Vm {
    /// Start a thread running `func(*args, **kwargs)` (a tuple and a dict or None); its ident.
    pub fn thread_spawn(&mut self, func: Value, args: Value, kwargs: Value) -> PyResult<i64> {
        if !self.resumable {
            return Err(self.err(
                ExcKind::RuntimeError,
                "can't start a thread outside a resumable run",
            ));
        }
        let host_budget = self.budget;
        let since = self.port.ticks_us();
        let th = self.threads.get_or_insert_with(|| {
            Box::new(Threads {
                current: MAIN_IDENT,
                current_func: Value::None,
                next_ident: MAIN_IDENT + 1,
                waiting: VecDeque::new(),
                block: None,
                block_io: None,
                idle: false,
                host_budget,
            })
        });
        let ident = th.next_ident;
        th.next_ident += 1;
        th.waiting.push_back(Thread {
            ident,
            since,
            heap_lock: 0,
            func: func.clone(),
            body: Body::New(func, args, kwargs),
            wait: Wait::Ready(Value::None),
        });
        self.thread_slicing();
        Ok(ident)
    }

    /// Let the threads that outlived the last run go on while the host has nothing else to run
    /// (a REPL waiting at its prompt, as MicroPython's unix port runs them in OS threads): the
    /// main thread sleeps `us` microseconds of port time while the scheduler runs the others,
    /// then this returns. False (at once) when no thread waits or a run is in progress, or when
    /// the wait could not run.
    pub fn thread_run_idle(&mut self, us: u64) -> bool {
        if !self.threads_waiting() || self.is_suspended() || self.native_depth != 0 {
            return false;
        }
        let src = format!("__import__('time').sleep_us({})", us);
        let Ok(code) = self.compile_source(&src, "<idle>", crate::parser::Mode::Exec) else {
            return false;
        };
        let st = self.start_code(code);
        // Should the hidden main thread fail (`time` replaced, say), report false so that the
        // host waits for input instead of calling again at once.
        self.run_blocking(st).is_ok()
    }

    /// While threads exist, resumable runs are sliced (if the host did not slice them already).
    pub(crate) fn thread_slicing(&mut self) {
        if self.budget == 0 {
            self.budget = SLICE;
            self.budget_left = SLICE;
        }
    }

    /// The running thread's identifier.
    pub fn thread_ident(&self) -> i64 {
        self.threads.as_ref().map_or(MAIN_IDENT, |t| t.current)
    }

    /// True when other threads exist that a blocked thread could wait for.
    pub fn threads_waiting(&self) -> bool {
        self.threads.as_ref().is_some_and(|t| !t.waiting.is_empty())
    }

    /// Block the running thread on `lock` (until the port time `deadline`): the caller returns
    /// the error this gives; the thread resumes with True once it holds the lock, or False at
    /// the deadline.
    pub fn thread_block_on(&mut self, lock: Obj, deadline: Option<u64>) -> PyErr {
        if let Some(t) = self.threads.as_mut() {
            t.block = Some((lock, deadline));
        }
        self.request_suspend(Suspend::Yield)
    }

    /// Block the running thread on an I/O operation that would block (only when `can_suspend()`
    /// and `threads_waiting()`): the caller returns the error this gives; the other threads run
    /// while the scheduler polls `poll`, and the thread resumes with the outcome it gives.
    pub fn thread_block_io(&mut self, poll: IoPoll) -> PyErr {
        if let Some(t) = self.threads.as_mut() {
            t.block_io = Some(poll);
        }
        self.request_suspend(Suspend::Yield)
    }

    /// True while every thread waits and the host's resume should run the scheduler.
    pub(crate) fn threads_idle(&self) -> bool {
        self.threads.as_ref().is_some_and(|t| t.idle)
    }

    /// The host resumed while every thread was waiting: run whichever can go on. An exception
    /// from the host (Ctrl-C during the wait) goes to the main thread.
    pub(crate) fn thread_resume_idle(&mut self, v: PyResult<Value>) -> PyResult<RunState> {
        if let Some(t) = self.threads.as_mut() {
            t.idle = false;
        }
        let r = match v {
            Ok(_) => self.thread_pick(),
            Err(e) => self.thread_throw_main(e),
        };
        self.thread_schedule(r)
    }

    /// Resume the (waiting) main thread by raising `exc` in it.
    fn thread_throw_main(&mut self, exc: PyErr) -> PyResult<RunState> {
        let main = self.threads.as_mut().and_then(|th| {
            let i = th.waiting.iter().position(|t| t.ident == MAIN_IDENT)?;
            th.waiting.remove(i)
        });
        match main {
            Some(Thread {
                body: Body::Saved(run),
                heap_lock,
                ..
            }) => {
                if let Some(th) = self.threads.as_mut() {
                    th.current = MAIN_IDENT;
                    th.current_func = Value::None;
                }
                self.heap_lock = heap_lock;
                match self.restore_frames(run) {
                    Ok(()) => self.resume_raw(Err(exc)),
                    Err(_) => Err(exc),
                }
            }
            _ => {
                self.threads_done();
                Err(exc)
            }
        }
    }

    /// Called with the outcome of every step of a resumable run while threads exist: switch
    /// threads as needed, and give the host only what it must handle.
    pub(crate) fn thread_schedule(&mut self, mut r: PyResult<RunState>) -> PyResult<RunState> {
        loop {
            let Some(th) = self.threads.as_mut() else {
                return r;
            };
            if th.idle {
                return r;
            }
            let cur = th.current;
            let now = self.port.ticks_us();
            let Some(th) = self.threads.as_mut() else {
                return r;
            };
            let wait = match &r {
                Ok(RunState::Suspended(Suspend::Yield)) => match th.block.take() {
                    Some((lock, deadline)) => Some(Wait::Lock(lock, deadline)),
                    None => match th.block_io.take() {
                        Some(poll) => Some(Wait::Io(poll)),
                        None => Some(Wait::Ready(Value::None)),
                    },
                },
                Ok(RunState::Suspended(Suspend::Sleep(us))) => {
                    Some(Wait::Sleep(now.saturating_add(*us)))
                }
                Ok(RunState::Suspended(_)) => return r,
                Ok(RunState::Finished(_)) | Err(_) => None,
            };
            match wait {
                Some(wait) => {
                    if th.waiting.is_empty() {
                        if let Wait::Sleep(_) = wait {
                            // Alone and asleep: the host sleeps, then resumes this thread.
                            return r;
                        }
                        if let Wait::Ready(_) = wait {
                            // Alone: a slice ended; go on unless the host asked for slices.
                            if th.host_budget == 0 {
                                r = self.resume_raw(Ok(Value::None));
                                continue;
                            }
                            return r;
                        }
                    }
                    let func = core::mem::replace(&mut th.current_func, Value::None);
                    let Some(run) = self.save_frames() else {
                        return r;
                    };
                    let heap_lock = core::mem::take(&mut self.heap_lock);
                    if let Some(th) = self.threads.as_mut() {
                        th.waiting.push_back(Thread {
                            ident: cur,
                            since: now,
                            heap_lock,
                            func,
                            body: Body::Saved(run),
                            wait,
                        });
                    }
                }
                None => {
                    if cur == MAIN_IDENT {
                        // The main program ended: so does the run (waiting threads stay).
                        return r;
                    }
                    let func = core::mem::replace(&mut th.current_func, Value::None);
                    if let Err(e) = &r {
                        self.thread_report(&func, e);
                    }
                    let left = self.threads.as_ref().map_or(0, |t| t.waiting.len());
                    if left == 0 {
                        self.threads_done();
                        return Ok(RunState::Finished(Value::None));
                    }
                }
            }
            let host_budget = self.threads.as_ref().map_or(0, |t| t.host_budget);
            if host_budget != 0 {
                if let Ok(RunState::Suspended(Suspend::Yield)) = &r {
                    // Give the host its turn; its resume picks the next thread.
                    if let Some(t) = self.threads.as_mut() {
                        t.idle = true;
                    }
                    return r;
                }
            }
            r = self.thread_pick();
        }
    }

    /// Run the waiting thread that has been able to run the longest (a ready one since it was
    /// queued, a sleeper since its wake-up time, a lock waiter since the lock became free or
    /// its deadline passed) until its next step; when none can, ask the host to sleep until the
    /// earliest wake-up (or raise a deadlock in the main thread).
    fn thread_pick(&mut self) -> PyResult<RunState> {
        let io_waits = self.thread_poll_io();
        let now = self.port.ticks_us();
        let mut earliest: Option<u64> = io_waits.then(|| now.saturating_add(IO_TICK));
        let mut best: Option<(usize, u64)> = None;
        if let Some(th) = self.threads.as_ref() {
            for (i, t) in th.waiting.iter().enumerate() {
                let since = match &t.wait {
                    Wait::Ready(_) | Wait::Done(_) => Some(t.since),
                    Wait::Io(_) => None,
                    Wait::Sleep(at) if *at <= now => Some(*at),
                    Wait::Sleep(at) => {
                        earliest = Some(earliest.map_or(*at, |e| e.min(*at)));
                        None
                    }
                    Wait::Lock(lock, deadline) => {
                        if crate::modthread::lock_is_free(lock) {
                            Some(t.since)
                        } else if let Some(d) = deadline {
                            if *d <= now {
                                Some(*d)
                            } else {
                                earliest = Some(earliest.map_or(*d, |e| e.min(*d)));
                                None
                            }
                        } else {
                            None
                        }
                    }
                };
                if let Some(k) = since {
                    if best.is_none_or(|(_, b)| k < b) {
                        best = Some((i, k));
                    }
                }
            }
        }
        let chosen = best.and_then(|(i, _)| self.threads.as_mut()?.waiting.remove(i));
        if let Some(t) = chosen {
            let v = match t.wait {
                Wait::Ready(v) => Ok(v),
                Wait::Done(r) => r,
                Wait::Sleep(_) | Wait::Io(_) => Ok(Value::None),
                Wait::Lock(lock, _) => Ok(Value::Bool(crate::modthread::lock_try_acquire(&lock))),
            };
            if let Some(th) = self.threads.as_mut() {
                th.current = t.ident;
                th.current_func = t.func.clone();
            }
            self.heap_lock = t.heap_lock;
            return match t.body {
                Body::New(f, a, k) => self.thread_start(f, a, k),
                Body::Saved(run) => match self.restore_frames(run) {
                    Ok(()) => self.resume_raw(v),
                    Err(_) => Err(self.err(ExcKind::RuntimeError, "thread switch failed")),
                },
            };
        }
        if let Some(at) = earliest {
            if let Some(t) = self.threads.as_mut() {
                t.idle = true;
            }
            return Ok(RunState::Suspended(Suspend::Sleep(at.saturating_sub(now))));
        }
        // Every thread waits for a lock that no running thread can release.
        let exc = self.err(
            ExcKind::RuntimeError,
            "deadlock: every thread is waiting for a lock",
        );
        self.thread_throw_main(exc)
    }

    /// Poll every thread blocked on I/O once; those whose operation completed become ready.
    /// True when some are still blocked.
    fn thread_poll_io(&mut self) -> bool {
        let mut blocked = false;
        let n = self.threads.as_ref().map_or(0, |t| t.waiting.len());
        for i in 0..n {
            let Some(t) = self.threads.as_mut().and_then(|th| th.waiting.get_mut(i)) else {
                break;
            };
            if !matches!(t.wait, Wait::Io(_)) {
                continue;
            }
            let Wait::Io(mut poll) = core::mem::replace(&mut t.wait, Wait::Ready(Value::None))
            else {
                continue;
            };
            let out = poll(self);
            let Some(t) = self.threads.as_mut().and_then(|th| th.waiting.get_mut(i)) else {
                break;
            };
            t.wait = match out {
                Some(r) => Wait::Done(r),
                None => {
                    blocked = true;
                    Wait::Io(poll)
                }
            };
        }
        blocked
    }

    /// Begin a new thread: a Python function runs stackless in its own frames; any other
    /// callable is called (it cannot be switched away from until it returns).
    fn thread_start(&mut self, f: Value, args: Value, kwargs: Value) -> PyResult<RunState> {
        let args = match &args {
            Value::Obj(o) => match &**o {
                PyObject::Tuple(t) => t.to_vec(),
                _ => alloc::vec::Vec::new(),
            },
            _ => alloc::vec::Vec::new(),
        };
        let kw = match &kwargs {
            Value::Obj(o) => match crate::attr::dict_of(o) {
                Some(d) => d
                    .borrow()
                    .iter()
                    .filter_map(|(k, v)| k.as_str().map(|s| (self.intern(s), v.clone())))
                    .collect::<alloc::vec::Vec<_>>(),
                None => alloc::vec::Vec::new(),
            },
            _ => alloc::vec::Vec::new(),
        };
        self.resumable = true;
        self.budget_left = self.budget;
        let (func, args) = match &f {
            Value::Obj(o) => match &**o {
                PyObject::BoundMethod(func, slf) => {
                    let mut full = alloc::vec![slf.clone()];
                    full.extend(args);
                    (func.clone(), full)
                }
                _ => (f.clone(), args),
            },
            _ => (f.clone(), args),
        };
        if let Value::Obj(o) = &func {
            if let PyObject::Function(fun) = &**o {
                if !fun.code.is_resumable() {
                    let frame = match self.function_frame(o, &args, &kw) {
                        Ok(fr) => fr,
                        Err(e) => return self.finish_one(Err(e)),
                    };
                    let r = self.run_frame_at(frame, None, 0);
                    return self.finish_one(r);
                }
            }
        }
        let r = self.call_kw(&func, &args, &kw);
        self.resumable = false;
        match r {
            Ok(v) => Ok(RunState::Finished(v)),
            Err(e) => Err(e),
        }
    }

    /// Print MicroPython's report of an exception that ended a thread (not for SystemExit,
    /// which `_thread.exit()` raises to end a thread quietly).
    fn thread_report(&mut self, func: &Value, e: &PyErr) {
        if self.err_matches(e, ExcKind::SystemExit) {
            return;
        }
        let r = self
            .repr(func)
            .map(|s| alloc::string::String::from(s.as_str()));
        let name = r.unwrap_or_default();
        self.write_stderr(&format!(
            "Unhandled exception in thread started by {}\n",
            name
        ));
        self.print_exception(&e.0);
    }

    /// No thread is left besides the running one: restore the host's slicing.
    fn threads_done(&mut self) {
        if let Some(t) = self.threads.take() {
            self.budget = t.host_budget;
            self.budget_left = t.host_budget;
        }
    }
}

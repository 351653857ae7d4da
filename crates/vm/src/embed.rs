//! The embedding API: compile source to code (turning parser errors into Python SyntaxError
//! exceptions) and run programs as `__main__`.

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::attr::dict_of;
use crate::code::Code;
use crate::exceptions::ExcKind;
use crate::parser::{Mode, SyntaxError, SyntaxErrorKind};
use crate::value::{Obj, PyObject, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

impl Vm {
    /// Make a Python SyntaxError (or IndentationError/TabError) from a parser error.
    pub fn syntax_error(&mut self, e: &SyntaxError, filename: &str, src: &str) -> PyErr {
        let kind = match e.kind {
            SyntaxErrorKind::Syntax => ExcKind::SyntaxError,
            SyntaxErrorKind::Indentation => ExcKind::IndentationError,
            SyntaxErrorKind::Tab => ExcKind::TabError,
            SyntaxErrorKind::Recursion => return self.err(ExcKind::RecursionError, &*e.msg),
        };
        let text = src
            .lines()
            .nth((e.line as usize).saturating_sub(1))
            .map(|l| Value::string(format!("{}\n", l)))
            .unwrap_or(Value::None);
        let detail = self.new_tuple(vec![
            Value::str(filename),
            Value::Int(e.line as i64),
            Value::Int(e.col as i64),
            text,
        ]);
        self.err_args(kind, vec![Value::string(e.msg.clone()), detail])
    }

    /// Parse and compile source text.
    pub fn compile_source(&mut self, src: &str, filename: &str, mode: Mode) -> PyResult<Rc<Code>> {
        let module = match crate::parser::parse(src, mode) {
            Ok(m) => m,
            Err(e) => return Err(self.syntax_error(&e, filename, src)),
        };
        let level = crate::modmicropython::opt_level_of(self);
        match crate::compiler::compile_at_level(
            &module,
            filename,
            mode,
            &mut self.interner,
            false,
            level,
        ) {
            Ok(c) => Ok(c),
            Err(e) => Err(self.syntax_error(&e, filename, src)),
        }
    }

    /// The `__main__` module's namespace (created on first use).
    pub fn main_dict(&mut self) -> Obj {
        if let Some(Value::Obj(m)) = self.sys_module("__main__") {
            if let PyObject::Module(mm) = &*m {
                return mm.dict.clone();
            }
        }
        let m = self.new_module("__main__");
        let d = match &*m {
            PyObject::Module(mm) => mm.dict.clone(),
            _ => self.new_dict_obj(crate::dict::Dict::new()),
        };
        let b = self.builtins_module();
        if let Some(dd) = dict_of(&d) {
            let mut dd = dd.borrow_mut();
            dd.set_str("__builtins__", b);
            dd.set_str("__doc__", Value::None);
        }
        if let Some(md) = dict_of(&self.modules) {
            md.borrow_mut().set_str("__main__", Value::Obj(m.clone()));
        }
        d
    }

    /// Run a program's source as `__main__` (the file name goes into tracebacks and `__file__`).
    pub fn run_main(&mut self, src: &str, filename: &str) -> PyResult {
        let d = self.main_dict();
        if let Some(dd) = dict_of(&d) {
            dd.borrow_mut().set_str("__file__", Value::str(filename));
        }
        let code = self.compile_source(src, filename, Mode::Exec)?;
        self.run_code_main(code)
    }

    /// Run one REPL input in `__main__` (expression results are printed).
    pub fn run_interactive(&mut self, src: &str) -> PyResult {
        let code = self.compile_source(src, "<stdin>", Mode::Single)?;
        self.run_code_main(code)
    }

    /// Run compiled code in `__main__` to its end. When no run is in progress it runs as a
    /// resumable run driven by [`Vm::run_blocking`], so that `_thread` threads can be switched
    /// (threads started at a REPL go on during later inputs); inside a run it runs nested.
    pub fn run_code_main(&mut self, code: Rc<Code>) -> PyResult {
        if self.is_suspended() || self.resumable || self.native_depth != 0 {
            let d = self.main_dict();
            let frame = crate::frame::Frame::new(code, d.clone(), Some(d));
            return self.run_nested(frame);
        }
        let st = self.start_code(code);
        self.run_blocking(st)
    }

    /// Drive a resumable run to its end on a port that can block: sleeps go to the port (then
    /// Ctrl-C is checked), `input()` reads a line from it, time slices just continue.
    pub fn run_blocking(&mut self, st: PyResult<RunState>) -> PyResult {
        self.run_blocking_with(
            st,
            ExcKind::TypeError,
            "this port has no host objects to await",
        )
    }

    /// `run_blocking`, where an `await` of a host object that reaches the top raises
    /// `await_kind(await_msg)` at the await.
    pub fn run_blocking_with(
        &mut self,
        mut st: PyResult<RunState>,
        await_kind: ExcKind,
        await_msg: &str,
    ) -> PyResult {
        loop {
            st = match st? {
                RunState::Finished(v) => return Ok(v),
                RunState::Suspended(Suspend::Sleep(us)) => {
                    self.port.sleep_us(us);
                    match self.check_interrupt() {
                        Ok(()) => self.resume(Value::None),
                        Err(e) => self.resume_throw(e.0),
                    }
                }
                RunState::Suspended(Suspend::Yield) => self.resume(Value::None),
                RunState::Suspended(Suspend::Input) => match self.port.read_line() {
                    Some(l) => self.resume(Value::string(l)),
                    None => {
                        let e = self.err(ExcKind::EOFError, "EOF when reading a line");
                        self.resume_throw(e.0)
                    }
                },
                RunState::Suspended(Suspend::Await(_)) => {
                    let e = self.err(await_kind, await_msg);
                    self.resume_throw(e.0)
                }
            };
        }
    }

    /// Evaluate an expression in `__main__`.
    pub fn eval_str(&mut self, src: &str) -> PyResult {
        let d = self.main_dict();
        let code = self.compile_source(src, "<string>", Mode::Eval)?;
        let frame = crate::frame::Frame::new(code, d.clone(), Some(d));
        self.run_nested(frame)
    }

    /// The exit status a SystemExit asks for, printing its message if it has one; None if the
    /// exception is not a SystemExit.
    pub fn system_exit_status(&mut self, e: &PyErr) -> Option<i32> {
        if !self.err_matches(e, ExcKind::SystemExit) {
            return None;
        }
        let code = crate::objexcept::derived_attr(self, &e.0, "code").unwrap_or(Value::None);
        Some(match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b as i32,
            other => {
                let s = self
                    .str_of(&other)
                    .map(|s| String::from(s.as_str()))
                    .unwrap_or_default();
                self.write_stderr(&format!("{}\n", s));
                1
            }
        })
    }
}

/// Why a resumable run stopped before finishing. The host does what is asked, then calls
/// `Vm::resume` (or `Vm::resume_throw`).
#[derive(Clone, Debug)]
pub enum Suspend {
    /// `time.sleep()` and friends: resume (with None) after this many microseconds.
    Sleep(u64),
    /// `input()`: the prompt has been written; resume with the line read (a str, no newline).
    Input,
    /// `await` on a host object (a JS promise, for instance) that reached the top level:
    /// resume with its result, or `resume_throw` with an exception.
    Await(Value),
    /// The time slice is used up (`set_slice_budget`): resume (with None) to continue.
    Yield,
}

/// A suspended resumable run taken out of the VM by `Vm::save_run`: its frames, its top-level
/// coroutine and the exception it was handling.
pub struct SavedRun {
    // The very boxes of `Vm::frames`, moved out and back without copying a frame.
    #[allow(clippy::vec_box)]
    frames: Vec<Box<crate::frame::Frame>>,
    top_coro: Option<Obj>,
    suspend_push: bool,
    handled: Option<Value>,
    threads: Option<Box<crate::thread::Threads>>,
}

/// The state of a resumable run.
#[derive(Clone, Debug)]
pub enum RunState {
    /// The code ran to the end; the value of the last expression for eval-mode code.
    Finished(Value),
    /// The code is paused; the frames are kept inside the VM.
    Suspended(Suspend),
}

impl Vm {
    /// True when the running native may suspend the whole run instead of blocking: inside a
    /// resumable run, called directly by the dispatch loop, with no native frames in between.
    pub fn can_suspend(&self) -> bool {
        self.resumable && self.native_depth == 1 && self.native_direct
    }

    /// Ask to suspend the run (only valid when `can_suspend()`); the native returns the error
    /// this gives; the value given to `resume` becomes the call's result.
    pub fn request_suspend(&mut self, why: Suspend) -> PyErr {
        self.suspend_request = Some(why);
        self.suspend_push = true;
        PyErr(Value::None)
    }

    /// Sleep: suspend the run if possible, otherwise block through the port (checking for
    /// Ctrl-C afterwards).
    pub fn sleep_us(&mut self, us: u64) -> PyResult<()> {
        if self.can_suspend() {
            return Err(self.request_suspend(Suspend::Sleep(us)));
        }
        self.port.sleep_us(us);
        self.check_interrupt()
    }

    /// Give resumable runs a time slice: after about `n` backward jumps and calls the run
    /// suspends with `Suspend::Yield` (0 turns slicing off).
    pub fn set_slice_budget(&mut self, n: u32) {
        self.budget = n;
        self.budget_left = n;
    }

    /// Start a resumable run of source in `__main__`. With `top_level_await`, the source may use
    /// `await` at the top level (it then runs as a coroutine whose awaits of host objects
    /// suspend with `Suspend::Await`).
    pub fn start(
        &mut self,
        src: &str,
        filename: &str,
        top_level_await: bool,
    ) -> PyResult<RunState> {
        if !self.frames.is_empty() || self.top_coro.is_some() {
            return Err(self.err(
                ExcKind::RuntimeError,
                "a resumable run is already in progress",
            ));
        }
        let module = match crate::parser::parse(src, Mode::Exec) {
            Ok(m) => m,
            Err(e) => return Err(self.syntax_error(&e, filename, src)),
        };
        let level = crate::modmicropython::opt_level_of(self);
        let code = match crate::compiler::compile_at_level(
            &module,
            filename,
            Mode::Exec,
            &mut self.interner,
            top_level_await,
            level,
        ) {
            Ok(c) => c,
            Err(e) => return Err(self.syntax_error(&e, filename, src)),
        };
        self.start_code(code)
    }

    /// Start a resumable run of an already compiled code object in `__main__` (as `start` does
    /// after compiling; a coroutine code object runs as the top-level coroutine).
    pub fn start_code(&mut self, code: Rc<Code>) -> PyResult<RunState> {
        if !self.frames.is_empty() || self.top_coro.is_some() {
            return Err(self.err(
                ExcKind::RuntimeError,
                "a resumable run is already in progress",
            ));
        }
        let d = self.main_dict();
        let frame = crate::frame::Frame::new(code.clone(), d.clone(), Some(d));
        self.resumable = true;
        self.budget_left = self.budget;
        let r = if code.flags & crate::code::CO_COROUTINE != 0 {
            let g = self.new_generator(frame, code.name.clone(), code.qualname.clone());
            self.top_coro = Some(g.clone());
            self.gen_resume(&g, Value::None, None)
        } else {
            self.run_frame_at(frame, None, 0)
        };
        self.finish_step(r)
    }

    /// Continue a suspended run, giving `value` as the result of what it waited for.
    pub fn resume(&mut self, value: Value) -> PyResult<RunState> {
        self.resume_with(Ok(value))
    }

    /// Continue a suspended run by raising `exc` where it waited.
    pub fn resume_throw(&mut self, exc: Value) -> PyResult<RunState> {
        self.resume_with(Err(PyErr(exc)))
    }

    /// True while a resumable run is suspended.
    pub fn is_suspended(&self) -> bool {
        !self.frames.is_empty() || self.top_coro.is_some() || self.threads_idle()
    }

    /// Start a resumable run of a coroutine object (an `async def` function called by the host,
    /// which wants it running at once, as its own async functions do).
    pub fn start_coroutine(&mut self, coro: Obj) -> PyResult<RunState> {
        if self.is_suspended() || self.native_depth != 0 {
            return Err(self.err(
                ExcKind::RuntimeError,
                "a resumable run is already in progress",
            ));
        }
        self.resumable = true;
        self.budget_left = self.budget;
        self.top_coro = Some(coro.clone());
        let r = self.gen_resume(&coro, Value::None, None);
        self.finish_step(r)
    }

    /// Take the suspended run out of the VM (None when no run is suspended), so that other code
    /// can run, and other runs start and suspend, before it is put back with `restore_run` and
    /// resumed: several runs interleave at their suspensions. The run's `_thread` threads go
    /// with it.
    pub fn save_run(&mut self) -> Option<SavedRun> {
        let mut run = self.save_frames()?;
        if let Some(t) = self.threads.take() {
            self.budget = t.host_budget();
            self.budget_left = self.budget;
            run.threads = Some(t);
        }
        Some(run)
    }

    /// Put a saved run back into the VM, to `resume` it next; gives it back when the VM is busy
    /// (another run is in it, or Python code is executing).
    pub fn restore_run(&mut self, mut run: SavedRun) -> Result<(), SavedRun> {
        if self.is_suspended() || self.native_depth != 0 {
            return Err(run);
        }
        if let Some(t) = run.threads.take() {
            self.threads = Some(t);
            self.thread_slicing();
        }
        self.restore_frames(run)
    }

    /// The running thread's part of `save_run`: its frames and exception state.
    pub(crate) fn save_frames(&mut self) -> Option<SavedRun> {
        if !self.is_suspended() || self.native_depth != 0 {
            return None;
        }
        Some(SavedRun {
            frames: core::mem::take(&mut self.frames),
            top_coro: self.top_coro.take(),
            suspend_push: self.suspend_push,
            handled: self.handled.take(),
            threads: None,
        })
    }

    /// The running thread's part of `restore_run`.
    pub(crate) fn restore_frames(&mut self, run: SavedRun) -> Result<(), SavedRun> {
        if !self.frames.is_empty() || self.top_coro.is_some() || self.native_depth != 0 {
            return Err(run);
        }
        self.frames = run.frames;
        self.top_coro = run.top_coro;
        self.suspend_push = run.suspend_push;
        self.handled = run.handled;
        Ok(())
    }

    fn resume_with(&mut self, v: PyResult<Value>) -> PyResult<RunState> {
        if self.threads_idle() {
            return self.thread_resume_idle(v);
        }
        let r = self.resume_raw(v);
        self.thread_schedule(r)
    }

    /// Continue the run in the VM's frames (the running thread), without thread switching.
    pub(crate) fn resume_raw(&mut self, v: PyResult<Value>) -> PyResult<RunState> {
        self.resumable = true;
        self.budget_left = self.budget;
        let r = if let Some(mut f) = self.frames.pop() {
            match v {
                Ok(val) => {
                    if self.suspend_push {
                        f.stack.push(val);
                    }
                    self.run_frame_at(f, None, 0)
                }
                Err(e) => self.run_frame_at(f, Some(e), 0),
            }
        } else if let Some(g) = self.top_coro.clone() {
            match v {
                Ok(val) => self.gen_resume(&g, val, None),
                Err(e) => self.gen_resume(&g, Value::None, Some(e.0)),
            }
        } else {
            self.resumable = false;
            return Err(self.err(ExcKind::RuntimeError, "nothing to resume"));
        };
        self.finish_one(r)
    }

    /// The outcome of one step of a resumable run, with the thread scheduler's switches.
    fn finish_step(&mut self, r: PyResult<crate::eval::GenOutcome>) -> PyResult<RunState> {
        let r = self.finish_one(r);
        self.thread_schedule(r)
    }

    /// The outcome of one step of the running thread.
    pub(crate) fn finish_one(
        &mut self,
        r: PyResult<crate::eval::GenOutcome>,
    ) -> PyResult<RunState> {
        self.resumable = false;
        match r {
            Ok(crate::eval::GenOutcome::Returned(v)) => {
                self.top_coro = None;
                Ok(RunState::Finished(v))
            }
            Ok(crate::eval::GenOutcome::Yielded(x)) => Ok(RunState::Suspended(Suspend::Await(x))),
            Err(e) => match self.suspend_request.take() {
                Some(why) => Ok(RunState::Suspended(why)),
                None => {
                    self.frames.clear();
                    self.top_coro = None;
                    Err(e)
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::boxed::Box;
    use alloc::rc::Rc;
    use core::cell::RefCell;

    /// A port whose output the test can read after the VM took ownership of it.
    struct SharedPort(Rc<RefCell<alloc::vec::Vec<u8>>>);

    impl crate::port::Port for SharedPort {
        fn write_stdout(&mut self, data: &[u8]) {
            self.0.borrow_mut().extend_from_slice(data);
        }
    }

    fn vm() -> (Vm, Rc<RefCell<alloc::vec::Vec<u8>>>) {
        let out = Rc::new(RefCell::new(alloc::vec::Vec::new()));
        (
            Vm::new(
                crate::VmConfig::default(),
                Box::new(SharedPort(out.clone())),
            ),
            out,
        )
    }

    fn text(out: &Rc<RefCell<alloc::vec::Vec<u8>>>) -> String {
        String::from_utf8_lossy(&out.borrow()).into_owned()
    }

    #[test]
    fn dropping_the_vm_frees_its_cycles() {
        let (mut vm, _out) = vm();
        let src =
            "class A:\n    def f(self):\n        return self\nimport sys\nx = [A()]\nx.append(x)\n";
        let st = vm.start(src, "<t>", false).unwrap();
        assert!(matches!(st, RunState::Finished(_)));
        // sys.modules holds the sys module, whose namespace holds sys.modules: a cycle.
        let modules = alloc::rc::Rc::downgrade(&vm.modules);
        drop(vm);
        assert!(modules.upgrade().is_none());
    }

    #[test]
    fn input_suspends_and_resumes() {
        let (mut vm, out) = vm();
        let st = vm
            .start("x = input('? ')\nprint(x * 2)\n", "<t>", false)
            .unwrap();
        assert!(matches!(st, RunState::Suspended(Suspend::Input)));
        let st = vm.resume(Value::str("ab")).unwrap();
        assert!(matches!(st, RunState::Finished(_)));
        assert_eq!(text(&out), "? abab\n");
    }

    /// A port with a clock that only the test moves.
    struct ClockPort(Rc<RefCell<alloc::vec::Vec<u8>>>, Rc<core::cell::Cell<u64>>);

    impl crate::port::Port for ClockPort {
        fn write_stdout(&mut self, data: &[u8]) {
            self.0.borrow_mut().extend_from_slice(data);
        }
        fn ticks_us(&mut self) -> u64 {
            self.1.get()
        }
    }

    /// Threads sleeping in a run driven like the browser drives one: the run is saved out of
    /// the VM at every suspension and restored to resume it; sleeps move a virtual clock.
    #[test]
    fn threads_sleep_in_a_saved_and_restored_run() {
        // A late host (a browser tab in the background) wakes everything at once: the threads
        // still run in wake-up order, before the main thread that woke last.
        for (top_level_await, late) in [(false, 0), (true, 0), (false, 150_000)] {
            let out = Rc::new(RefCell::new(alloc::vec::Vec::new()));
            let clock = Rc::new(core::cell::Cell::new(0u64));
            let mut vm = Vm::new(
                crate::VmConfig::default(),
                Box::new(ClockPort(out.clone(), clock.clone())),
            );
            vm.set_slice_budget(20_000);
            let src = "import _thread, time\nout = []\ndef w(n):\n    time.sleep(0.01 * n)\n    out.append(n)\nfor i in (3, 1, 2):\n    _thread.start_new_thread(w, (i,))\ntime.sleep(0.1)\nprint(out)\n";
            let src = if top_level_await {
                alloc::format!("async def nop():\n    pass\nawait nop()\n{}", src)
            } else {
                String::from(src)
            };
            let mut st = vm.start(&src, "<t>", top_level_await).unwrap();
            let mut steps = 0;
            while let RunState::Suspended(why) = st {
                steps += 1;
                assert!(steps < 10_000);
                if let Suspend::Sleep(us) = why {
                    clock.set(clock.get() + us + late);
                }
                let run = vm.save_run().unwrap();
                assert!(!vm.is_suspended());
                assert!(vm.restore_run(run).is_ok());
                vm.set_slice_budget(20_000);
                st = vm.resume(Value::None).unwrap();
            }
            assert_eq!(
                text(&out),
                "[1, 2, 3]\n",
                "top-level await: {}",
                top_level_await
            );
        }
    }

    #[test]
    fn slices_long_loops() {
        let (mut vm, out) = vm();
        vm.set_slice_budget(50);
        let mut st = vm
            .start(
                "s = 0\nfor i in range(1000):\n    s += i\nprint(s)\n",
                "<t>",
                false,
            )
            .unwrap();
        let mut yields = 0;
        while let RunState::Suspended(Suspend::Yield) = st {
            yields += 1;
            st = vm.resume(Value::None).unwrap();
        }
        assert!(matches!(st, RunState::Finished(_)));
        assert!(yields >= 10, "yields: {}", yields);
        assert_eq!(text(&out), "499500\n");
    }

    #[test]
    fn top_level_await_of_host_objects() {
        let (mut vm, out) = vm();
        let src = "class W:\n    def __await__(self):\n        r = yield 'promise'\n        return r\nasync def f():\n    return await W() + 1\nx = await f()\nprint(x)\n";
        let st = vm.start(src, "<t>", true).unwrap();
        match st {
            RunState::Suspended(Suspend::Await(v)) => assert_eq!(v.as_str(), Some("promise")),
            other => panic!("unexpected {:?}", other),
        }
        let st = vm.resume(Value::Int(41)).unwrap();
        assert!(matches!(st, RunState::Finished(_)));
        assert_eq!(text(&out), "42\n");
    }

    #[test]
    fn saved_runs_interleave() {
        let (mut vm, out) = vm();
        let st = vm
            .start("a = input()\nprint('a', a)\n", "<t>", false)
            .unwrap();
        assert!(matches!(st, RunState::Suspended(Suspend::Input)));
        let a = vm.save_run().unwrap();
        assert!(!vm.is_suspended());
        let st = vm
            .start(
                "try:\n    1/0\nexcept ZeroDivisionError:\n    b = input()\n    print('b', b)\n",
                "<t>",
                false,
            )
            .unwrap();
        assert!(matches!(st, RunState::Suspended(Suspend::Input)));
        let b = vm.save_run().unwrap();
        // Synchronous code runs while both wait.
        vm.run_main("print('sync')\n", "<t>").unwrap();
        vm.restore_run(b).ok().unwrap();
        // Only one run at a time is in the VM.
        let a = vm.restore_run(a).err().unwrap();
        assert!(matches!(
            vm.resume(Value::str("x")).unwrap(),
            RunState::Finished(_)
        ));
        vm.restore_run(a).ok().unwrap();
        assert!(matches!(
            vm.resume(Value::str("y")).unwrap(),
            RunState::Finished(_)
        ));
        assert_eq!(text(&out), "sync\nb x\na y\n");
    }

    #[test]
    fn errors_end_the_run_and_the_vm_stays_usable() {
        let (mut vm, out) = vm();
        let st = vm.start("x = input()\n1/0\n", "<t>", false).unwrap();
        assert!(matches!(st, RunState::Suspended(Suspend::Input)));
        assert!(vm.resume(Value::str("z")).is_err());
        assert!(!vm.is_suspended());
        assert!(matches!(
            vm.start("print(x)\n", "<t>", false).unwrap(),
            RunState::Finished(_)
        ));
        assert_eq!(text(&out), "z\n");
    }
}

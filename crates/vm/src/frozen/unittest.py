"""Unit testing: TestCase with assert methods, and main() printing a CPython-like summary."""

import sys


class SkipTest(Exception):
    pass


class _AssertRaisesContext:
    def __init__(self, expected, test, regex=None):
        self.expected = expected
        self.test = test
        self.regex = regex
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            name = getattr(self.expected, "__name__", str(self.expected))
            raise self.test.failureException("%s not raised" % name)
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        if self.regex is not None:
            import re
            if not re.search(self.regex, str(exc_value)):
                raise self.test.failureException('"%s" does not match "%s"' % (self.regex, exc_value))
        return True


class TestCase:
    failureException = AssertionError
    maxDiff = 80 * 8
    longMessage = True

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def id(self):
        return "%s.%s" % (type(self).__qualname__, self._testMethodName)

    def __str__(self):
        return "%s (%s.%s.%s)" % (self._testMethodName, type(self).__module__,
                                  type(self).__qualname__, self._testMethodName)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _fail(self, std, msg):
        if msg is not None:
            std = "%s : %s" % (std, msg)
        raise self.failureException(std)

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self._fail("%r != %r" % (first, second), msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self._fail("%r == %r" % (first, second), msg)

    def assertTrue(self, expr, msg=None):
        if not expr:
            self._fail("%r is not true" % (expr,), msg)

    def assertFalse(self, expr, msg=None):
        if expr:
            self._fail("%r is not false" % (expr,), msg)

    def assertIs(self, a, b, msg=None):
        if a is not b:
            self._fail("%r is not %r" % (a, b), msg)

    def assertIsNot(self, a, b, msg=None):
        if a is b:
            self._fail("unexpectedly identical: %r" % (a,), msg)

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self._fail("%r is not None" % (obj,), msg)

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self._fail("unexpectedly None", msg)

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self._fail("%r not found in %r" % (member, container), msg)

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self._fail("%r unexpectedly found in %r" % (member, container), msg)

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._fail("%r is not an instance of %r" % (obj, cls), msg)

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._fail("%r is an instance of %r" % (obj, cls), msg)

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self._fail("%r not greater than %r" % (a, b), msg)

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self._fail("%r not greater than or equal to %r" % (a, b), msg)

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self._fail("%r not less than %r" % (a, b), msg)

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self._fail("%r not less than or equal to %r" % (a, b), msg)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            self._fail("%r != %r within %r delta (%r difference)" % (first, second, delta, diff), msg)
        if places is None:
            places = 7
        if round(diff, places) == 0:
            return
        self._fail("%r != %r within %r places (%r difference)" % (first, second, places, diff), msg)

    def assertNotAlmostEqual(self, first, second, places=7, msg=None, delta=None):
        diff = abs(first - second)
        if (delta is not None and diff > delta) or (delta is None and round(diff, places) != 0):
            return
        self._fail("%r == %r within %r places" % (first, second, places), msg)

    def assertCountEqual(self, first, second, msg=None):
        a, b = list(first), list(second)
        for x in a:
            if x in b:
                b.remove(x)
            else:
                self._fail("Element counts were not equal", msg)
        if b:
            self._fail("Element counts were not equal", msg)

    def assertListEqual(self, a, b, msg=None):
        self.assertEqual(a, b, msg)

    assertTupleEqual = assertDictEqual = assertSetEqual = assertSequenceEqual = assertListEqual
    assertMultiLineEqual = assertListEqual

    def assertRegex(self, text, regex, msg=None):
        import re
        if not re.search(regex, text):
            self._fail("Regex didn't match: %r not found in %r" % (regex, text), msg)

    def assertNotRegex(self, text, regex, msg=None):
        import re
        if re.search(regex, text):
            self._fail("Regex matched: %r matches %r" % (text, regex), msg)

    def assertRaises(self, expected, *args, **kwargs):
        ctx = _AssertRaisesContext(expected, self)
        if not args:
            return ctx
        with ctx:
            args[0](*args[1:], **kwargs)

    def assertRaisesRegex(self, expected, regex, *args, **kwargs):
        ctx = _AssertRaisesContext(expected, self, regex)
        if not args:
            return ctx
        with ctx:
            args[0](*args[1:], **kwargs)

    def assertWarns(self, expected, *args, **kwargs):
        from contextlib import nullcontext
        if not args:
            return nullcontext()
        args[0](*args[1:], **kwargs)

    def subTest(self, msg=None, **params):
        from contextlib import nullcontext
        return nullcontext()

    def run(self, result):
        method = getattr(self, self._testMethodName)
        if getattr(type(self), "__unittest_skip__", False) or getattr(method, "__unittest_skip__", False):
            why = getattr(method, "__unittest_skip_why__", None) or getattr(type(self), "__unittest_skip_why__", "")
            result.addSkip(self, why)
            return
        try:
            self.setUp()
        except SkipTest as e:
            result.addSkip(self, str(e))
            return
        except BaseException as e:
            result.addError(self, e)
            return
        try:
            method()
            ok = True
        except SkipTest as e:
            result.addSkip(self, str(e))
            ok = None
        except self.failureException as e:
            if getattr(method, "__unittest_expecting_failure__", False):
                result.addExpectedFailure(self, e)
            else:
                result.addFailure(self, e)
            ok = False
        except BaseException as e:
            if isinstance(e, (KeyboardInterrupt, SystemExit)):
                raise
            result.addError(self, e)
            ok = False
        try:
            self.tearDown()
        except BaseException as e:
            result.addError(self, e)
            ok = False
        if ok:
            if getattr(method, "__unittest_expecting_failure__", False):
                result.unexpectedSuccesses.append(self)
            else:
                result.addSuccess(self)


class FunctionTestCase(TestCase):
    def __init__(self, func):
        TestCase.__init__(self, "runTest")
        self._func = func

    def runTest(self):
        self._func()


def skip(reason):
    def deco(obj):
        obj.__unittest_skip__ = True
        obj.__unittest_skip_why__ = reason
        return obj
    return deco


def skipIf(cond, reason):
    return skip(reason) if cond else (lambda obj: obj)


def skipUnless(cond, reason):
    return skip(reason) if not cond else (lambda obj: obj)


def expectedFailure(f):
    f.__unittest_expecting_failure__ = True
    return f


class TestResult:
    def __init__(self, stream=None, verbosity=1):
        self.failures = []
        self.errors = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.testsRun = 0
        self._stream = stream if stream is not None else sys.stderr
        self._verbosity = verbosity

    def _mark(self, test, short, long):
        if self._verbosity > 1:
            self._stream.write("%s ... %s\n" % (test, long))
        else:
            self._stream.write(short)

    def addSuccess(self, test):
        self.testsRun += 1
        self._mark(test, ".", "ok")

    def addFailure(self, test, err):
        self.testsRun += 1
        self.failures.append((test, err))
        self._mark(test, "F", "FAIL")

    def addError(self, test, err):
        self.testsRun += 1
        self.errors.append((test, err))
        self._mark(test, "E", "ERROR")

    def addSkip(self, test, reason):
        self.testsRun += 1
        self.skipped.append((test, reason))
        self._mark(test, "s", "skipped %r" % reason)

    def addExpectedFailure(self, test, err):
        self.testsRun += 1
        self.expectedFailures.append((test, err))
        self._mark(test, "x", "expected failure")

    def wasSuccessful(self):
        return not self.failures and not self.errors and not self.unexpectedSuccesses


class TestSuite:
    def __init__(self, tests=()):
        self._tests = list(tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for t in tests:
            self.addTest(t)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return len(self._tests)

    def run(self, result):
        done = set()
        for t in self._tests:
            if isinstance(t, TestSuite):
                t.run(result)
                continue
            cls = type(t)
            if cls not in done:
                done.add(cls)
                cls.setUpClass()
            t.run(result)
        for cls in done:
            cls.tearDownClass()
        return result


class TestLoader:
    testMethodPrefix = "test"

    def getTestCaseNames(self, cls):
        return sorted(n for n in dir(cls) if n.startswith(self.testMethodPrefix)
                      and callable(getattr(cls, n)))

    def loadTestsFromTestCase(self, cls):
        return TestSuite([cls(n) for n in self.getTestCaseNames(cls)])

    def loadTestsFromModule(self, module):
        suite = TestSuite()
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase) and obj is not TestCase \
                    and obj is not FunctionTestCase:
                suite.addTest(self.loadTestsFromTestCase(obj))
        return suite


defaultTestLoader = TestLoader()


def _fmt_err(e):
    name = type(e).__name__
    if type(e).__module__ not in ("builtins", "__main__", None):
        pass
    s = str(e)
    return "%s: %s" % (name, s) if s else name


class TextTestRunner:
    def __init__(self, stream=None, verbosity=1, **kwargs):
        self.stream = stream if stream is not None else sys.stderr
        self.verbosity = verbosity

    def run(self, test):
        result = TestResult(self.stream, self.verbosity)
        test.run(result)
        w = self.stream.write
        if self.verbosity <= 1:
            w("\n")
        for kind, lst in (("ERROR", result.errors), ("FAIL", result.failures)):
            for t, e in lst:
                w("=" * 70 + "\n")
                w("%s: %s\n" % (kind, t))
                w("-" * 70 + "\n")
                w("Traceback (most recent call last):\n")
                w(_fmt_err(e) + "\n\n")
        w("-" * 70 + "\n")
        # The summary of MicroPython's unittest (micropython-lib), which its test runner and
        # tools parse: no timing, and both counts after FAILED.
        w("Ran %d tests\n\n" % result.testsRun)
        if result.wasSuccessful():
            skipped = len(result.skipped)
            w("OK" + (" (skipped=%d)" % skipped if skipped else "") + "\n")
        else:
            w("FAILED (failures=%d, errors=%d)\n" % (len(result.failures), len(result.errors)))
        return result


def main(module="__main__", exit=True, verbosity=1, argv=None, testRunner=None, **kwargs):
    if isinstance(module, str):
        module = sys.modules[module]
    suite = defaultTestLoader.loadTestsFromModule(module)
    runner = testRunner or TextTestRunner(verbosity=verbosity)
    result = runner.run(suite)
    if exit:
        sys.exit(not result.wasSuccessful())
    return result

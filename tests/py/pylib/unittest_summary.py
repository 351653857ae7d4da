# expect: handwritten
# MicroPython's unittest (micropython-lib) ends with "Ran N tests" (no timing) and
# "FAILED (failures=F, errors=E)" or "OK (skipped=S)": MicroPython's test runner and tools parse
# these lines, so they follow MicroPython rather than CPython's "Ran N tests in 0.001s".
import unittest


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


class Good(unittest.TestCase):
    def test_a(self):
        self.assertEqual(1 + 1, 2)

    @unittest.skip("not here")
    def test_b(self):
        pass


class Bad(unittest.TestCase):
    def test_c(self):
        self.assertEqual(1, 2)

    def test_d(self):
        raise KeyError("k")


for case in (Good, Bad):
    s = Stream()
    unittest.TextTestRunner(stream=s).run(unittest.defaultTestLoader.loadTestsFromTestCase(case))
    print(repr("".join(s.parts).split("-" * 70 + "\n")[-1]))

import unittest, sys

class Stream:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass

class T(unittest.TestCase):
    def setUp(self): self.x = 1
    def test_eq(self): self.assertEqual(self.x, 1)
    def test_fail(self): self.assertEqual(1, 2)
    def test_err(self): raise KeyError('k')
    def test_raises(self):
        with self.assertRaises(ValueError) as cm:
            int('x')
        self.assertIn('invalid', str(cm.exception))
        self.assertRaises(ZeroDivisionError, lambda: 1/0)
    def test_misc(self):
        self.assertTrue(1); self.assertFalse(0); self.assertIsNone(None); self.assertIn(1, [1])
        self.assertAlmostEqual(0.1 + 0.2, 0.3); self.assertIsInstance(1, int); self.assertCountEqual([1, 2], [2, 1])
        self.assertRaisesRegex(ValueError, 'inv.lid', int, 'x')
    @unittest.skip('nope')
    def test_skip(self): pass

s = Stream()
r = unittest.TextTestRunner(stream=s).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
out = ''.join(s.parts)
lines = out.split('\n')
print(lines[0])
for l in lines:
    if l.startswith(('ERROR:', 'FAIL:', 'AssertionError', 'KeyError')): print(l)
print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped), r.wasSuccessful())
print([str(t) for t, e in r.failures])

class MathUtil:
    PI_ISH = 3
    @staticmethod
    def clamp(v, lo, hi):
        return max(lo, min(v, hi))
    @staticmethod
    def is_even(n):
        return n % 2 == 0
    @classmethod
    def circle_area(cls, r):
        return cls.PI_ISH * r * r
    def instance_use(self, v):
        return self.clamp(v, 0, 10), MathUtil.is_even(v)
print(MathUtil.clamp(15, 0, 10), MathUtil.clamp(-5, 0, 10), MathUtil.is_even(4))
print(MathUtil.circle_area(2), MathUtil().instance_use(12))
f = MathUtil.clamp
print(f(5, 6, 7), callable(f))
class Precise(MathUtil):
    PI_ISH = 3.14
print(Precise.circle_area(1), Precise.clamp(0.5, 0, 1))

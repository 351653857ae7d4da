# Exceptions: raising and catching in a loop, custom exception classes, finally, re-raise.
class AppError(Exception):
    def __init__(self, code):
        super().__init__("app error %d" % code)
        self.code = code


class Retry(AppError):
    pass


def check(i):
    if i % 3 == 0:
        raise Retry(i)
    if i % 5 == 0:
        raise AppError(i)
    if i % 7 == 0:
        raise KeyError(i)
    return i


def run(n):
    total = 0
    finals = 0
    for i in range(n):
        try:
            try:
                total += check(i)
            finally:
                finals += 1
        except Retry as e:
            total -= e.code
        except AppError as e:
            total += e.code * 2
        except LookupError:
            total += 1
    d = {}
    misses = 0
    for i in range(n):
        try:
            misses += d[i]
        except KeyError:
            misses += 1
    nested = 0
    for i in range(n // 10):
        try:
            try:
                raise ValueError(i)
            except ValueError as e:
                raise TypeError("wrapped") from e
        except TypeError as e:
            nested += len(e.args)
    return total, finals, misses, nested


print(run(800000))

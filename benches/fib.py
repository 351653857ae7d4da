# Recursion: naive Fibonacci (function calls, integer add, comparisons).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


N = 34
print("fib(%d) = %d" % (N, fib(N)))

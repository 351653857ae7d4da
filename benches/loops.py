# Loops: nested while/for loops with integer arithmetic on locals.
def work(n):
    total = 0
    i = 0
    while i < n:
        j = 0
        while j < 100:
            total = (total + i * j + (i ^ j)) % 1000003
            j += 1
        i += 1
    for a in range(n):
        for b in range(0, 100, 3):
            if (a + b) & 1:
                total += a - b
            else:
                total -= (a * b) >> 3
    return total


print("checksum", work(60000))

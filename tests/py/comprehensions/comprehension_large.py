n = 2000
squares = [i * i for i in range(n)]
print(len(squares), squares[-1], sum(squares))
evens = {i for i in range(n) if i % 2 == 0}
print(len(evens), max(evens))
lookup = {i: str(i) for i in range(n)}
print(len(lookup), lookup[1999])
matrix = [[i * j for j in range(50)] for i in range(50)]
print(sum(map(sum, matrix)), matrix[49][49])
print(sum(1 for i in range(10000) if i % 7 == 0))

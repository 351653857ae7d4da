people = [('alice', 30, 'NYC'), ('bob', 25, 'LA'), ('carol', 35, 'NYC')]
for name, age, city in people:
    print(f'{name:<6}{age:>3} {city}')
by_city = {}
for name, age, city in people:
    by_city.setdefault(city, []).append(name)
print(by_city)
oldest = max(people, key=lambda p: p[1])
print(oldest[0], oldest[1:])
names, ages, cities = zip(*people)
print(names, sum(ages) / len(ages), sorted(set(cities)))
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, avg = stats(ages)
print(lo, hi, avg)

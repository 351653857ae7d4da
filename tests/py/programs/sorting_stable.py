# Sorting: keys, reverse, stability, multi-key sorts, sorting objects,
# operator.itemgetter/attrgetter and errors.
from operator import itemgetter, attrgetter

people = [
    ("alice", 30, "NY"), ("bob", 25, "LA"), ("carol", 30, "SF"), ("dave", 25, "NY"),
    ("eve", 35, "LA"), ("frank", 30, "NY"), ("grace", 25, "SF"),
]
print(sorted(people, key=itemgetter(1)))
print(sorted(people, key=itemgetter(1), reverse=True))
print(sorted(people, key=itemgetter(2, 1)))
by_city = sorted(people, key=itemgetter(2))
print(sorted(by_city, key=itemgetter(1)))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print([p[0] for p in sorted(people, key=lambda p: len(p[0]))])
print([p[0] for p in sorted(people, key=lambda p: len(p[0]), reverse=True)])


class Employee:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary

    def __repr__(self):
        return f"{self.name}({self.dept},{self.salary})"

    def __lt__(self, other):
        return self.salary < other.salary


staff = [Employee("ann", "eng", 120), Employee("ben", "ops", 90), Employee("cat", "eng", 90),
         Employee("dan", "ops", 120), Employee("eli", "eng", 100)]
print(sorted(staff))
print(sorted(staff, key=attrgetter("dept", "name")))
print(sorted(staff, key=attrgetter("salary"), reverse=True))
print(max(staff), min(staff, key=lambda e: e.name), max(staff, key=attrgetter("salary")))
staff.sort(key=lambda e: e.name, reverse=True)
print(staff)
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, key=abs, reverse=True), sorted(nums, reverse=True))
words = "The quick brown fox Jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(set(map(str.lower, words))))
print(sorted("hello"), "".join(sorted("hello", reverse=True)), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}))
print(sorted([[2, 1], [1, 2], [1, 1, 1], [1], []]), sorted([(1, "b"), (1, "a"), (0, "z")]))
pairs = [(1, "one"), (3, "three"), (2, "two")]
pairs.sort(key=itemgetter(1))
print(pairs)
mixed = [3, 1.5, True, 2]
print(sorted(mixed), sorted([0.1, -0.0, 0.0, -1e-9]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([{}, {}])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
stable = [(k % 3, i) for i, k in enumerate([5, 3, 9, 1, 4, 6, 2, 8, 7, 0])]
print(sorted(stable, key=itemgetter(0)))
lst = list(range(10))
lst.sort(key=lambda x: x % 2)
print(lst)
lst.reverse()
print(lst, list(reversed(lst)), lst[::-1] == list(reversed(lst)))
grades = {"ann": 88, "ben": 95, "cat": 88, "dan": 72}
ranking = sorted(grades.items(), key=lambda kv: (-kv[1], kv[0]))
for rank, (name, g) in enumerate(ranking, 1):
    print(f"{rank}. {name:<4}{g:>4}")
print(sorted(grades, key=grades.get), sorted(grades.values()), min(grades.items(), key=itemgetter(1)))
big = [(i * 7919) % 1000 for i in range(200)]
s = sorted(big)
print(s[:10], s[-5:], s == sorted(big, key=lambda x: x), all(s[i] <= s[i + 1] for i in range(len(s) - 1)))

records = [('alice', 30), ('bob', 25), ('carol', 30), ('dave', 25), ('eve', 35), ('frank', 30)]
by_age = sorted(records, key=lambda r: r[1])
print(by_age)
by_age_desc = sorted(records, key=lambda r: r[1], reverse=True)
print(by_age_desc)
two_pass = sorted(sorted(records, key=lambda r: r[0], reverse=True), key=lambda r: r[1])
print(two_pass)
nums = [(i % 3, i) for i in range(12)]
nums.sort(key=lambda t: t[0])
print(nums)

# dict_keys and dict_items are unhashable (they are set-like); dict_values hash by identity.
d = {1: 2}
for view in (d.keys(), d.items()):
    try:
        hash(view)
    except TypeError as e:
        print("TypeError", e)
print(type(hash(d.values())))
v = d.values()
print(hash(v) == hash(v))
try:
    {d.keys(): 1}
except TypeError as e:
    print("TypeError", e)

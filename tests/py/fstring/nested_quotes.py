d = {'key': 'value', "k2": 2}
print(f"{d['key']}")
print(f'{d["k2"]}')
print(f"""{d["key"]} and {d['k2']}""")
print(f'''{'single'} {"double"}''')
print(f"{'a' + 'b'}")
print(f"{','.join(['x', 'y'])}")
print(f"{'nested ' + f'{1+1}'}")
s = 'q'
print(f"{s!r}")

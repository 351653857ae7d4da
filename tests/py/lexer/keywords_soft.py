# soft keywords usable as names
match = 1
case = 2
_ = 3
print(match, case, _)
type = 'shadowed'
print(type)
del type
print(type(1).__name__)
def match_(x):
    match x:
        case 1:
            return 'one'
        case _:
            return 'other'
print(match_(1), match_(2))

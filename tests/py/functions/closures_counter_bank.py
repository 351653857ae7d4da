def make_account(balance):
    history = []
    def deposit(n):
        nonlocal balance
        balance += n
        history.append(('dep', n))
        return balance
    def withdraw(n):
        nonlocal balance
        if n > balance:
            raise ValueError('insufficient funds')
        balance -= n
        history.append(('wd', n))
        return balance
    def get():
        return balance, list(history)
    return deposit, withdraw, get
dep, wd, get = make_account(100)
print(dep(50), wd(30))
try:
    wd(500)
except ValueError as e:
    print('ValueError', e)
print(get())
dep2, _, get2 = make_account(0)
dep2(1)
print(get2(), get())

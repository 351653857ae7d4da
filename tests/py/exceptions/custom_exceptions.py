class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(balance, amount)
        self.balance = balance
        self.amount = amount
    def __str__(self):
        return f'need {self.amount - self.balance} more'
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(balance, amount)
    return balance - amount
print(withdraw(100, 30))
try:
    withdraw(10, 25)
except InsufficientFunds as e:
    print(e, e.args, repr(e))
class Base(Exception): pass
class Child(Base): pass
try:
    raise Child('c')
except Base as e:
    print('caught child as base', type(e).__name__)
class NoMsg(Exception): pass
print(repr(NoMsg()), str(NoMsg()) == '')

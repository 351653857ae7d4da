class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.id = Account._next_id
        Account._next_id += 1
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('deposit must be positive')
        self.balance += amount
        self.history.append(('deposit', amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f'{self.owner} has {self.balance}, needs {amount}')
        self.balance -= amount
        self.history.append(('withdraw', amount))
    def __repr__(self):
        return f'Account#{self.id}({self.owner!r}, balance={self.balance})'
class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.05):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, acct):
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            print('transfer failed:', e)
            return False
        self.accounts[dst].deposit(amount)
        return True
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice = bank.open(Account('alice', 100))
bob = bank.open(SavingsAccount('bob', 1000, rate=0.1))
print(alice, bob)
print(bank.transfer(alice.id, bob.id, 30))
print(bank.transfer(alice.id, bob.id, 500))
print(bob.add_interest())
print(alice, bob, bank.total())
try:
    alice.deposit(-5)
except ValueError as e:
    print('ValueError', e)
for acct in bank.accounts.values():
    print(acct.owner, acct.history)

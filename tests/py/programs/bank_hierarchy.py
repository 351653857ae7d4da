# A bank account class hierarchy: properties, validation, custom exceptions,
# class attributes, classmethods, super() and __repr__/__str__.


class BankError(Exception):
    """Base class for all bank errors."""


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner}: cannot withdraw {amount:.2f}, balance {account.balance:.2f}")
        self.account = account
        self.amount = amount


class AccountFrozen(BankError):
    pass


class Account:
    _next_id = 1000
    interest_rate = 0.0

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = 0.0
        self.id = Account._next_id
        Account._next_id += 1
        self.frozen = False
        self.history = []
        if balance:
            self.deposit(balance)

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = round(value, 2)

    @classmethod
    def open(cls, owner, *, initial=0):
        acct = cls(owner, initial)
        return acct

    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.id} is frozen")

    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount!r}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def month_end(self):
        interest = self.balance * self.interest_rate / 12
        if interest:
            self.balance += interest
            self.history.append(("interest", round(interest, 2)))

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, balance={self.balance:.2f})"

    def __str__(self):
        return f"#{self.id} {self.owner:<8} {self.balance:>10,.2f}"


class Savings(Account):
    interest_rate = 0.05
    max_withdrawals = 2

    def __init__(self, owner, balance=0.0):
        super().__init__(owner, balance)
        self.withdrawals = 0

    def withdraw(self, amount):
        if self.withdrawals >= self.max_withdrawals:
            raise BankError("withdrawal limit reached")
        super().withdraw(amount)
        self.withdrawals += 1
        return self


class Checking(Account):
    def __init__(self, owner, balance=0.0, overdraft=100):
        self.overdraft = overdraft
        super().__init__(owner, balance)

    def withdraw(self, amount):
        self._check()
        if amount > self.balance + self.overdraft:
            raise InsufficientFunds(self, amount)
        self._balance = round(self._balance - amount, 2)
        self.history.append(("withdraw", amount))
        return self


accounts = [
    Account.open("alice", initial=250),
    Savings.open("bob", initial=1200.5),
    Checking("carol", 40, overdraft=60),
]
for a in accounts:
    print(repr(a))
    print(str(a))

ops = [
    (0, "withdraw", 300),
    (0, "deposit", -5),
    (1, "withdraw", 100),
    (1, "withdraw", 100),
    (1, "withdraw", 100),
    (2, "withdraw", 90),
    (2, "withdraw", 20),
    (0, "deposit", 1e3),
]
for idx, op, amt in ops:
    acct = accounts[idx]
    try:
        getattr(acct, op)(amt)
    except InsufficientFunds as e:
        print("insufficient:", e, "| short by", round(e.amount - e.account.balance, 2))
    except BankError as e:
        print(type(e).__name__, "->", e)
    except ValueError as e:
        print("ValueError:", e.args)
    else:
        print("ok", op, amt, "->", acct.balance)

accounts[2].frozen = True
try:
    accounts[2].deposit(1)
except BankError as e:
    print(repr(e), isinstance(e, AccountFrozen), issubclass(AccountFrozen, Exception))

try:
    accounts[0].balance = -1
except ValueError as e:
    print("setter refused:", e)

for a in accounts:
    a.month_end()
    print(a, a.history)

print(sorted(accounts, key=lambda a: a.balance))
print([type(a).__mro__[1].__name__ for a in accounts])
print(Savings.interest_rate, Account.interest_rate, Checking.interest_rate)
print(sum(a.balance for a in accounts))
print(type(Account.balance), Account.balance.fget.__name__)

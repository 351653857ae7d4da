class Account:
    def __init__(self):
        self.__balance = 100
        self._protected = 'p'
    def balance(self):
        return self.__balance
    def __secret(self):
        return 'secret'
    def reveal(self):
        return self.__secret()
a = Account()
print(a.balance(), a._protected, a.reveal())
try:
    a.__balance
except AttributeError as e:
    print('AttributeError', e)
print(a._Account__balance, a._Account__secret())
print(sorted(a.__dict__))
class Sub(Account):
    def __init__(self):
        super().__init__()
        self.__balance = 'sub'
s = Sub()
print(s.balance(), s._Sub__balance, sorted(s.__dict__))

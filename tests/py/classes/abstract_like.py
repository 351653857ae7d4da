class Base:
    def template(self):
        return f'[{self.step1()}|{self.step2()}]'
    def step1(self):
        return 'base-1'
    def step2(self):
        raise NotImplementedError('subclass must implement step2')
class Impl(Base):
    def step2(self):
        return 'impl-2'
class Override(Impl):
    def step1(self):
        return 'override-1'
print(Impl().template(), Override().template())
try:
    Base().template()
except NotImplementedError as e:
    print('NotImplementedError', e)
print(issubclass(NotImplementedError, RuntimeError), NotImplemented is not NotImplementedError)

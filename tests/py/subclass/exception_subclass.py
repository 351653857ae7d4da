class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, msg):
        super().__init__(f'{field}: {msg}')
        self.field = field
        self.msg = msg
class CodeError(AppError):
    def __init__(self, code):
        self.code = code
    def __str__(self):
        return f'error code {self.code}'
try:
    raise ValidationError('age', 'must be positive')
except AppError as e:
    print(type(e).__name__, e, e.field, e.msg, e.args)
try:
    raise CodeError(404)
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
print(issubclass(ValidationError, Exception), issubclass(CodeError, ValidationError))
class WithDefault(Exception):
    def __init__(self, msg='default message'):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as e:
    print(e, repr(e))
try:
    raise WithDefault('custom')
except Exception as e:
    print(e)
class MultiArg(Exception): pass
e = MultiArg('a', 2)
print(str(e), repr(e), e.args)

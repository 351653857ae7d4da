class AppError(Exception):
    code = 500
    def __init__(self, message, **context):
        super().__init__(message)
        self.context = context
    def __str__(self):
        base = super().__str__()
        if self.context:
            return base + ' ' + ', '.join(f'{k}={v}' for k, v in sorted(self.context.items()))
        return base
class NotFound(AppError):
    code = 404
class Forbidden(AppError):
    code = 403
def handle(exc):
    try:
        raise exc
    except NotFound as e:
        return ('not found', e.code, str(e))
    except AppError as e:
        return ('app error', e.code, str(e))
print(handle(NotFound('no user', id=7)))
print(handle(Forbidden('denied', user='bob', role='guest')))
print(handle(AppError('boom')))
print(repr(NotFound('x')), NotFound('x').args, [c.__name__ for c in NotFound.__mro__])

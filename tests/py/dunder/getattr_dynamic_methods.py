class API:
    def __init__(self):
        self.log = []
    def __getattr__(self, name):
        if name.startswith('get_'):
            resource = name[4:]
            def getter(id_):
                self.log.append((resource, id_))
                return f'{resource}#{id_}'
            return getter
        raise AttributeError(f'{type(self).__name__!r} object has no attribute {name!r}')
api = API()
print(api.get_user(1), api.get_order(42), api.log)
try:
    api.delete_user
except AttributeError as e:
    print('AttributeError', e)
print(hasattr(api, 'get_x'), hasattr(api, 'post_x'), getattr(api, 'nope', 'fallback'))

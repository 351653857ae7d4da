def route(req):
    match req:
        case {'method': 'GET', 'path': '/'}:
            return 'home'
        case {'method': 'GET', 'path': str(p), **params} if p.startswith('/user/'):
            return f'user {p[6:]} params={sorted(params.items())}'
        case {'method': 'POST' | 'PUT' as m, 'body': {'id': int(i)}}:
            return f'{m} id={i}'
        case {'method': m}:
            return f'unsupported {m}'
        case _:
            return 'malformed'
reqs = [{'method': 'GET', 'path': '/'}, {'method': 'GET', 'path': '/user/7', 'q': 'x', 'lang': 'en'},
        {'method': 'PUT', 'body': {'id': 3, 'v': 1}}, {'method': 'POST', 'body': {'id': 'no'}},
        {'method': 'DELETE'}, {'path': '/'}, None]
for r in reqs:
    print(route(r))

class Tag(str):
    def wrap(self):
        return f'<{self}>'
    def __repr__(self):
        return f'Tag({str.__repr__(self)})'
t = Tag('div')
print(t, repr(t), t.wrap(), t.upper(), type(t.upper()).__name__, t + '!', type(t + '!').__name__)
print(t == 'div', len(t), t[0], isinstance(t, str), {t: 1}['div'])
class CaseInsensitive(str):
    def __eq__(self, o):
        return self.lower() == o.lower()
    def __hash__(self):
        return hash(self.lower())
print(CaseInsensitive('Hello') == 'HELLO', 'hello' in [CaseInsensitive('HeLLo')])
print(f'{t:>6}|', '%s' % t, str(t), ''.join([t, t]))

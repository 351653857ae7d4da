# Pure path operations only (filesystem methods need the os module).
from pathlib import PurePath, PurePosixPath
p = PurePath('/a/b/c.tar.gz')
print(p, repr(PurePosixPath('x/y')), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parts)
print(p / 'x', 'r' / PurePath('s'), p.with_suffix('.zip'), p.with_name('d.txt'), p.relative_to('/a'))
print(p.match('*.gz'), p.match('b/*.gz'), p.match('*.py'), p.is_absolute(), PurePath('a/b').is_absolute())
print(PurePath('a//b/./c'), PurePath(), PurePath('a', '/b', 'c'), PurePath('x') == PurePath('x/'))
print([str(x) for x in PurePath('/a/b/c').parents], PurePath('/').name == '', PurePath('a/b').as_posix())
try:
    p.relative_to('/z')
except ValueError as e:
    print('ValueError')
print(PurePath('.bashrc').suffix, PurePath('a.').suffix, PurePath('a/b.c').stem)

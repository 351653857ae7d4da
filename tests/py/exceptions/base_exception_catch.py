try:
    raise KeyboardInterrupt
except Exception:
    print('not caught by Exception')
except BaseException as e:
    print('caught by BaseException', type(e).__name__)
try:
    raise SystemExit(5)
except SystemExit as e:
    print('SystemExit code', e.code)
try:
    raise GeneratorExit
except Exception:
    print('no')
except GeneratorExit:
    print('GeneratorExit caught specifically')
try:
    try:
        raise ValueError
    except:
        print('bare except')
        raise
except ValueError:
    print('bare re-raise')

import sys
try:
    sys.exit(7)
except SystemExit as e:
    print('caught SystemExit', e.code)
try:
    sys.exit('msg')
except SystemExit as e:
    print('caught', repr(e.code))
try:
    raise SystemExit
except SystemExit as e:
    print('bare', e.code)
def cleanup():
    try:
        sys.exit(1)
    finally:
        print('finally runs on exit')
try:
    cleanup()
except SystemExit:
    print('propagated')
print('still running')

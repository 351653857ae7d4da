import sys
n = sys.stdout.write('abc\n')
print(n)
sys.stdout.write('no newline')
sys.stdout.write('\n')
print('mixed', end='')
sys.stdout.write(' write\n')
print('é☃', file=sys.stdout)

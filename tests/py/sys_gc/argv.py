import sys
print(type(sys.argv).__name__, len(sys.argv) >= 1)
name = sys.argv[0].replace('\\', '/').split('/')[-1]
print(name)

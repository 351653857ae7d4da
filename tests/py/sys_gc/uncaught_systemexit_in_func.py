import sys
def main():
    print('main start')
    return 4
sys.exit(main())

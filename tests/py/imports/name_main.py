print(__name__)
import _main_check
print(_main_check.whoami())
if __name__ == '__main__':
    print('running as main')

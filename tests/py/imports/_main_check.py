def whoami():
    return __name__
if __name__ == '__main__':
    print('this should not print on import')
else:
    print('_main_check imported as', __name__)

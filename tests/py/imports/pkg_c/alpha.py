ALPHA = 'alpha value'
def whoami():
    return __name__

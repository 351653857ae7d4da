print('_counted module executing')
counter = 0
def bump():
    global counter
    counter += 1
    return counter

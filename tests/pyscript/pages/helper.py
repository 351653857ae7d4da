# Fetched into the interpreter's file system by the page's `files` config, then imported.
def greet(name):
    return "hello " + name + " from helper.py"

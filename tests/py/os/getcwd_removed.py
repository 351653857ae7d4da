# os.getcwd() after the current directory was removed raises FileNotFoundError; chdir back works.
import os

base = os.getcwd()
d = "getcwd_removed_tmp_dir"
os.mkdir(d)
os.chdir(d)
print(os.getcwd().endswith("/" + d))
os.rmdir(os.getcwd())
try:
    os.getcwd()
    print("no error")
except OSError as e:
    print(type(e).__name__, e.errno)
os.chdir(base)
print(os.getcwd() == base, d in os.listdir())

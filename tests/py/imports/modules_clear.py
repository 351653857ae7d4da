# After sys.modules.clear(), imports still search sys.path, and an import of sys puts it back.
import os
import sys

d = "imp_clear_dir"
if d not in os.listdir():
    os.mkdir(d)
with open(d + "/imp_clear_mod.py", "w") as f:
    f.write('print("imp_clear_mod runs")\nvalue = 42\n')
sys.path.insert(0, d)
import imp_clear_mod

print(imp_clear_mod.value)
s1 = sys
sys.modules.clear()
import imp_clear_mod as again

print(again.value, again is imp_clear_mod)
import sys

print("sys" in sys.modules, "imp_clear_mod" in sys.modules)
os.remove(d + "/imp_clear_mod.py")
os.rmdir(d)

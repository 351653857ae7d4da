# A Python class derived from io.IOBase supplies its own write(); json.dump and print write to it.
import io
import json


class Collect(io.IOBase):
    def __init__(self):
        self.parts = []

    def write(self, s):
        if not isinstance(s, str):
            s = str(s, "ascii")
        self.parts.append(s)
        return len(s)


c = Collect()
json.dump({"a": [1, 2]}, c)
print("".join(c.parts))
print(isinstance(c, io.IOBase), issubclass(Collect, io.IOBase))
print(isinstance(io.BytesIO(), io.IOBase), isinstance(io.StringIO(), io.IOBase))

if True:
	x = 1
	if x:
		print("tabs", x)
if True:
    y = 2
    if y:
        print("spaces", y)
def f():
  return "two-space"
print(f())
class C:
      a = 6
      def m(self):
            return self.a
print(C().m())
for i in range(2):
 print("one-space", i)

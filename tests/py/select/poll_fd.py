# select.poll on integer descriptors asks the operating system: stdout (a pipe or a terminal)
# is writable at once; a negative descriptor is refused when registered.
import select

p = select.poll()
p.register(1, select.POLLOUT)
r = p.poll(0)
print(len(r), r[0][1] & select.POLLOUT)
p.modify(1, select.POLLOUT | select.POLLIN)
print(p.poll(0)[0][1] & select.POLLOUT)
p.unregister(1)
print(p.poll(0))
try:
    select.poll().register(-1)
except ValueError as e:
    print("ValueError", e)

l = []
for i in range(5):
    l.insert(0, i)
print(l)
l.insert(2, 'mid')
print(l)
while 'mid' in l:
    l.remove('mid')
print(l)
l = [1, 2, 2, 3, 2]
l.remove(2)
print(l)
print([x for x in l if x != 2])
l[:] = [x for x in l if x != 2]
print(l)
stack = []
stack.append(1); stack.append(2); stack.append(3)
print(stack.pop(), stack.pop(), stack)
queue = [1, 2, 3]
print(queue.pop(0), queue.pop(0), queue)

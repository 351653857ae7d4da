print('raising bare class')
raise ValueError

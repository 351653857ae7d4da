results = []
for v in ['1', 'x', '3', None, '5']:
    try:
        n = int(v)
    except ValueError:
        results.append('bad')
        continue
    except TypeError:
        results.append('none')
        break
    else:
        results.append(n)
    finally:
        results.append('|')
print(results)
def retry(attempts):
    for i in range(attempts):
        try:
            if i < 2:
                raise ConnectionError(f'attempt {i}')
            return f'success on {i}'
        except ConnectionError as e:
            print('failed:', e)
    return 'gave up'
print(retry(5))
print(retry(2))

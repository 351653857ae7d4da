log = []
def t(tag, v):
    log.append(tag)
    return v
result = [t('expr', x * y) for x in t('outer', range(2)) for y in t('inner', range(2)) if t('cond', True)]
print(result)
print(log)
log.clear()
d = {t('key', k): t('val', k) for k in range(2)}
print(d, log)

for w in [1, 5, 10]:
    for p in [0, 2, 4]:
        print(f'[{3.14159:{w}.{p}f}] [{"abcdef":{w}.{p}}] [{42:{w}}]')

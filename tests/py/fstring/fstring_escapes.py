x = 'v'
print(f'{{x}}', f'{{{x}}}', f'{{{{x}}}}', f'a{{b}}c')
print(f'tab\there {x}', f'newline\\n {x}')
print(rf'\d+{x}', fr'\t{x}')
print(f'{x!r:^7}')
print(f'\N{BULLET} {x}')
print(f'{"{"}', f'{"}"}')
print(f'%s {x}' % 'percent')

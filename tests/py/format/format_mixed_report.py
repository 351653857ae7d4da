sales = [('North', 1250000.5, 0.052), ('South', 980000.0, -0.013), ('East', 1502300.75, 0.124), ('West', 45000.0, 0.0)]
print('%-8s %15s %8s' % ('Region', 'Revenue', 'Growth'))
for region, rev, g in sales:
    print('%-8s %15s %+7.1f%%' % (region, format(rev, ',.2f'), g * 100))
total = sum(r for _, r, _ in sales)
print('%-8s %15s' % ('Total', '{:,.2f}'.format(total)))
best = max(sales, key=lambda s: s[2])
print('Best growth: {0} ({1:.1%})'.format(best[0], best[2]))
print(f'Share of {sales[0][0]}: {sales[0][1] / total:.2%}')

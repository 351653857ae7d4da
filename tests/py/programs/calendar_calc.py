def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def days_in_month(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
def day_of_week(y, m, d):
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return (y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7
NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
def month_calendar(y, m):
    lines = [f'{y}-{m:02d}'.center(20), 'Su Mo Tu We Th Fr Sa']
    first = day_of_week(y, m, 1)
    cells = ['  '] * first + [f'{d:2d}' for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(' '.join(cells[i:i + 7]))
    return '\n'.join(lines)
print(month_calendar(2024, 2))
print(month_calendar(2000, 1))
for y in [1900, 2000, 2023, 2024, 2100]:
    print(y, is_leap(y), sum(days_in_month(y, m) for m in range(1, 13)))
for date in [(1969, 7, 20), (2000, 1, 1), (2024, 2, 29), (1970, 1, 1)]:
    print(date, NAMES[day_of_week(*date)])
def ordinal(y, m, d):
    days = d
    for yy in range(1, y):
        days += 366 if is_leap(yy) else 365
    for mm in range(1, m):
        days += days_in_month(y, mm)
    return days
print(ordinal(2024, 3, 1) - ordinal(2023, 3, 1), ordinal(2000, 1, 1) - ordinal(1970, 1, 1))

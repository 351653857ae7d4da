from datetime import date, time, datetime, timedelta, timezone
d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=2), d - date(2023, 12, 25), d.weekday(), d.isoweekday(), d.isocalendar()[:])
print(d.strftime('%Y/%m/%d %A %a %B %b %j'), date.fromisoformat('2021-07-04'), d.replace(day=1), d.toordinal(), date.fromordinal(738000))
print(d < date(2024, 3, 1), d == date(2024, 2, 28), max(d, date(2020, 1, 1)), f"{d:%d.%m.%Y}")
td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(td, repr(td), td.total_seconds(), -td, td * 2, td / 2, td // timedelta(hours=1), timedelta(hours=-1))
print(timedelta(seconds=90), repr(timedelta(0)), timedelta(weeks=1) == timedelta(days=7), abs(timedelta(-1)), timedelta(minutes=1) < timedelta(hours=1))
t = time(13, 5, 9, 120)
print(t, repr(t), t.isoformat('minutes'), time(1, 2), repr(time(1, 2)), time.fromisoformat('10:20:30'), t.strftime('%I:%M %p'))
dt = datetime(2024, 12, 31, 23, 59, 30)
print(dt, repr(dt), dt + timedelta(seconds=45), dt.date(), dt.time(), dt.isoformat(), dt.isoformat(' ', 'minutes'))
print(dt - datetime(2024, 1, 1), datetime.fromisoformat('2024-05-06T07:08:09.5'), datetime.fromisoformat('2024-05-06'))
print(dt.strftime('%Y-%m-%d %H:%M:%S %%'), datetime.strptime('2023-01-02 03:04', '%Y-%m-%d %H:%M'), dt.timetuple()[:6])
u = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
print(u, repr(u), u.isoformat(), u.timestamp(), timezone.utc, repr(timezone(timedelta(hours=2))), u.tzname())
e = u.astimezone(timezone(timedelta(hours=-5)))
print(e, e == u, e.utcoffset(), datetime.fromtimestamp(0, timezone.utc), datetime.fromisoformat('2024-01-01T10:00:00+02:00'))
print(datetime(2000, 1, 1) < datetime(2000, 1, 2), date(2000, 1, 1) == date(2000, 1, 1), dt.weekday(), dt.replace(year=2000))
for bad in [(2023, 2, 29), (2023, 13, 1), (0, 1, 1)]:
    try:
        date(*bad)
    except ValueError as ex:
        print(ex)
try:
    datetime(2020, 1, 1) < u
except TypeError as ex:
    print(ex)
print(sorted([date(2022, 1, 1), date(2021, 5, 5)]), {date(2020, 1, 1): 1}[date(2020, 1, 1)])

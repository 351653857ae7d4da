order.append("s2")
print("from app.py", x * 2)

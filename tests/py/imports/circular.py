import _circular_a
import _circular_b
print(_circular_a.use_b(), _circular_b.use_a())

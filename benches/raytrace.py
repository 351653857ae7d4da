# Object-oriented code: a small ray tracer (vector class with operator methods, polymorphic
# scene objects, dynamic dispatch). Prints a checksum of the rendered image.
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return self.dot(self) ** 0.5

    def norm(self):
        return self.scale(1.0 / self.length())


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.norm()

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Thing:
    def __init__(self, color, reflect):
        self.color = color
        self.reflect = reflect

    def intersect(self, ray):
        raise NotImplementedError

    def normal(self, p):
        raise NotImplementedError


class Sphere(Thing):
    def __init__(self, center, radius, color, reflect):
        super().__init__(color, reflect)
        self.center = center
        self.r2 = radius * radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.r2
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - disc**0.5
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.center).norm()


class Plane(Thing):
    def __init__(self, point, normal, color, reflect):
        super().__init__(color, reflect)
        self.point = point
        self.n = normal.norm()

    def intersect(self, ray):
        denom = self.n.dot(ray.direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, p):
        return self.n


class Scene:
    def __init__(self):
        self.things = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
            Sphere(Vec(-2.0, 0.7, 6.0), 0.7, Vec(0.2, 0.9, 0.2), 0.5),
            Sphere(Vec(2.0, 0.5, 4.5), 0.5, Vec(0.2, 0.2, 0.9), 0.1),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), Vec(0.8, 0.8, 0.8), 0.2),
        ]
        self.light = Vec(-3.0, 5.0, 0.0)

    def closest(self, ray):
        best = None
        best_t = 1e30
        for thing in self.things:
            t = thing.intersect(ray)
            if t is not None and t < best_t:
                best, best_t = thing, t
        return best, best_t

    def trace(self, ray, depth):
        thing, t = self.closest(ray)
        if thing is None:
            return Vec(0.1, 0.1, 0.2)
        p = ray.at(t)
        n = thing.normal(p)
        to_light = (self.light - p).norm()
        shadow, st = self.closest(Ray(p, to_light))
        diffuse = max(0.0, n.dot(to_light))
        if shadow is not None and st < (self.light - p).length():
            diffuse *= 0.3
        color = thing.color.scale(0.1 + 0.9 * diffuse)
        if depth < 2 and thing.reflect > 0:
            d = ray.direction
            r = d - n.scale(2 * d.dot(n))
            color = color.scale(1 - thing.reflect) + self.trace(Ray(p, r), depth + 1).scale(
                thing.reflect
            )
        return color


def render(w, h):
    scene = Scene()
    eye = Vec(0.0, 1.5, -1.0)
    checksum = 0
    for j in range(h):
        for i in range(w):
            x = (i - w / 2) / w
            y = (h / 2 - j) / h
            c = scene.trace(Ray(eye, Vec(x, y, 1.0)), 0)
            checksum += int(min(c.x, 1.0) * 255) + 3 * int(min(c.y, 1.0) * 255)
            checksum += 7 * int(min(c.z, 1.0) * 255)
    return checksum


print("checksum", render(320, 240))

# A tiny text adventure driven by a scripted list of commands.

ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "walls of books", "exits": {"south": "hall"}, "items": ["key", "book"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "darkness", "exits": {"up": "kitchen"}, "items": ["treasure"], "locked": True},
}


class GameOver(Exception):
    pass


class Game:
    def __init__(self, rooms):
        self.rooms = {k: dict(v, items=list(v["items"])) for k, v in rooms.items()}
        self.here = "hall"
        self.inventory = set()
        self.moves = 0
        self.log = []

    def say(self, *parts, sep=" "):
        line = sep.join(str(p) for p in parts)
        self.log.append(line)
        print(line)

    def cmd_look(self):
        room = self.rooms[self.here]
        self.say(f"You are in {room['desc']}.")
        if room["items"]:
            self.say("You see:", ", ".join(sorted(room["items"])))
        self.say("Exits:", " ".join(sorted(room["exits"])))

    def cmd_go(self, direction):
        exits = self.rooms[self.here]["exits"]
        if direction not in exits:
            self.say("You can't go", direction)
            return
        target = exits[direction]
        if self.rooms[target].get("locked"):
            if "key" in self.inventory:
                self.say("You unlock the door with the key.")
                self.rooms[target]["locked"] = False
            else:
                self.say("The door is locked.")
                return
        if target == "cellar" and "lamp" not in self.inventory:
            raise GameOver("You fall down the dark stairs.")
        self.here = target
        self.moves += 1
        self.cmd_look()

    def cmd_take(self, item):
        items = self.rooms[self.here]["items"]
        try:
            items.remove(item)
        except ValueError:
            self.say("No", item, "here.")
        else:
            self.inventory.add(item)
            self.say("Taken:", item)
            if item == "treasure":
                raise GameOver(f"You win in {self.moves} moves!")

    def cmd_inventory(self):
        self.say("You carry:", sorted(self.inventory) or "nothing")

    def run(self, commands):
        self.cmd_look()
        for line in commands:
            words = line.lower().split()
            if not words:
                continue
            verb, *args = words
            handler = getattr(self, "cmd_" + verb, None)
            print(">", line)
            if handler is None:
                self.say("I don't understand", repr(verb))
                continue
            try:
                handler(*args)
            except TypeError as e:
                self.say("Huh?", type(e).__name__)
            except GameOver as e:
                self.say("*** " + e.args[0] + " ***")
                return True
        return False


script = ["go west", "take lamp", "go north", "take key", "take sword", "inventory",
          "dance", "", "go", "go south", "go east", "go down", "take treasure", "look"]
won = Game(ROOMS).run(script)
print("won:", won)
g = Game(ROOMS)
print(g.run(["go east", "go down"]))
print(len(g.log), g.log[-1])
print(ROOMS["hall"]["items"])

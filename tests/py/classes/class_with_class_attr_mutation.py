class Config:
    settings = {'debug': False}
    tags = []
    def enable(self):
        self.settings['debug'] = True
    def tag(self, t):
        self.tags = self.tags + [t]
a, b = Config(), Config()
a.enable()
print(b.settings, Config.settings)
a.tag('x')
print(a.tags, b.tags, Config.tags)
b.settings = {'debug': 'own'}
print(a.settings, b.settings, Config.settings)

class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class Audio(Plugin, name='audio-plugin'):
    pass
class Video(Plugin):
    pass
class HDVideo(Video, name='hd'):
    pass
print(Plugin.registry, Audio.plugin_name, HDVideo.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print('TypeError')

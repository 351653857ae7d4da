class ConfigError(Exception):
    pass
print('loading config')
raise ConfigError('missing key: port')

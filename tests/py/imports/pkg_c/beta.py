from .alpha import whoami
BETA = 'beta uses ' + whoami()

print('about to import')
import definitely_missing_module

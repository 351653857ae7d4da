NAME = 'sibling'

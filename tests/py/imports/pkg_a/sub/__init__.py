print('pkg_a.sub init')

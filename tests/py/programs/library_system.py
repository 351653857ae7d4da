class Book:
    def __init__(self, isbn, title, author, year):
        self.isbn, self.title, self.author, self.year = isbn, title, author, year
        self.borrower = None
    def __repr__(self):
        status = f'out to {self.borrower}' if self.borrower else 'available'
        return f'<{self.title} ({self.year}) by {self.author}: {status}>'
class Library:
    MAX_LOANS = 2
    def __init__(self):
        self.books = {}
        self.loans = {}
    def add(self, *books):
        for b in books:
            self.books[b.isbn] = b
    def checkout(self, isbn, member):
        book = self.books.get(isbn)
        if book is None:
            raise LookupError(f'no book {isbn}')
        if book.borrower:
            raise RuntimeError(f'{book.title!r} already borrowed by {book.borrower}')
        if len(self.loans.get(member, [])) >= self.MAX_LOANS:
            raise RuntimeError(f'{member} has too many loans')
        book.borrower = member
        self.loans.setdefault(member, []).append(isbn)
    def checkin(self, isbn):
        book = self.books[isbn]
        self.loans[book.borrower].remove(isbn)
        book.borrower = None
    def search(self, **criteria):
        def match(b):
            return all(str(v).lower() in str(getattr(b, k)).lower() for k, v in criteria.items())
        return sorted((b for b in self.books.values() if match(b)), key=lambda b: b.year)
lib = Library()
lib.add(Book('1', 'Dune', 'Herbert', 1965), Book('2', 'Neuromancer', 'Gibson', 1984),
        Book('3', 'Foundation', 'Asimov', 1951), Book('4', 'I, Robot', 'Asimov', 1950))
for isbn, who in [('1', 'ann'), ('3', 'ann'), ('4', 'ann'), ('1', 'bob'), ('9', 'bob'), ('2', 'bob')]:
    try:
        lib.checkout(isbn, who)
        print('checked out', isbn, 'to', who)
    except (LookupError, RuntimeError) as e:
        print(type(e).__name__, e)
print(lib.search(author='asimov'))
lib.checkin('1')
print(lib.search(title='u'))
print({m: sorted(v) for m, v in lib.loans.items()})

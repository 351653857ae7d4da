//! Scope analysis: which names are local, global, free (closure) or cell variables in each scope.

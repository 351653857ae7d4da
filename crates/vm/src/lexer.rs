//! The tokenizer: Python source text to tokens, with INDENT/DEDENT.

"""Everything lzplan prints or writes, one module per kind of output."""

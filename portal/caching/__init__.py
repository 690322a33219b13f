"""Speed that does not decay: the skeleton snapshot, one-query routing, the page cache and its purges."""

"""Speed that does not decay: cache tokens, the site structure, one-query routing, the page cache
and its purges (docs/architecture.md)."""

"""`make bench`: page speed at scale, against the ceilings of the same server (bench/run.py)."""

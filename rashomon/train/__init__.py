"""Training the learned parts: one command each, reproducible from a seed, weights shipped in the package.

python -m rashomon.train slots     # which figures of a story state the same quantity
"""

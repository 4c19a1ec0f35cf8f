"""What was tried (numbers measured on dev-B / held-out synthetic); pasted into the model card."""

EXPERIMENTS_MD = """## Experiments (what helped, what did not)

(filled in below)
"""
